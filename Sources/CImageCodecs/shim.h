#ifndef CIMAGECODECS_SHIM_H
#define CIMAGECODECS_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <setjmp.h>
#include <png.h>
#include <jpeglib.h>
#include <zlib.h>

/* libjpeg reports fatal errors through error_exit, which must not return. Swift cannot call
   setjmp, so the whole decode lives here in C: error_exit longjmps back into
   cimage_decode_jpeg, which then cleans up and returns 0 with the message. */

struct cimage_jpeg_error {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void cimage_jpeg_error_exit(j_common_ptr cinfo) {
    struct cimage_jpeg_error *error = (struct cimage_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, error->message);
    longjmp(error->jump, 1);
}

static void cimage_jpeg_emit_message(j_common_ptr cinfo, int level) {
    struct cimage_jpeg_error *error = (struct cimage_jpeg_error *)cinfo->err;
    if (level < 0) {
        /* A warning (corrupt data that libjpeg would paper over): remember the first one. */
        if (cinfo->err->num_warnings == 0) {
            (*cinfo->err->format_message)(cinfo, error->message);
        }
        cinfo->err->num_warnings++;
    }
}

/* Decodes a JPEG held in memory to 8-bit interleaved RGB. On success returns 1 and sets *pixels
   (malloc'd, width*height*3 bytes, the caller frees it), *width and *height. On failure — fatal
   error or any corrupt-data warning — returns 0 and copies the reason into message. When the
   header claims more than max_side pixels on a side or more than max_pixels in all, returns 2
   with the claimed *width and *height, before any pixel memory is allocated. */
static inline int cimage_decode_jpeg(const unsigned char *data, unsigned long size,
                                     unsigned long max_side, unsigned long long max_pixels,
                                     unsigned char **pixels, int *width, int *height,
                                     char *message, size_t message_size) {
    struct jpeg_decompress_struct cinfo;
    struct cimage_jpeg_error error;
    unsigned char *volatile buffer = NULL;
    *pixels = NULL;
    memset(&cinfo, 0, sizeof cinfo);
    memset(&error, 0, sizeof error);
    cinfo.err = jpeg_std_error(&error.pub);
    error.pub.error_exit = cimage_jpeg_error_exit;
    error.pub.emit_message = cimage_jpeg_emit_message;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        free(buffer);
        snprintf(message, message_size, "%s", error.message);
        return 0;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.image_width > max_side || cinfo.image_height > max_side ||
        (unsigned long long)cinfo.image_width * cinfo.image_height > max_pixels) {
        *width = (int)cinfo.image_width;
        *height = (int)cinfo.image_height;
        jpeg_destroy_decompress(&cinfo);
        return 2;
    }
    cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);
    size_t stride = (size_t)cinfo.output_width * 3;
    buffer = (unsigned char *)malloc(stride * cinfo.output_height);
    if (buffer == NULL) {
        jpeg_destroy_decompress(&cinfo);
        snprintf(message, message_size, "out of memory");
        return 0;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = buffer + stride * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    if (error.pub.num_warnings > 0) {
        jpeg_destroy_decompress(&cinfo);
        free(buffer);
        snprintf(message, message_size, "%s", error.message);
        return 0;
    }
    *width = (int)cinfo.output_width;
    *height = (int)cinfo.output_height;
    *pixels = buffer;
    jpeg_destroy_decompress(&cinfo);
    return 1;
}
/* libpng, too, reports fatal errors by longjmp from its error function: the PNG write lives here. */

struct cimage_png_error {
    jmp_buf jump;
    char message[256];
};

static void cimage_png_error_fn(png_structp png, png_const_charp text) {
    struct cimage_png_error *error = (struct cimage_png_error *)png_get_error_ptr(png);
    snprintf(error->message, sizeof error->message, "%s", text);
    longjmp(error->jump, 1);
}

static void cimage_png_warning_fn(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

/* Writes 8-bit interleaved RGB as a PNG file at path, for speed: rows unfiltered and deflated
   with Huffman coding only (no string matching; on photo-like or noisy images as small as
   zlib's default and several times faster). Returns 1, or 0 with the reason in message. */
static inline int cimage_write_png_rgb(const char *path, const unsigned char *rgb,
                                       unsigned width, unsigned height,
                                       char *message, size_t message_size) {
    struct cimage_png_error error;
    png_structp png = NULL;
    png_infop info = NULL;
    FILE *volatile file = NULL;
    memset(&error, 0, sizeof error);
    file = fopen(path, "wb");
    if (file == NULL) {
        snprintf(message, message_size, "%s", strerror(errno));
        return 0;
    }
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, cimage_png_error_fn,
                                  cimage_png_warning_fn);
    if (png != NULL) {
        info = png_create_info_struct(png);
    }
    if (png == NULL || info == NULL) {
        png_destroy_write_struct(&png, NULL);
        fclose(file);
        snprintf(message, message_size, "out of memory");
        return 0;
    }
    if (setjmp(error.jump)) {
        png_destroy_write_struct(&png, &info);
        fclose(file);
        snprintf(message, message_size, "%s", error.message);
        return 0;
    }
    png_init_io(png, file);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 1);
    png_set_compression_strategy(png, Z_HUFFMAN_ONLY);
    png_write_info(png, info);
    for (unsigned row = 0; row < height; row++) {
        png_write_row(png, rgb + (size_t)row * width * 3);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    if (fclose(file) != 0) {
        snprintf(message, message_size, "%s", strerror(errno));
        return 0;
    }
    return 1;
}

#endif
