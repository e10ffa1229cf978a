#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OUTPUT_BYTES ((uint64_t)64 * 1024 * 1024)

uint8_t *image_resize_nearest(const uint8_t *src, uint32_t sw, uint32_t sh, uint32_t channels, uint32_t dw, uint32_t dh)
{
    if (sw == 0 || sh == 0 || dw == 0 || dh == 0 || channels < 1 || channels > 4) return NULL;
    /* Each factor is below 2^32 and channels <= 4, so the 64-bit product cannot wrap. */
    uint64_t bytes = (uint64_t)dw * dh * channels;
    if (bytes > MAX_OUTPUT_BYTES) return NULL;
    uint8_t *dst = malloc((size_t)bytes);
    if (dst == NULL) return NULL;
    for (uint64_t y = 0; y < dh; y++) {
        uint64_t sy = y * sh / dh;
        for (uint64_t x = 0; x < dw; x++) {
            uint64_t sx = x * sw / dw;
            memcpy(dst + (y * dw + x) * channels, src + (sy * sw * channels + sx), channels);
        }
    }
    return dst;
}
