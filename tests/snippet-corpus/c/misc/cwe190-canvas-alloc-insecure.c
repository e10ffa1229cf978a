// corpus: label=insecure cwe=CWE-190 function=canvas_from_header
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct canvas {
    uint32_t width;
    uint32_t height;
    uint8_t *rgba;
};

static uint32_t read_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/*
 * Allocate an RGBA canvas for the frame described by an 8-byte header
 * (big-endian width, height) and clear it to the background colour.
 * Returns 0 on success, -1 on error.
 */
int canvas_from_header(const uint8_t *hdr, size_t hdr_len, uint32_t background, struct canvas *cv)
{
    uint32_t w, h, bytes, y, x;

    if (hdr_len < 8) {
        return -1;
    }
    w = read_be32(hdr);
    h = read_be32(hdr + 4);
    if (w == 0 || h == 0) {
        return -1;
    }

    bytes = w * h * 4;
    cv->rgba = malloc(bytes);
    if (cv->rgba == NULL) {
        return -1;
    }
    cv->width = w;
    cv->height = h;

    for (y = 0; y < h; y++) {
        uint8_t *row = cv->rgba + (size_t)y * w * 4;
        for (x = 0; x < w; x++) {
            memcpy(row + (size_t)x * 4, &background, 4);
        }
    }
    return 0;
}
