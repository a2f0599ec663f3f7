// im2col and col2im on 16 lanes: every output row of a kernel tap is a shifted (stride 1) or
// decimated (stride 2) copy of one image row, zero where the window leaves the image.
#if defined(__x86_64__)
#include "avx512_lanes.h"
#include "kernels.h"

/// The lanes `i` of a 16-lane group starting at `start` with `lo ≤ start + i < hi`.
KERNEL __mmask16 range(ptrdiff_t start, ptrdiff_t lo, ptrdiff_t hi) {
    const __m512i index = _mm512_add_epi32(
        _mm512_set1_epi32((int)start),
        _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
    return _mm512_cmpge_epi32_mask(index, _mm512_set1_epi32((int)lo))
        & _mm512_cmplt_epi32_mask(index, _mm512_set1_epi32((int)hi));
}

/// `dst[x] = row[x·stride + shift]` for `x < count`, 0 where `x·stride + shift` is outside
/// `[0, width)` (stride 1 or 2). Groups whose reads all lie inside the row take unmasked loads.
KERNEL void gather_row(
    const float *row, ptrdiff_t width, ptrdiff_t stride, ptrdiff_t shift, float *dst,
    ptrdiff_t count) {
    const __m512i evens =
        _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    for (ptrdiff_t x = 0; x < count; x += 16) {
        const ptrdiff_t start = stride * x + shift;
        const int inside = start >= 0 && start + 16 * stride <= width && x + 16 <= count;
        if (stride == 1) {
            if (inside) {
                _mm512_storeu_ps(dst + x, _mm512_loadu_ps(row + start));
                continue;
            }
            const __m512 values = _mm512_maskz_loadu_ps(range(start, 0, width), row + start);
            if (x + 16 <= count) _mm512_storeu_ps(dst + x, values);
            else _mm512_mask_storeu_ps(dst + x, range(x, 0, count), values);
        } else if (inside) {
            const __m512 low = _mm512_loadu_ps(row + start), high = _mm512_loadu_ps(row + start + 16);
            _mm512_storeu_ps(dst + x, _mm512_permutex2var_ps(low, evens, high));
        } else {
            const __m512 low = _mm512_maskz_loadu_ps(range(start, 0, width), row + start);
            const __m512 high =
                _mm512_maskz_loadu_ps(range(start + 16, 0, width), row + start + 16);
            const __m512 values = _mm512_permutex2var_ps(low, evens, high);
            if (x + 16 <= count) _mm512_storeu_ps(dst + x, values);
            else _mm512_mask_storeu_ps(dst + x, range(x, 0, count), values);
        }
    }
}

/// `row[x·stride + shift] += src[x]` for `x < count` where `x·stride + shift` lies in
/// `[0, width)` (stride 1 or 2).
KERNEL void scatter_row(
    const float *src, ptrdiff_t count, ptrdiff_t stride, ptrdiff_t shift, float *row,
    ptrdiff_t width) {
    const __m512i spread_low =
        _mm512_setr_epi32(0, 16, 1, 16, 2, 16, 3, 16, 4, 16, 5, 16, 6, 16, 7, 16);
    const __m512i spread_high =
        _mm512_setr_epi32(8, 16, 9, 16, 10, 16, 11, 16, 12, 16, 13, 16, 14, 16, 15, 16);
    for (ptrdiff_t x = 0; x < count; x += 16) {
        const __mmask16 in = range(x, 0, count);
        const __m512 values = _mm512_maskz_loadu_ps(in, src + x);
        if (stride == 1) {
            const ptrdiff_t start = x + shift;
            const __mmask16 valid = range(start, 0, width) & in;
            const __m512 sum = _mm512_add_ps(_mm512_maskz_loadu_ps(valid, row + start), values);
            _mm512_mask_storeu_ps(row + start, valid, sum);
        } else {
            // Source lane i goes to lane 2i of a 32-float span; odd lanes are left alone.
            const ptrdiff_t start = 2 * x + shift;
            const __mmask16 even = 0x5555;
            const __m512 zero = _mm512_setzero_ps();
            for (int half = 0; half < 2; half++) {
                const ptrdiff_t at = start + 16 * half;
                const __mmask16 valid =
                    range(at, 0, width) & even & range(at, shift, shift + 2 * count);
                const __m512 spread = _mm512_permutex2var_ps(
                    values, half ? spread_high : spread_low, zero);
                const __m512 sum = _mm512_add_ps(_mm512_maskz_loadu_ps(valid, row + at), spread);
                _mm512_mask_storeu_ps(row + at, valid, sum);
            }
        }
    }
}

#define IM2COL_NAME im2col_avx512
#define COL2IM_NAME col2im_avx512
#define TARGET "avx512f"
#include "im2col_loops.h"
#endif
