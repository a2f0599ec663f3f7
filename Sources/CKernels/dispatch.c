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

int small_gemm(ckernels_isa isa, const small_gemm_problem *problem) {
    if (isa == CKERNELS_NONE || isa > ckernels_best_isa()) return -1;
    if (problem->b_group_length > 0 && problem->n % problem->b_group_length != 0) return -2;
    if (problem->m <= 0 || problem->n <= 0) return 0;
#if defined(__x86_64__)
    if (isa == CKERNELS_AVX512) small_gemm_avx512(problem);
    else small_gemm_avx2(problem);
    return 0;
#else
    return -1;
#endif
}

int silu_forward(ckernels_isa isa, float *x, float *gate, float bias, ptrdiff_t count) {
    if (isa == CKERNELS_NONE || isa > ckernels_best_isa()) return -1;
#if defined(__x86_64__)
    if (isa == CKERNELS_AVX512) silu_forward_avx512(x, gate, bias, count);
    else silu_forward_avx2(x, gate, bias, count);
    return 0;
#else
    return -1;
#endif
}

int silu_backward(
    ckernels_isa isa, const float *dy, const float *y, const float *gate, float *dz,
    ptrdiff_t count) {
    if (isa == CKERNELS_NONE || isa > ckernels_best_isa()) return -1;
#if defined(__x86_64__)
    if (isa == CKERNELS_AVX512) silu_backward_avx512(dy, y, gate, dz, count);
    else silu_backward_avx2(dy, y, gate, dz, count);
    return 0;
#else
    return -1;
#endif
}

int im2col(
    ckernels_isa isa, const conv_geometry *g, const float *image, ptrdiff_t y0, ptrdiff_t y1,
    float *columns) {
    if (isa == CKERNELS_NONE || isa > ckernels_best_isa()) return -1;
#if defined(__x86_64__)
    if (isa == CKERNELS_AVX512) im2col_avx512(g, image, y0, y1, columns);
    else im2col_avx2(g, image, y0, y1, columns);
    return 0;
#else
    return -1;
#endif
}

int col2im(
    ckernels_isa isa, const conv_geometry *g, const float *columns, ptrdiff_t y0, ptrdiff_t y1,
    float *image) {
    if (isa == CKERNELS_NONE || isa > ckernels_best_isa()) return -1;
#if defined(__x86_64__)
    if (isa == CKERNELS_AVX512) col2im_avx512(g, columns, y0, y1, image);
    else col2im_avx2(g, columns, y0, y1, image);
    return 0;
#else
    return -1;
#endif
}

int transpose(
    ckernels_isa isa, const float *source, ptrdiff_t rows, ptrdiff_t columns, float *target) {
    if (isa == CKERNELS_NONE || isa > ckernels_best_isa()) return -1;
#if defined(__x86_64__)
    transpose_avx2(source, rows, columns, target);
    return 0;
#else
    return -1;
#endif
}
