#include "im2col.h"
#include "silu.h"
#include "small_gemm.h"
#include "transpose.h"
#include "kernels.h"

ckernels_isa ckernels_best_isa(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return CKERNELS_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return CKERNELS_AVX2;
#endif
    return CKERNELS_NONE;
}

/// Whether this processor runs `isa`.
static int runs(ckernels_isa isa) { return isa != CKERNELS_NONE && isa <= ckernels_best_isa(); }

/// Calls `avx512` or `avx2` for `isa` and returns 0; -1 when this processor does not run it.
#if defined(__x86_64__)
#define DISPATCH(isa, avx512, avx2) \
    do { \
        if (!runs(isa)) return -1; \
        if ((isa) == CKERNELS_AVX512) avx512; \
        else avx2; \
        return 0; \
    } while (0)
#else
#define DISPATCH(isa, avx512, avx2) return -1
#endif

int small_gemm(ckernels_isa isa, const small_gemm_problem *problem) {
    if (runs(isa) && problem->b_group_length > 0 && problem->n % problem->b_group_length != 0) {
        return -2;
    }
    if (runs(isa) && (problem->m <= 0 || problem->n <= 0)) return 0;
    DISPATCH(isa, small_gemm_avx512(problem), small_gemm_avx2(problem));
}

int silu_forward(ckernels_isa isa, float *x, float *gate, float bias, ptrdiff_t count) {
    DISPATCH(
        isa, silu_forward_avx512(x, gate, bias, count), silu_forward_avx2(x, gate, bias, count));
}

int silu_backward(
    ckernels_isa isa, const float *dy, const float *y, const float *gate, float *dz,
    ptrdiff_t count) {
    DISPATCH(
        isa, silu_backward_avx512(dy, y, gate, dz, count),
        silu_backward_avx2(dy, y, gate, dz, count));
}

int im2col(
    ckernels_isa isa, const conv_geometry *g, const float *image, ptrdiff_t y0, ptrdiff_t y1,
    float *columns) {
    DISPATCH(
        isa, im2col_avx512(g, image, y0, y1, columns), im2col_avx2(g, image, y0, y1, columns));
}

int col2im(
    ckernels_isa isa, const conv_geometry *g, const float *columns, ptrdiff_t y0, ptrdiff_t y1,
    float *image) {
    DISPATCH(
        isa, col2im_avx512(g, columns, y0, y1, image), col2im_avx2(g, columns, y0, y1, image));
}

/// A transposition is a copy: AVX-512 processors run the AVX2 code.
int transpose(
    ckernels_isa isa, const float *source, ptrdiff_t rows, ptrdiff_t columns, float *target) {
    DISPATCH(
        isa, transpose_avx2(source, rows, columns, target),
        transpose_avx2(source, rows, columns, target));
}
