// The fused bias + SiLU and its gradient on 16 lanes, the last lanes of a plane masked.
#if defined(__x86_64__)
#include "avx512_lanes.h"
#include "kernels.h"

/// Cephes' `expf`: range reduction by ln 2, degree-6 polynomial, exponent by integer addition.
KERNEL __m512 exponential(__m512 x) {
    const __m512 v = _mm512_min_ps(_mm512_set1_ps(88.0f), _mm512_max_ps(_mm512_set1_ps(-87.0f), x));
    const __m512 magic = _mm512_set1_ps(12582912.0f);
    const __m512 shifted = _mm512_fmadd_ps(v, _mm512_set1_ps(1.44269504f), magic);
    const __m512 n = _mm512_sub_ps(shifted, magic);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), v);
    r = _mm512_fmadd_ps(n, _mm512_set1_ps(2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(_mm512_mul_ps(p, r), r, _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    const __m512i exponent = _mm512_slli_epi32(
        _mm512_add_epi32(
            _mm512_sub_epi32(_mm512_castps_si512(shifted), _mm512_set1_epi32(0x4B400000)),
            _mm512_set1_epi32(127)),
        23);
    return _mm512_mul_ps(p, _mm512_castsi512_ps(exponent));
}

__attribute__((target("avx512f"))) void silu_forward_avx512(
    float *x, float *gate, float bias, ptrdiff_t count) {
    const __m512 b = _mm512_set1_ps(bias), one = _mm512_set1_ps(1.0f);
    for (ptrdiff_t i = 0; i < count; i += 16) {
        const __mmask16 mask = lanes(count - i);
        const __m512 z = _mm512_add_ps(_mm512_maskz_loadu_ps(mask, x + i), b);
        const __m512 s = _mm512_div_ps(one, _mm512_add_ps(one, exponential(_mm512_sub_ps(_mm512_setzero_ps(), z))));
        _mm512_mask_storeu_ps(gate + i, mask, s);
        _mm512_mask_storeu_ps(x + i, mask, _mm512_mul_ps(z, s));
    }
}

__attribute__((target("avx512f"))) void silu_backward_avx512(
    const float *dy, const float *y, const float *gate, float *dz, ptrdiff_t count) {
    const __m512 one = _mm512_set1_ps(1.0f);
    for (ptrdiff_t i = 0; i < count; i += 16) {
        const __mmask16 mask = lanes(count - i);
        const __m512 s = _mm512_maskz_loadu_ps(mask, gate + i);
        const __m512 slope = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, y + i), _mm512_sub_ps(one, s), s);
        _mm512_mask_storeu_ps(dz + i, mask, _mm512_mul_ps(_mm512_maskz_loadu_ps(mask, dy + i), slope));
    }
}
#endif
