// The AVX-512 kernels: tiles of up to 8 rows × 32 columns (`n` ≤ 16 goes to AVX2), `A`
// broadcast element by element, `B` read row by row in place, `C` kept in registers for a
// block of `SMALL_GEMM_DEPTH_BLOCK` depths.
#if defined(__x86_64__)
#include "avx512_lanes.h"
#include "kernels.h"

/// `rows × 32` of `C` (columns past `mask` left alone) over depths `[0, depth)` of the
/// block starting at `a` (rows `ars` apart, or `gathered` at `a_offsets`) and the rows
/// `b_rows` of `B`.
KERNEL void tile(
    const int rows, const int gathered, ptrdiff_t depth, const float *a, ptrdiff_t ars,
    ptrdiff_t acs, const ptrdiff_t *a_offsets, const float *const *b_rows, int load_c, float *c, ptrdiff_t ldc,
    __mmask16 mask0, __mmask16 mask1) {
    __m512 acc[8][2];
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < 2; v++) {
            acc[r][v] = load_c ? _mm512_maskz_loadu_ps(v ? mask1 : mask0, c + r * ldc + 16 * v)
                               : _mm512_setzero_ps();
        }
    }
    const float *a_rows[8];
    for (int r = 0; r < rows; r++) a_rows[r] = gathered ? a + a_offsets[r] : a + r * ars;
    for (ptrdiff_t p = 0; p < depth; p++) {
        __m512 bv[2];
        for (int v = 0; v < 2; v++) {
            bv[v] = _mm512_maskz_loadu_ps(v ? mask1 : mask0, b_rows[p] + 16 * v);
        }
        const float *ap = a + p * acs;
        for (int r = 0; r < rows; r++) {
            const __m512 av = _mm512_set1_ps(gathered ? a_rows[r][p * acs] : ap[r * ars]);
            for (int v = 0; v < 2; v++) acc[r][v] = _mm512_fmadd_ps(av, bv[v], acc[r][v]);
        }
    }
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < 2; v++) {
            _mm512_mask_storeu_ps(c + r * ldc + 16 * v, v ? mask1 : mask0, acc[r][v]);
        }
    }
}

#define TILE_ARGUMENTS depth, a, ars, acs, a_offsets, b_rows, load_c, c, ldc, mask0, mask1

/// A tile of `rows` (1…8) rows.
static __attribute__((target("avx512f"))) void any_tile(
    ptrdiff_t rows, ptrdiff_t depth, const float *a, ptrdiff_t ars, ptrdiff_t acs,
    const ptrdiff_t *a_offsets, const float *const *b_rows, int load_c, float *c, ptrdiff_t ldc,
    __mmask16 mask0, __mmask16 mask1) {
#define ROWS(count, gathered) \
    case count: tile(count, gathered, TILE_ARGUMENTS); break
    if (a_offsets) {
        switch (rows) {
            ROWS(8, 1); ROWS(7, 1); ROWS(6, 1); ROWS(5, 1); ROWS(4, 1); ROWS(3, 1); ROWS(2, 1);
        default: tile(1, 1, TILE_ARGUMENTS);
        }
    } else {
        switch (rows) {
            ROWS(8, 0); ROWS(7, 0); ROWS(6, 0); ROWS(5, 0); ROWS(4, 0); ROWS(3, 0); ROWS(2, 0);
        default: tile(1, 0, TILE_ARGUMENTS);
        }
    }
#undef ROWS
}

/// Copies the `depth` rows `b_rows` of a panel of `B` (lanes outside the masks left out) into
/// `packed` and points `b_rows` there: a panel read by many row tiles then stays in L1 however
/// its rows lie (a power-of-two row length would map them all to one cache set).
KERNEL void pack(
    ptrdiff_t depth, const float **b_rows, __mmask16 mask0, __mmask16 mask1, float *packed) {
    for (ptrdiff_t p = 0; p < depth; p++) {
        _mm512_store_ps(packed + 32 * p, _mm512_maskz_loadu_ps(mask0, b_rows[p]));
        _mm512_store_ps(packed + 32 * p + 16, _mm512_maskz_loadu_ps(mask1, b_rows[p] + 16));
        b_rows[p] = packed + 32 * p;
    }
}

/// Above this many rows of `C`, panels of `B` are packed (measured on R1's shapes: below it
/// the copy costs more than the cache misses it saves).
enum { PACKING_ROWS = 64 };

/// Up to this many columns the AVX2 kernel is faster: a one-vector AVX-512 tile needs a
/// broadcast per multiply-add. Both give the same bits.
enum { AVX2_COLUMNS = 16 };

__attribute__((target("avx512f"))) void small_gemm_avx512(const small_gemm_problem *g) {
    static _Thread_local float packed[SMALL_GEMM_DEPTH_BLOCK * 32] __attribute__((aligned(64)));
    if (g->n <= AVX2_COLUMNS) {
        small_gemm_avx2(g);
        return;
    }
    const int packs = g->m > PACKING_ROWS;
    const ptrdiff_t tile_rows = 8, ars = g->a_row_stride, acs = g->a_column_stride;
    const float *block_rows[SMALL_GEMM_DEPTH_BLOCK];
    const float *b_rows[SMALL_GEMM_DEPTH_BLOCK];
    ptrdiff_t p0 = 0;
    do {
        const ptrdiff_t depth = small_gemm_depth(g, p0);
        const int load_c = g->accumulate || p0 > 0;
        small_gemm_b_rows(g, p0, depth, block_rows);
        for (ptrdiff_t j0 = 0, width = 0; j0 < g->n; j0 += width) {
            const ptrdiff_t offset = small_gemm_tile_columns(g, j0, 32, &width);
            const __mmask16 mask0 = lanes(width), mask1 = lanes(width - 16);
            for (ptrdiff_t p = 0; p < depth; p++) b_rows[p] = block_rows[p] + offset;
            if (packs) pack(depth, b_rows, mask0, mask1, packed);
            for (ptrdiff_t i0 = 0; i0 < g->m; i0 += tile_rows) {
                const ptrdiff_t rows = g->m - i0 < tile_rows ? g->m - i0 : tile_rows;
                const float *a = small_gemm_a_block(g, i0, p0);
                const ptrdiff_t *a_offsets = g->a_row_offsets ? g->a_row_offsets + i0 : 0;
                float *c = g->c + i0 * g->ldc + j0;
                const ptrdiff_t ldc = g->ldc;
                any_tile(rows, TILE_ARGUMENTS);
            }
        }
        p0 += depth;
    } while (p0 < g->k);
}
#endif
