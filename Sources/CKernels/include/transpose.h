#ifndef CKERNELS_TRANSPOSE_H
#define CKERNELS_TRANSPOSE_H

#include <stddef.h>

#include "isa.h"

/// Writes the `rows × columns` row-major matrix `source` transposed into `target`
/// (`columns × rows`), eight by eight. Returns 0, or -1 when `isa` is not one this processor
/// runs. AVX-512 processors run the AVX2 code: a copy gives the same values either way.
int transpose(
    ckernels_isa isa, const float *source, ptrdiff_t rows, ptrdiff_t columns, float *target);

#endif
