#include "dg_harness.h"
#include <stdint.h>
#include <stdlib.h>

uint8_t *image_resize_nearest(const uint8_t *src, uint32_t sw, uint32_t sh, uint32_t channels, uint32_t dw, uint32_t dh);

DG_TEST(upscales_2x2_rgb) {
    const uint8_t src[12] = {10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42};
    uint8_t *d = image_resize_nearest(src, 2, 2, 3, 4, 4);
    DG_ASSERT(d != NULL, "resize returned NULL");
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++)
            for (int c = 0; c < 3; c++) {
                int expect = src[((y / 2) * 2 + x / 2) * 3 + c];
                DG_ASSERT(d[(y * 4 + x) * 3 + c] == expect, "pixel (%d,%d) channel %d: expected %d, got %d",
                          x, y, c, expect, d[(y * 4 + x) * 3 + c]);
            }
    free(d);
}

DG_TEST(downscales_4x4_gray) {
    uint8_t src[16];
    for (int i = 0; i < 16; i++) src[i] = (uint8_t)(i * 10);
    uint8_t *d = image_resize_nearest(src, 4, 4, 1, 2, 2);
    DG_ASSERT(d != NULL, "resize returned NULL");
    DG_ASSERT(d[0] == 0 && d[1] == 20 && d[2] == 80 && d[3] == 100,
              "expected 0 20 80 100, got %d %d %d %d", d[0], d[1], d[2], d[3]);
    free(d);
}

DG_TEST(rejects_invalid_arguments) {
    const uint8_t src[4] = {1, 2, 3, 4};
    DG_ASSERT(image_resize_nearest(src, 2, 2, 1, 0, 4) == NULL, "dw 0 accepted");
    DG_ASSERT(image_resize_nearest(src, 0, 2, 1, 4, 4) == NULL, "sw 0 accepted");
    DG_ASSERT(image_resize_nearest(src, 2, 2, 0, 4, 4) == NULL, "0 channels accepted");
    DG_ASSERT(image_resize_nearest(src, 1, 1, 5, 4, 4) == NULL, "5 channels accepted");
    DG_ASSERT(image_resize_nearest(src, 2, 2, 1, 8193, 8192) == NULL, "destination over 64 MiB accepted");
}

DG_TEST(huge_width_times_height_rejected) {
    const uint8_t src[4] = {1, 2, 3, 4};
    uint8_t *d = image_resize_nearest(src, 2, 2, 1, 65536, 65537);
    int was_null = d == NULL;
    free(d);
    DG_ASSERT(was_null, "a 65536x65537 destination was accepted");
}

DG_TEST(four_channel_product_wraps_rejected) {
    const uint8_t src[16] = {0};
    uint8_t *d = image_resize_nearest(src, 2, 2, 4, 32768, 32768);
    int was_null = d == NULL;
    free(d);
    DG_ASSERT(was_null, "a 32768x32768x4 destination was accepted");
}
