#ifndef SMALL_GEMM_H
#define SMALL_GEMM_H

#include <stddef.h>

#include "isa.h"

/// One product `C = A·B` (or `C += A·B` with `accumulate`), row-major: `A` is `m × k`, `B`
/// `k × n`, `C` `m × n` with rows of `ldc`.
typedef struct {
    ptrdiff_t m, n, k;
    /// `A(i, p)` is `a[i·a_row_stride + p·a_column_stride]`: a transposed `A` needs no copy.
    /// With `a_row_offsets`, row `i` starts at `a + a_row_offsets[i]` instead; the depths come
    /// in groups of `a_depth_group_length` (0: one group of `k`), group `g` starting
    /// `g·a_depth_group_stride` after the row's start. A convolution's weight gradient reads its
    /// zero-padded input through this instead of im2col: row `(c, ky, kx)` starts at the padded
    /// pixel `(c, ky, kx)`, and each output row is a group.
    const float *a;
    ptrdiff_t a_row_stride, a_column_stride;
    const ptrdiff_t *a_row_offsets;
    ptrdiff_t a_depth_group_length, a_depth_group_stride;
    /// Row `p` of `B` starts at `b + b_row_offsets[p]` when `b_row_offsets` is given, else at
    /// `b + p·ldb`. Its `n` columns come in groups of `b_group_length` consecutive floats
    /// (0: one group of `n`), group `g` starting `g·b_group_stride` after the row's start.
    /// A stride-1 convolution reads its zero-padded input through this instead of im2col: row
    /// `(c, ky, kx)` starts at the padded pixel `(c, ky, kx)`, and each output row is a group.
    const float *b;
    ptrdiff_t ldb;
    const ptrdiff_t *b_row_offsets;
    ptrdiff_t b_group_length, b_group_stride;
    float *c;
    ptrdiff_t ldc;
    int accumulate;
} small_gemm_problem;

/// Computes `problem`. Every element of `C` is summed in one fixed order, whatever the
/// instruction set and the tiling: from 0 (or its old value), one fused multiply-add per
/// `p = 0, 1, …, k − 1`. The result is therefore bit-identical on every processor with AVX2,
/// and to `fmaf` in a plain loop.
///
/// Returns 0; -1 when `isa` is not one this processor runs, -2 when `n` is not a multiple of
/// `b_group_length` (nothing is written then).
int small_gemm(ckernels_isa isa, const small_gemm_problem *problem);

#endif
