#ifndef CJPEG_H
#define CJPEG_H
#include <stddef.h>
#include <stdint.h>

/*
 * Encodes a cairo RGB24 image (rows of native-endian 0x00RRGGBB words, `stride` bytes apart)
 * as a baseline JPEG with libjpeg, a row at a time: as greyscale (luminance
 * (77 R + 150 G + 29 B) >> 8) when `grey` is non-zero, else as RGB. `dpi` is written as the
 * density. On success returns 1 and a malloc'ed buffer in *out (release with cjpeg_free);
 * on failure returns 0 and writes libjpeg's message into `error` (NUL-terminated).
 *
 * libjpeg reports errors by longjmp, which Swift cannot survive, so the whole encoder lives
 * here in C.
 */
int cjpeg_encode_rgb24(const uint8_t *pixels, int width, int height, int stride, int grey, int quality, int dpi,
                       uint8_t **out, unsigned long *size, char *error, size_t error_size);

void cjpeg_free(void *buffer);

#endif
