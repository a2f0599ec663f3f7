// The AVX-512 kernels: tiles of up to 8 rows × 32 columns (`n` ≤ 16 goes to AVX2), `A`
// broadcast element by element, `B` read row by row in place, `C` kept in registers for a
// block of `SMALL_GEMM_DEPTH_BLOCK` depths.
#if defined(__x86_64__)
#include <immintrin.h>

#include "kernels.h"

#define KERNEL static inline __attribute__((always_inline, target("avx512f")))

/// The mask of the first `count` (0…16) lanes.
KERNEL __mmask16 lanes(ptrdiff_t count) {
    return count >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (count > 0 ? count : 0)) - 1);
}

/// `rows × 32` of `C` (columns past `mask` left alone) over depths `[0, depth)` of the
/// block starting at `a`, `b`.
KERNEL void tile(
    const int rows, ptrdiff_t depth, const float *a, ptrdiff_t ars,
    ptrdiff_t acs, const float *b, ptrdiff_t ldb, int load_c, float *c, ptrdiff_t ldc,
    __mmask16 mask0, __mmask16 mask1) {
    __m512 acc[8][2];
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < 2; v++) {
            acc[r][v] = load_c ? _mm512_maskz_loadu_ps(v ? mask1 : mask0, c + r * ldc + 16 * v)
                               : _mm512_setzero_ps();
        }
    }
    for (ptrdiff_t p = 0; p < depth; p++) {
        __m512 bv[2];
        for (int v = 0; v < 2; v++) {
            bv[v] = _mm512_maskz_loadu_ps(v ? mask1 : mask0, b + p * ldb + 16 * v);
        }
        const float *ap = a + p * acs;
        for (int r = 0; r < rows; r++) {
            __m512 av = _mm512_set1_ps(ap[r * ars]);
            for (int v = 0; v < 2; v++) acc[r][v] = _mm512_fmadd_ps(av, bv[v], acc[r][v]);
        }
    }
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < 2; v++) {
            _mm512_mask_storeu_ps(c + r * ldc + 16 * v, v ? mask1 : mask0, acc[r][v]);
        }
    }
}

#define TILE_ARGUMENTS depth, a, ars, acs, b, ldb, load_c, c, ldc, mask0, mask1

/// A tile of `rows` (1…8) rows.
static __attribute__((target("avx512f"))) void any_tile(
    ptrdiff_t rows, ptrdiff_t depth, const float *a, ptrdiff_t ars, ptrdiff_t acs,
    const float *b, ptrdiff_t ldb, int load_c, float *c, ptrdiff_t ldc, __mmask16 mask0,
    __mmask16 mask1) {
    switch (rows) {
    case 8: tile(8, TILE_ARGUMENTS); break;
    case 7: tile(7, TILE_ARGUMENTS); break;
    case 6: tile(6, TILE_ARGUMENTS); break;
    case 5: tile(5, TILE_ARGUMENTS); break;
    case 4: tile(4, TILE_ARGUMENTS); break;
    case 3: tile(3, TILE_ARGUMENTS); break;
    case 2: tile(2, TILE_ARGUMENTS); break;
    default: tile(1, TILE_ARGUMENTS); break;
    }
}

/// Copies `depth` rows of a block of `B` (columns past the masks left out) into `packed`, rows
/// of 32: a block read by many row tiles then stays in L1 whatever `ldb` (a power-of-two row
/// length would map all its rows to one cache set).
KERNEL void pack(
    ptrdiff_t depth, const float *b, ptrdiff_t ldb, __mmask16 mask0, __mmask16 mask1,
    float *packed) {
    for (ptrdiff_t p = 0; p < depth; p++) {
        _mm512_store_ps(packed + 32 * p, _mm512_maskz_loadu_ps(mask0, b + p * ldb));
        _mm512_store_ps(packed + 32 * p + 16, _mm512_maskz_loadu_ps(mask1, b + p * ldb + 16));
    }
}

/// Above this many rows of `C`, blocks of `B` are packed (measured on R1's shapes: below it
/// the copy costs more than the cache misses it saves).
enum { PACKING_ROWS = 64 };

/// Up to this many columns the AVX2 kernel is faster: a one-vector AVX-512 tile needs a
/// broadcast per multiply-add. Both give the same bits.
enum { AVX2_COLUMNS = 16 };

__attribute__((target("avx512f"))) void small_gemm_avx512(const struct small_gemm_operands *g) {
    static _Thread_local float packed[SMALL_GEMM_DEPTH_BLOCK * 32] __attribute__((aligned(64)));
    if (g->n <= AVX2_COLUMNS) {
        small_gemm_avx2(g);
        return;
    }
    const int packs = g->m > PACKING_ROWS;
    const ptrdiff_t tile_rows = 8, tile_columns = 32;
    const ptrdiff_t ars = g->a_row_stride, acs = g->a_column_stride, ldc = g->ldc;
    for (ptrdiff_t p0 = 0; p0 == 0 || p0 < g->k; p0 += SMALL_GEMM_DEPTH_BLOCK) {
        const ptrdiff_t depth =
            g->k - p0 < SMALL_GEMM_DEPTH_BLOCK ? g->k - p0 : SMALL_GEMM_DEPTH_BLOCK;
        const int load_c = g->accumulate || p0 > 0;
        for (ptrdiff_t j0 = 0; j0 < g->n; j0 += tile_columns) {
            const __mmask16 mask0 = lanes(g->n - j0), mask1 = lanes(g->n - j0 - 16);
            const float *b = g->b + p0 * g->ldb + j0;
            ptrdiff_t ldb = g->ldb;
            if (packs) {
                pack(depth, b, ldb, mask0, mask1, packed);
                b = packed;
                ldb = 32;
            }
            for (ptrdiff_t i0 = 0; i0 < g->m; i0 += tile_rows) {
                const ptrdiff_t rows = g->m - i0 < tile_rows ? g->m - i0 : tile_rows;
                const float *a = g->a + i0 * ars + p0 * acs;
                float *c = g->c + i0 * ldc + j0;
                any_tile(rows, TILE_ARGUMENTS);
            }
        }
    }
}
#endif
