#include "cjpeg.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

struct failure {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
};

static void fail(j_common_ptr cinfo) {
    struct failure *f = (struct failure *)cinfo->err;
    longjmp(f->jump, 1);
}

static void silent(j_common_ptr cinfo, int level) {
    (void)cinfo;
    (void)level;
}

int cjpeg_encode_rgb24(const uint8_t *pixels, int width, int height, int stride, int grey, int quality, int dpi,
                       uint8_t **out, unsigned long *size, char *error, size_t error_size) {
    struct jpeg_compress_struct cinfo;
    struct failure f;
    /* volatile: read after a longjmp. */
    JSAMPLE *volatile row = NULL;
    unsigned char *volatile buffer = NULL;
    unsigned long length = 0;

    *out = NULL;
    *size = 0;
    if (error_size > 0) error[0] = 0;
    cinfo.err = jpeg_std_error(&f.manager);
    f.manager.error_exit = fail;
    f.manager.emit_message = silent;
    if (setjmp(f.jump)) {
        if (error_size > 0) {
            char message[JMSG_LENGTH_MAX];
            (*cinfo.err->format_message)((j_common_ptr)&cinfo, message);
            snprintf(error, error_size, "%s", message);
        }
        jpeg_destroy_compress(&cinfo);
        free(row);
        free(buffer);
        return 0;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &length);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = grey ? 1 : 3;
    cinfo.in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    /* The settings leptonica's pixWriteMemJpeg used: density in dots per inch, baseline. */
    if (dpi > 0) {
        cinfo.density_unit = 1;
        cinfo.X_density = (UINT16)dpi;
        cinfo.Y_density = (UINT16)dpi;
    }
    jpeg_set_quality(&cinfo, quality, TRUE);
    row = (JSAMPLE *)malloc((size_t)width * (grey ? 1 : 3));
    if (row == NULL) {
        snprintf(error, error_size, "out of memory");
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return 0;
    }
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        const uint32_t *src = (const uint32_t *)(pixels + (size_t)cinfo.next_scanline * (size_t)stride);
        JSAMPLE *dst = row;
        if (grey) {
            for (int x = 0; x < width; x++) {
                uint32_t p = src[x];
                dst[x] = (JSAMPLE)((((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8);
            }
        } else {
            for (int x = 0; x < width; x++) {
                uint32_t p = src[x];
                dst[3 * x] = (JSAMPLE)((p >> 16) & 0xff);
                dst[3 * x + 1] = (JSAMPLE)((p >> 8) & 0xff);
                dst[3 * x + 2] = (JSAMPLE)(p & 0xff);
            }
        }
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    free(row);
    *out = buffer;
    *size = length;
    return 1;
}

void cjpeg_free(void *buffer) { free(buffer); }
