#ifndef CKERNELS_IM2COL_H
#define CKERNELS_IM2COL_H

#include <stddef.h>

#include "isa.h"

/// A convolution's geometry over one CHW image: `kernel × kernel` windows every `stride`
/// pixels, `padding` zero pixels around the image.
typedef struct {
    ptrdiff_t channels, height, width;
    ptrdiff_t kernel, stride, padding;
} conv_geometry;

/// Writes the output rows `[y0, y1)` of the im2col matrix of `image`: row `(c·k + ky)·k + kx`,
/// column `(y − y0)·ow + x` holds the pixel `(c, y·stride − padding + ky, x·stride − padding +
/// kx)`, or 0 outside the image. A block of rows keeps the matrix small enough to stay in cache
/// for the GEMM that reads it. Returns 0, or -1 when `isa` is not one this processor runs.
int im2col(
    ckernels_isa isa, const conv_geometry *g, const float *image, ptrdiff_t y0, ptrdiff_t y1,
    float *columns);

/// The adjoint of `im2col` for the same rows: adds every entry of `columns` into the pixel it
/// was read from, in im2col's order (the same sums on every instruction set). Returns 0, or -1
/// as above.
int col2im(
    ckernels_isa isa, const conv_geometry *g, const float *columns, ptrdiff_t y0, ptrdiff_t y1,
    float *image);

#endif
