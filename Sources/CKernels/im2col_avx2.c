// im2col and col2im on 8 lanes, as `im2col_avx512.c` on 16.
#if defined(__x86_64__)
#include "avx2_lanes.h"
#include "kernels.h"

/// The lanes `i` of an 8-lane group starting at `start` with `lo ≤ start + i < hi`.
KERNEL __m256i range(ptrdiff_t start, ptrdiff_t lo, ptrdiff_t hi) {
    const __m256i index = _mm256_add_epi32(
        _mm256_set1_epi32((int)start), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    return _mm256_andnot_si256(
        _mm256_cmpgt_epi32(_mm256_set1_epi32((int)lo), index),
        _mm256_cmpgt_epi32(_mm256_set1_epi32((int)hi), index));
}

/// `dst[x] = row[x·stride + shift]` for `x < count`, 0 where `x·stride + shift` is outside
/// `[0, width)` (stride 1 or 2). Groups whose reads all lie inside the row take unmasked loads.
KERNEL void gather_row(
    const float *row, ptrdiff_t width, ptrdiff_t stride, ptrdiff_t shift, float *dst,
    ptrdiff_t count) {
    for (ptrdiff_t x = 0; x < count; x += 8) {
        const ptrdiff_t start = stride * x + shift;
        const int inside = start >= 0 && start + 8 * stride <= width && x + 8 <= count;
        if (stride == 1) {
            if (inside) {
                _mm256_storeu_ps(dst + x, _mm256_loadu_ps(row + start));
                continue;
            }
            const __m256i out = range(x, 0, count);
            const __m256i valid = _mm256_and_si256(range(start, 0, width), out);
            const __m256 values = _mm256_maskload_ps(row + start, valid);
            if (x + 8 <= count) _mm256_storeu_ps(dst + x, values);
            else _mm256_maskstore_ps(dst + x, out, values);
            continue;
        }
        const __m256 low = inside ? _mm256_loadu_ps(row + start)
                                  : _mm256_maskload_ps(row + start, range(start, 0, width));
        const __m256 high = inside
                                ? _mm256_loadu_ps(row + start + 8)
                                : _mm256_maskload_ps(row + start + 8, range(start + 8, 0, width));
        // [l0 l2 h0 h2 | l4 l6 h4 h6], then its 64-bit quarters reordered 0, 2, 1, 3.
        const __m256 mixed = _mm256_shuffle_ps(low, high, _MM_SHUFFLE(2, 0, 2, 0));
        const __m256 evens =
            _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(mixed), 0xD8));
        if (x + 8 <= count) _mm256_storeu_ps(dst + x, evens);
        else _mm256_maskstore_ps(dst + x, range(x, 0, count), evens);
    }
}

/// `row[x·stride + shift] += src[x]` for `x < count` where `x·stride + shift` lies in
/// `[0, width)` (stride 1 or 2). Groups whose reads and writes all lie inside the row take
/// unmasked moves (masked ones are slow on some processors); odd lanes of a stride-2 span then
/// get `+ 0`, which leaves every value as it was.
KERNEL void scatter_row(
    const float *src, ptrdiff_t count, ptrdiff_t stride, ptrdiff_t shift, float *row,
    ptrdiff_t width) {
    const __m256i spread_low = _mm256_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3);
    const __m256i spread_high = _mm256_setr_epi32(4, 4, 5, 5, 6, 6, 7, 7);
    const __m256i even = _mm256_setr_epi32(-1, 0, -1, 0, -1, 0, -1, 0);
    const __m256 zero = _mm256_setzero_ps();
    for (ptrdiff_t x = 0; x < count; x += 8) {
        const ptrdiff_t start = stride * x + shift;
        const int inside = start >= 0 && start + 8 * stride <= width && x + 8 <= count;
        const __m256i in = range(x, 0, count);
        const __m256 values = inside ? _mm256_loadu_ps(src + x) : _mm256_maskload_ps(src + x, in);
        if (stride == 1) {
            if (inside) {
                _mm256_storeu_ps(row + start, _mm256_add_ps(_mm256_loadu_ps(row + start), values));
                continue;
            }
            const __m256i valid = _mm256_and_si256(range(start, 0, width), in);
            const __m256 sum = _mm256_add_ps(_mm256_maskload_ps(row + start, valid), values);
            _mm256_maskstore_ps(row + start, valid, sum);
            continue;
        }
        // Source lane i goes to lane 2i of a 16-float span.
        for (int half = 0; half < 2; half++) {
            const ptrdiff_t at = start + 8 * half;
            const __m256 spread =
                _mm256_permutevar8x32_ps(values, half ? spread_high : spread_low);
            if (inside) {
                const __m256 evens = _mm256_blend_ps(zero, spread, 0x55);
                _mm256_storeu_ps(row + at, _mm256_add_ps(_mm256_loadu_ps(row + at), evens));
                continue;
            }
            const __m256i valid = _mm256_and_si256(
                _mm256_and_si256(range(at, 0, width), even), range(at, shift, shift + 2 * count));
            const __m256 sum = _mm256_add_ps(_mm256_maskload_ps(row + at, valid), spread);
            _mm256_maskstore_ps(row + at, valid, sum);
        }
    }
}

#define IM2COL_NAME im2col_avx2
#define COL2IM_NAME col2im_avx2
#define TARGET "avx2,fma"
#include "im2col_loops.h"
#endif
