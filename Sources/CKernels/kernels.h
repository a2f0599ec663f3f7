#ifndef SMALL_GEMM_KERNELS_H
#define SMALL_GEMM_KERNELS_H

#include <stddef.h>

#include "im2col.h"

/// One call's operands, as `small_gemm` received them.
struct small_gemm_operands {
    ptrdiff_t m, n, k;
    const float *a;
    ptrdiff_t a_row_stride, a_column_stride;
    const float *b;
    ptrdiff_t ldb;
    int accumulate;
    float *c;
    ptrdiff_t ldc;
};

/// Rows of `B` (the `k` range) one pass over `C` covers, so that a panel of `B` stays in L1.
enum { SMALL_GEMM_DEPTH_BLOCK = 256 };

void small_gemm_avx512(const struct small_gemm_operands *g);
void small_gemm_avx2(const struct small_gemm_operands *g);

/// Output columns of `g`.
static inline ptrdiff_t conv_out_width(const conv_geometry *g) {
    return (g->width + 2 * g->padding - g->kernel) / g->stride + 1;
}

void im2col_avx512(
    const conv_geometry *g, const float *image, ptrdiff_t y0, ptrdiff_t y1, float *columns);
void im2col_avx2(
    const conv_geometry *g, const float *image, ptrdiff_t y0, ptrdiff_t y1, float *columns);
void col2im_avx512(
    const conv_geometry *g, const float *columns, ptrdiff_t y0, ptrdiff_t y1, float *image);
void col2im_avx2(
    const conv_geometry *g, const float *columns, ptrdiff_t y0, ptrdiff_t y1, float *image);

void silu_forward_avx512(float *x, float *gate, float bias, ptrdiff_t count);
void silu_forward_avx2(float *x, float *gate, float bias, ptrdiff_t count);
void silu_backward_avx512(
    const float *dy, const float *y, const float *gate, float *dz, ptrdiff_t count);
void silu_backward_avx2(
    const float *dy, const float *y, const float *gate, float *dz, ptrdiff_t count);

#endif
