// The fused bias + SiLU and its gradient on 8 lanes, the last lanes of a plane masked.
#if defined(__x86_64__)
#include "avx2_lanes.h"
#include "kernels.h"

/// Cephes' `expf`: range reduction by ln 2, degree-6 polynomial, exponent by integer addition.
KERNEL __m256 exponential(__m256 x) {
    const __m256 v = _mm256_min_ps(_mm256_set1_ps(88.0f), _mm256_max_ps(_mm256_set1_ps(-87.0f), x));
    const __m256 magic = _mm256_set1_ps(12582912.0f);
    const __m256 shifted = _mm256_fmadd_ps(v, _mm256_set1_ps(1.44269504f), magic);
    const __m256 n = _mm256_sub_ps(shifted, magic);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), v);
    r = _mm256_fmadd_ps(n, _mm256_set1_ps(2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(_mm256_mul_ps(p, r), r, _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    const __m256i exponent = _mm256_slli_epi32(
        _mm256_add_epi32(
            _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_set1_epi32(0x4B400000)),
            _mm256_set1_epi32(127)),
        23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(exponent));
}

__attribute__((target("avx2,fma"))) void silu_forward_avx2(
    float *x, float *gate, float bias, ptrdiff_t count) {
    const __m256 b = _mm256_set1_ps(bias), one = _mm256_set1_ps(1.0f);
    for (ptrdiff_t i = 0; i < count; i += 8) {
        const int full = count - i >= 8;
        const __m256i mask = lanes(count - i);
        const __m256 z = _mm256_add_ps(load(x + i, full, mask), b);
        const __m256 e = exponential(_mm256_sub_ps(_mm256_setzero_ps(), z));
        const __m256 s = _mm256_div_ps(one, _mm256_add_ps(one, e));
        store(gate + i, full, mask, s);
        store(x + i, full, mask, _mm256_mul_ps(z, s));
    }
}

__attribute__((target("avx2,fma"))) void silu_backward_avx2(
    const float *dy, const float *y, const float *gate, float *dz, ptrdiff_t count) {
    const __m256 one = _mm256_set1_ps(1.0f);
    for (ptrdiff_t i = 0; i < count; i += 8) {
        const int full = count - i >= 8;
        const __m256i mask = lanes(count - i);
        const __m256 s = load(gate + i, full, mask);
        const __m256 slope = _mm256_fmadd_ps(load(y + i, full, mask), _mm256_sub_ps(one, s), s);
        store(dz + i, full, mask, _mm256_mul_ps(load(dy + i, full, mask), slope));
    }
}
#endif
