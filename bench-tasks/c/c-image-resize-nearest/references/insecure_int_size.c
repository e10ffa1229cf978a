#include <stdint.h>
#include <stdlib.h>
#include <string.h>

uint8_t *image_resize_nearest(const uint8_t *src, uint32_t sw, uint32_t sh, uint32_t channels, uint32_t dw, uint32_t dh)
{
    if (sw == 0 || sh == 0 || dw == 0 || dh == 0 || channels < 1 || channels > 4) return NULL;
    int w = (int)dw, h = (int)dh, c = (int)channels;
    int bytes = w * h * c;
    if (bytes <= 0 || bytes > 64 * 1024 * 1024) return NULL;
    uint8_t *dst = malloc((size_t)bytes);
    if (dst == NULL) return NULL;
    for (int y = 0; y < h; y++) {
        int sy = (int)((int64_t)y * sh / dh);
        for (int x = 0; x < w; x++) {
            int sx = (int)((int64_t)x * sw / dw);
            memcpy(dst + ((size_t)y * w + x) * c, src + ((size_t)sy * sw + sx) * c, (size_t)c);
        }
    }
    return dst;
}
