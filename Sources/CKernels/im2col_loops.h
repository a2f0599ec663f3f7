// The loops of im2col and col2im over channels, taps and output rows, shared by the instruction
// sets: an including file defines `gather_row`, `scatter_row`, `IM2COL_NAME`, `COL2IM_NAME`
// and `TARGET`. Strides other than 1 and 2 take a plain loop.
#include <string.h>

__attribute__((target(TARGET))) void IM2COL_NAME(
    const conv_geometry *g, const float *image, ptrdiff_t y0, ptrdiff_t y1, float *columns) {
    const ptrdiff_t ow = conv_out_width(g), k = g->kernel, length = (y1 - y0) * ow;
    for (ptrdiff_t c = 0; c < g->channels; c++) {
        for (ptrdiff_t ky = 0; ky < k; ky++) {
            for (ptrdiff_t kx = 0; kx < k; kx++) {
                float *row = columns + ((c * k + ky) * k + kx) * length;
                const ptrdiff_t shift = kx - g->padding;
                for (ptrdiff_t y = y0; y < y1; y++) {
                    float *dst = row + (y - y0) * ow;
                    const ptrdiff_t iy = y * g->stride - g->padding + ky;
                    if (iy < 0 || iy >= g->height) {
                        memset(dst, 0, sizeof(float) * (size_t)ow);
                        continue;
                    }
                    const float *src = image + (c * g->height + iy) * g->width;
                    if (g->stride <= 2) {
                        gather_row(src, g->width, g->stride, shift, dst, ow);
                        continue;
                    }
                    for (ptrdiff_t x = 0; x < ow; x++) {
                        const ptrdiff_t ix = x * g->stride + shift;
                        dst[x] = ix >= 0 && ix < g->width ? src[ix] : 0.0f;
                    }
                }
            }
        }
    }
}

__attribute__((target(TARGET))) void COL2IM_NAME(
    const conv_geometry *g, const float *columns, ptrdiff_t y0, ptrdiff_t y1, float *image) {
    const ptrdiff_t ow = conv_out_width(g), k = g->kernel, length = (y1 - y0) * ow;
    for (ptrdiff_t c = 0; c < g->channels; c++) {
        for (ptrdiff_t ky = 0; ky < k; ky++) {
            for (ptrdiff_t kx = 0; kx < k; kx++) {
                const float *row = columns + ((c * k + ky) * k + kx) * length;
                const ptrdiff_t shift = kx - g->padding;
                for (ptrdiff_t y = y0; y < y1; y++) {
                    const ptrdiff_t iy = y * g->stride - g->padding + ky;
                    if (iy < 0 || iy >= g->height) continue;
                    float *dst = image + (c * g->height + iy) * g->width;
                    if (g->stride <= 2) {
                        scatter_row(row + (y - y0) * ow, ow, g->stride, shift, dst, g->width);
                        continue;
                    }
                    for (ptrdiff_t x = 0; x < ow; x++) {
                        const ptrdiff_t ix = x * g->stride + shift;
                        if (ix >= 0 && ix < g->width) dst[ix] += row[(y - y0) * ow + x];
                    }
                }
            }
        }
    }
}
