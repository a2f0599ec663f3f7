// Matrix transposition in 8 × 8 blocks of AVX2 registers, plain copies at the edges.
#if defined(__x86_64__)
#include "avx2_lanes.h"
#include "kernels.h"

/// Transposes the 8 × 8 block at `source` (rows `ls` apart) into `target` (rows `lt` apart).
KERNEL void block(const float *source, ptrdiff_t ls, float *target, ptrdiff_t lt) {
    __m256 r[8], t[8];
    for (int i = 0; i < 8; i++) r[i] = _mm256_loadu_ps(source + i * ls);
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 8; i += 4) {
        r[i] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(1, 0, 1, 0));
        r[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(3, 2, 3, 2));
        r[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(1, 0, 1, 0));
        r[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(3, 2, 3, 2));
    }
    for (int i = 0; i < 4; i++) {
        _mm256_storeu_ps(target + i * lt, _mm256_permute2f128_ps(r[i], r[i + 4], 0x20));
        _mm256_storeu_ps(target + (i + 4) * lt, _mm256_permute2f128_ps(r[i], r[i + 4], 0x31));
    }
}

__attribute__((target("avx2,fma"))) void transpose_avx2(
    const float *source, ptrdiff_t rows, ptrdiff_t columns, float *target) {
    const ptrdiff_t full_rows = rows - rows % 8, full_columns = columns - columns % 8;
    for (ptrdiff_t i = 0; i < full_rows; i += 8) {
        for (ptrdiff_t j = 0; j < full_columns; j += 8) {
            block(source + i * columns + j, columns, target + j * rows + i, rows);
        }
        for (ptrdiff_t j = full_columns; j < columns; j++) {
            for (ptrdiff_t r = i; r < i + 8; r++) target[j * rows + r] = source[r * columns + j];
        }
    }
    for (ptrdiff_t r = full_rows; r < rows; r++) {
        for (ptrdiff_t j = 0; j < columns; j++) target[j * rows + r] = source[r * columns + j];
    }
}
#endif
