#ifndef SMALL_GEMM_KERNELS_H
#define SMALL_GEMM_KERNELS_H

#include <stddef.h>

#include "im2col.h"
#include "small_gemm.h"

/// Rows of `B` (the `k` range) one pass over `C` covers, so that a panel of `B` stays in L1.
enum { SMALL_GEMM_DEPTH_BLOCK = 256 };

/// Points `rows[p]` at row `p0 + p` of `B`, for `p` below `depth`.
static inline void small_gemm_b_rows(
    const small_gemm_problem *g, ptrdiff_t p0, ptrdiff_t depth, const float **rows) {
    for (ptrdiff_t p = 0; p < depth; p++) {
        const ptrdiff_t row = p0 + p;
        rows[p] = g->b + (g->b_row_offsets ? g->b_row_offsets[row] : row * g->ldb);
    }
}

/// The depths one block starting at `p0` covers: at most `SMALL_GEMM_DEPTH_BLOCK`, within one
/// depth group of `A`.
static inline ptrdiff_t small_gemm_depth(const small_gemm_problem *g, ptrdiff_t p0) {
    ptrdiff_t depth = g->k - p0 < SMALL_GEMM_DEPTH_BLOCK ? g->k - p0 : SMALL_GEMM_DEPTH_BLOCK;
    const ptrdiff_t group = g->a_depth_group_length;
    if (group > 0 && group - p0 % group < depth) depth = group - p0 % group;
    return depth;
}

/// Where depth `p0` of row `i0` of `A` lies; with row offsets, where depth `p0` lies relative
/// to a row's start (the tile adds each row's offset).
static inline const float *small_gemm_a_block(
    const small_gemm_problem *g, ptrdiff_t i0, ptrdiff_t p0) {
    const ptrdiff_t group = g->a_depth_group_length;
    const ptrdiff_t depth = group > 0
                                ? (p0 / group) * g->a_depth_group_stride
                                      + (p0 % group) * g->a_column_stride
                                : p0 * g->a_column_stride;
    return g->a + depth + (g->a_row_offsets ? 0 : i0 * g->a_row_stride);
}

/// The columns `[j0, j0 + width)` of a tile of `B` that starts at column `j0`: at most
/// `tile_columns`, within one group. Returns the offset of column `j0` from a row's start.
static inline ptrdiff_t small_gemm_tile_columns(
    const small_gemm_problem *g, ptrdiff_t j0, ptrdiff_t tile_columns, ptrdiff_t *width) {
    const ptrdiff_t group = g->b_group_length > 0 ? g->b_group_length : g->n;
    const ptrdiff_t in_group = j0 % group;
    *width = group - in_group < tile_columns ? group - in_group : tile_columns;
    return (j0 / group) * g->b_group_stride + in_group;
}

void small_gemm_avx512(const small_gemm_problem *g);
void small_gemm_avx2(const small_gemm_problem *g);

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

void transpose_avx2(const float *source, ptrdiff_t rows, ptrdiff_t columns, float *target);

void silu_forward_avx512(float *x, float *gate, float bias, ptrdiff_t count);
void silu_forward_avx2(float *x, float *gate, float bias, ptrdiff_t count);
void silu_backward_avx512(
    const float *dy, const float *y, const float *gate, float *dz, ptrdiff_t count);
void silu_backward_avx2(
    const float *dy, const float *y, const float *gate, float *dz, ptrdiff_t count);

#endif
