#ifndef SMALL_GEMM_H
#define SMALL_GEMM_H

#include <stddef.h>

#include "isa.h"

/// Row-major `C = A·B` (or `C += A·B` when `accumulate` is non-zero) with `A` `m × k`, `B` `k × n`,
/// `C` `m × n`. `A(i, p)` is read at `a[i·a_row_stride + p·a_column_stride]`, so a transposed `A`
/// needs no copy; `B` and `C` have row lengths `ldb` and `ldc`.
///
/// Every element of `C` is summed in one fixed order, whatever the instruction set and the
/// tiling: from 0 (or its old value), one fused multiply-add per `p = 0, 1, …, k − 1`. The result
/// is therefore bit-identical on every processor with AVX2, and to `fmaf` in a plain loop.
///
/// Returns 0, or -1 when `isa` is not one this processor runs (nothing is written then).
int small_gemm(
    ckernels_isa isa, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a,
    ptrdiff_t a_row_stride, ptrdiff_t a_column_stride, const float *b, ptrdiff_t ldb,
    int accumulate, float *c, ptrdiff_t ldc);

#endif
