// The AVX2 kernels: tiles of up to 6 rows × 16 columns (or 12 × 8 when `n` ≤ 8), in the same
// order of operations as the AVX-512 ones, so that both give the same bits.
#if defined(__x86_64__)
#include "avx2_lanes.h"
#include "kernels.h"

/// `rows × (8·vectors)` of `C` (columns past the masks left alone; `full` when no column is
/// masked) over depths `[0, depth)` of the block starting at `a` and the rows `b_rows` of `B`.
KERNEL void tile(
    const int rows, const int vectors, const int full, const int gathered, ptrdiff_t depth,
    const float *a, ptrdiff_t ars, ptrdiff_t acs, const ptrdiff_t *a_offsets,
    const float *const *b_rows, int load_c, float *c,
    ptrdiff_t ldc, __m256i mask0, __m256i mask1) {
    __m256 acc[12][2];
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < vectors; v++) {
            acc[r][v] = load_c ? load(c + r * ldc + 8 * v, full, v ? mask1 : mask0)
                               : _mm256_setzero_ps();
        }
    }
    const float *a_rows[12];
    for (int r = 0; r < rows; r++) a_rows[r] = gathered ? a + a_offsets[r] : a + r * ars;
    for (ptrdiff_t p = 0; p < depth; p++) {
        __m256 bv[2];
        for (int v = 0; v < vectors; v++) bv[v] = load(b_rows[p] + 8 * v, full, v ? mask1 : mask0);
        const float *ap = a + p * acs;
        for (int r = 0; r < rows; r++) {
            const __m256 av =
                _mm256_broadcast_ss(gathered ? a_rows[r] + p * acs : ap + r * ars);
            for (int v = 0; v < vectors; v++) acc[r][v] = _mm256_fmadd_ps(av, bv[v], acc[r][v]);
        }
    }
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < vectors; v++) {
            store(c + r * ldc + 8 * v, full, v ? mask1 : mask0, acc[r][v]);
        }
    }
}

#define TILE_ARGUMENTS depth, a, ars, acs, a_offsets, b_rows, load_c, c, ldc, mask0, mask1
#define ROWS(count, vectors, full) \
    case count: \
        if (a_offsets) tile(count, vectors, full, 1, TILE_ARGUMENTS); \
        else tile(count, vectors, full, 0, TILE_ARGUMENTS); \
        break

#define WIDE_ROWS(full) \
    ROWS(6, 2, full); ROWS(5, 2, full); ROWS(4, 2, full); ROWS(3, 2, full); ROWS(2, 2, full); \
    default: ROWS_ONE(2, full)
#define NARROW_ROWS(full) \
    ROWS(12, 1, full); ROWS(11, 1, full); ROWS(10, 1, full); ROWS(9, 1, full); \
    ROWS(8, 1, full); ROWS(7, 1, full); ROWS(6, 1, full); ROWS(5, 1, full); ROWS(4, 1, full); \
    ROWS(3, 1, full); ROWS(2, 1, full); \
    default: ROWS_ONE(1, full)
#define ROWS_ONE(vectors, full) \
    if (a_offsets) tile(1, vectors, full, 1, TILE_ARGUMENTS); \
    else tile(1, vectors, full, 0, TILE_ARGUMENTS)

/// A tile of `rows` (1…6) rows and 16 columns (`full`: none masked).
static __attribute__((target("avx2,fma"))) void wide_tile(
    ptrdiff_t rows, int full, ptrdiff_t depth, const float *a, ptrdiff_t ars, ptrdiff_t acs,
    const ptrdiff_t *a_offsets, const float *const *b_rows, int load_c, float *c, ptrdiff_t ldc,
    __m256i mask0, __m256i mask1) {
    if (full) {
        switch (rows) { WIDE_ROWS(1); }
    } else {
        switch (rows) { WIDE_ROWS(0); }
    }
}

/// A tile of `rows` (1…12) rows and 8 columns (`full`: none masked), for a small `n`.
static __attribute__((target("avx2,fma"))) void narrow_tile(
    ptrdiff_t rows, int full, ptrdiff_t depth, const float *a, ptrdiff_t ars, ptrdiff_t acs,
    const ptrdiff_t *a_offsets, const float *const *b_rows, int load_c, float *c, ptrdiff_t ldc,
    __m256i mask0, __m256i mask1) {
    if (full) {
        switch (rows) { NARROW_ROWS(1); }
    } else {
        switch (rows) { NARROW_ROWS(0); }
    }
}

/// Copies the `depth` rows `b_rows` of a panel of `B` (lanes outside the masks left out) into
/// `packed` and points `b_rows` there: a panel read by many row tiles then stays in L1 however
/// its rows lie (a power-of-two row length would map them all to one cache set).
KERNEL void pack(
    ptrdiff_t depth, const float **b_rows, int full, __m256i mask0, __m256i mask1,
    float *packed) {
    for (ptrdiff_t p = 0; p < depth; p++) {
        _mm256_store_ps(packed + 16 * p, load(b_rows[p], full, mask0));
        _mm256_store_ps(packed + 16 * p + 8, load(b_rows[p] + 8, full, mask1));
        b_rows[p] = packed + 16 * p;
    }
}

__attribute__((target("avx2,fma"))) void small_gemm_avx2(const small_gemm_problem *g) {
    static _Thread_local float packed[SMALL_GEMM_DEPTH_BLOCK * 16] __attribute__((aligned(64)));
    const int narrow = g->n <= 8;
    const ptrdiff_t tile_rows = narrow ? 12 : 6, tile_columns = narrow ? 8 : 16;
    // A panel read by more than one row tile is packed, except from a padded image read in
    // place, whose rows lie close enough to stay in L1 (packing it cost a third of the speed).
    const int packs = !narrow && g->m > tile_rows && !g->b_row_offsets;
    const ptrdiff_t ars = g->a_row_stride, acs = g->a_column_stride;
    const float *block_rows[SMALL_GEMM_DEPTH_BLOCK];
    const float *b_rows[SMALL_GEMM_DEPTH_BLOCK];
    ptrdiff_t p0 = 0;
    do {
        const ptrdiff_t depth = small_gemm_depth(g, p0);
        const int load_c = g->accumulate || p0 > 0;
        small_gemm_b_rows(g, p0, depth, block_rows);
        for (ptrdiff_t j0 = 0, width = 0; j0 < g->n; j0 += width) {
            const ptrdiff_t offset = small_gemm_tile_columns(g, j0, tile_columns, &width);
            const int full = width == tile_columns;
            const __m256i mask0 = lanes(width), mask1 = lanes(width - 8);
            for (ptrdiff_t p = 0; p < depth; p++) b_rows[p] = block_rows[p] + offset;
            if (packs) pack(depth, b_rows, full, mask0, mask1, packed);
            for (ptrdiff_t i0 = 0; i0 < g->m; i0 += tile_rows) {
                const ptrdiff_t rows = g->m - i0 < tile_rows ? g->m - i0 : tile_rows;
                const float *a = small_gemm_a_block(g, i0, p0);
                const ptrdiff_t *a_offsets = g->a_row_offsets ? g->a_row_offsets + i0 : 0;
                float *c = g->c + i0 * g->ldc + j0;
                const ptrdiff_t ldc = g->ldc;
                if (narrow) narrow_tile(rows, full, TILE_ARGUMENTS);
                else wide_tile(rows, full, TILE_ARGUMENTS);
            }
        }
        p0 += depth;
    } while (p0 < g->k);
}
#endif
