#ifndef CIMAGECODECS_SHIM_H
#define CIMAGECODECS_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <png.h>
#include <jpeglib.h>

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
#endif
