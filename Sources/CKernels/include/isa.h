#ifndef CKERNELS_ISA_H
#define CKERNELS_ISA_H

/// Instruction sets the kernels are written for.
typedef enum {
    CKERNELS_NONE = 0,
    CKERNELS_AVX2 = 1,
    CKERNELS_AVX512 = 2,
} ckernels_isa;

/// The widest instruction set this processor runs the kernels with (`CKERNELS_NONE` off x86-64
/// or without AVX2 and FMA).
ckernels_isa ckernels_best_isa(void);

#endif
