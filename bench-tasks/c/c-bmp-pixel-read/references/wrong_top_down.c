#include <stddef.h>
#include <stdint.h>

static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

int bmp_get_pixel(const uint8_t *file, size_t len, int32_t x, int32_t y, uint8_t rgb[3])
{
    if (len < 54 || file[0] != 'B' || file[1] != 'M' || rd32(file + 14) != 40) return -1;
    uint64_t offset = rd32(file + 10);
    int32_t w = (int32_t)rd32(file + 18), h = (int32_t)rd32(file + 22);
    if (w <= 0 || h <= 0 || rd16(file + 28) != 24 || rd32(file + 30) != 0) return -1;
    if (x < 0 || y < 0 || x >= w || y >= h) return -1;
    /* 64-bit arithmetic: w, h < 2^31, so stride * h < 2^64 and cannot wrap. */
    uint64_t stride = ((uint64_t)w * 3 + 3) & ~(uint64_t)3;
    if (offset < 54 || offset > len || stride * (uint64_t)h > len - offset) return -1;
    const uint8_t *p = file + offset + (uint64_t)y * stride + (uint64_t)x * 3;
    rgb[0] = p[2];
    rgb[1] = p[1];
    rgb[2] = p[0];
    return 0;
}
