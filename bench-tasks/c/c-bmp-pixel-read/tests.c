#include "dg_harness.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int bmp_get_pixel(const uint8_t *file, size_t len, int32_t x, int32_t y, uint8_t rgb[3]);

static void le16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void le32(uint8_t *p, uint32_t v) { le16(p, (uint16_t)v); le16(p + 2, (uint16_t)(v >> 16)); }

/* Builds a 54-byte header followed by `data_len` bytes of pixel data in an exact-size heap block. */
static uint8_t *bmp(int32_t w, int32_t h, const uint8_t *data, size_t data_len, size_t *len) {
    *len = 54 + data_len;
    uint8_t *f = calloc(1, *len);
    f[0] = 'B'; f[1] = 'M';
    le32(f + 2, (uint32_t)*len);
    le32(f + 10, 54);
    le32(f + 14, 40);
    le32(f + 18, (uint32_t)w);
    le32(f + 22, (uint32_t)h);
    le16(f + 26, 1);
    le16(f + 28, 24);
    memcpy(f + 54, data, data_len);
    return f;
}

DG_TEST(reads_pixels_of_2x2_image) {
    /* bottom row: blue, white; top row: red, green (stored B,G,R, 2 padding bytes per row) */
    const uint8_t px[16] = {255, 0, 0, 255, 255, 255, 0, 0, 0, 0, 255, 0, 255, 0, 0, 0};
    size_t len;
    uint8_t *f = bmp(2, 2, px, sizeof px, &len);
    uint8_t c[3];
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 0, 0, c), 0);
    DG_ASSERT(c[0] == 255 && c[1] == 0 && c[2] == 0, "(0,0) expected red, got %d,%d,%d", c[0], c[1], c[2]);
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 1, 0, c), 0);
    DG_ASSERT(c[0] == 0 && c[1] == 255 && c[2] == 0, "(1,0) expected green, got %d,%d,%d", c[0], c[1], c[2]);
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 0, 1, c), 0);
    DG_ASSERT(c[0] == 0 && c[1] == 0 && c[2] == 255, "(0,1) expected blue, got %d,%d,%d", c[0], c[1], c[2]);
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 1, 1, c), 0);
    DG_ASSERT(c[0] == 255 && c[1] == 255 && c[2] == 255, "(1,1) expected white, got %d,%d,%d", c[0], c[1], c[2]);
    free(f);
}

DG_TEST(reads_padded_3x1_image) {
    const uint8_t px[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0};
    size_t len;
    uint8_t *f = bmp(3, 1, px, sizeof px, &len);
    uint8_t c[3];
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 2, 0, c), 0);
    DG_ASSERT(c[0] == 9 && c[1] == 8 && c[2] == 7, "expected 9,8,7, got %d,%d,%d", c[0], c[1], c[2]);
    free(f);
}

DG_TEST(rejects_unsupported_or_out_of_range) {
    const uint8_t px[16] = {0};
    size_t len;
    uint8_t c[3];
    uint8_t *f = bmp(2, 2, px, sizeof px, &len);
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 2, 0, c), -1);
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 0, -1, c), -1);
    f[28] = 32;
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 0, 0, c), -1);
    f[28] = 24;
    f[30] = 1;
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 0, 0, c), -1);
    f[30] = 0;
    f[0] = 'X';
    DG_ASSERT_INT_EQ(bmp_get_pixel(f, len, 0, 0, c), -1);
    free(f);
}

DG_TEST(truncated_pixel_data_rejected) {
    const uint8_t px[12] = {0};
    size_t len;
    uint8_t c[3];
    uint8_t *f = bmp(100, 100, px, sizeof px, &len);
    int rc = bmp_get_pixel(f, len, 5, 99, c);
    free(f);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(wrapping_image_size_rejected) {
    const uint8_t px[6] = {0};
    size_t len;
    uint8_t c[3];
    uint8_t *f = bmp(21845, 65536, px, sizeof px, &len);
    int rc = bmp_get_pixel(f, len, 5, 65535, c);
    free(f);
    DG_ASSERT_INT_EQ(rc, -1);
}
