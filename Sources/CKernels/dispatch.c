#include "silu.h"
#include "small_gemm.h"
#include "kernels.h"

small_gemm_isa small_gemm_best_isa(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return SMALL_GEMM_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return SMALL_GEMM_AVX2;
#endif
    return SMALL_GEMM_NONE;
}

int small_gemm(
    small_gemm_isa isa, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a,
    ptrdiff_t a_row_stride, ptrdiff_t a_column_stride, const float *b, ptrdiff_t ldb,
    int accumulate, float *c, ptrdiff_t ldc) {
    if (isa == SMALL_GEMM_NONE || isa > small_gemm_best_isa()) return -1;
    if (m <= 0 || n <= 0) return 0;
    struct small_gemm_operands operands = {
        m, n, k, a, a_row_stride, a_column_stride, b, ldb, accumulate != 0, c, ldc};
#if defined(__x86_64__)
    if (isa == SMALL_GEMM_AVX512) small_gemm_avx512(&operands);
    else small_gemm_avx2(&operands);
    return 0;
#else
    (void)operands;
    return -1;
#endif
}

int silu_forward(small_gemm_isa isa, float *x, float *gate, float bias, ptrdiff_t count) {
    if (isa == SMALL_GEMM_NONE || isa > small_gemm_best_isa()) return -1;
#if defined(__x86_64__)
    if (isa == SMALL_GEMM_AVX512) silu_forward_avx512(x, gate, bias, count);
    else silu_forward_avx2(x, gate, bias, count);
    return 0;
#else
    return -1;
#endif
}

int silu_backward(
    small_gemm_isa isa, const float *dy, const float *y, const float *gate, float *dz,
    ptrdiff_t count) {
    if (isa == SMALL_GEMM_NONE || isa > small_gemm_best_isa()) return -1;
#if defined(__x86_64__)
    if (isa == SMALL_GEMM_AVX512) silu_backward_avx512(dy, y, gate, dz, count);
    else silu_backward_avx2(dy, y, gate, dz, count);
    return 0;
#else
    return -1;
#endif
}
