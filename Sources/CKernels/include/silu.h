#ifndef SILU_H
#define SILU_H

#include <stddef.h>

#include "isa.h"

/// A convolution's fused bias and SiLU over one plane of `count` values: `z = x + bias`,
/// `gate = σ(z)`, `x = z·σ(z)` in place. `σ(z) = 1 / (1 + e^−z)` with Cephes' `expf` polynomial
/// (`z` clamped to [−88, 87], NaN kept), the same operations in every lane on both instruction
/// sets. Returns 0, or -1 when `isa` is not one this processor runs.
int silu_forward(ckernels_isa isa, float *x, float *gate, float bias, ptrdiff_t count);

/// The gradient with respect to `z` from the output gradient `dy`, the output `y = z·σ(z)` and
/// `gate = σ(z)`: `dz = dy·(σ + y·(1 − σ))`, for `count` values. Returns 0, or -1 as above.
int silu_backward(
    ckernels_isa isa, const float *dy, const float *y, const float *gate, float *dz,
    ptrdiff_t count);

#endif
