// Helpers of the AVX-512 kernels: the target attribute and lane masks.
#ifndef CKERNELS_AVX512_LANES_H
#define CKERNELS_AVX512_LANES_H

#include <immintrin.h>
#include <stddef.h>

#define KERNEL static inline __attribute__((always_inline, target("avx512f")))

/// The mask of the first `count` (at most 16; none when `count` ≤ 0) lanes.
KERNEL __mmask16 lanes(ptrdiff_t count) {
    return count >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (count > 0 ? count : 0)) - 1);
}

#endif
