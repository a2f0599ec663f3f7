// Helpers of the AVX2 kernels: the target attribute, lane masks and moves that are masked only
// for a row's last, partial group (masked moves are slow on some processors; AMD microcodes
// them).
#ifndef CKERNELS_AVX2_LANES_H
#define CKERNELS_AVX2_LANES_H

#include <immintrin.h>
#include <stddef.h>

#define KERNEL static inline __attribute__((always_inline, target("avx2,fma")))

/// The mask of the first `count` (at most 8; none when `count` ≤ 0) lanes.
KERNEL __m256i lanes(ptrdiff_t count) {
    const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(count < 8 ? count : 8)), index);
}

/// Eight floats from `p`, or only the lanes of `mask` unless `full`.
KERNEL __m256 load(const float *p, int full, __m256i mask) {
    return full ? _mm256_loadu_ps(p) : _mm256_maskload_ps(p, mask);
}

/// Eight floats to `p`, or only the lanes of `mask` unless `full`.
KERNEL void store(float *p, int full, __m256i mask, __m256 value) {
    if (full) _mm256_storeu_ps(p, value);
    else _mm256_maskstore_ps(p, mask, value);
}

#endif
