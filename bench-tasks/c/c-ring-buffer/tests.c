#include "dg_harness.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ring { uint8_t *buf; size_t cap; size_t head; size_t used; };
int ring_init(struct ring *r, size_t cap);
size_t ring_write(struct ring *r, const uint8_t *data, size_t n);
size_t ring_read(struct ring *r, uint8_t *out, size_t outsz);
void ring_free(struct ring *r);

static size_t wr(struct ring *r, const char *s) { return ring_write(r, (const uint8_t *)s, strlen(s)); }

DG_TEST(fifo_order) {
    struct ring r;
    DG_ASSERT_INT_EQ(ring_init(&r, 8), 0);
    DG_ASSERT_INT_EQ(wr(&r, "abc"), 3);
    DG_ASSERT_INT_EQ(wr(&r, "de"), 2);
    char out[17] = {0};
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 3), 3);
    DG_ASSERT_STR_EQ(out, "abc");
    memset(out, 0, sizeof out);
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 16), 2);
    DG_ASSERT_STR_EQ(out, "de");
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 16), 0);
    ring_free(&r);
}

DG_TEST(wraps_around_end) {
    struct ring r;
    ring_init(&r, 8);
    DG_ASSERT_INT_EQ(wr(&r, "abcdef"), 6);
    char out[17] = {0};
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 4), 4);
    DG_ASSERT_INT_EQ(wr(&r, "ghijk"), 5);
    memset(out, 0, sizeof out);
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 16), 7);
    DG_ASSERT_STR_EQ(out, "efghijk");
    ring_free(&r);
}

DG_TEST(clamps_when_full) {
    struct ring r;
    ring_init(&r, 4);
    DG_ASSERT_INT_EQ(wr(&r, "abcdef"), 4);
    DG_ASSERT_INT_EQ(wr(&r, "x"), 0);
    char out[17] = {0};
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 16), 4);
    DG_ASSERT_STR_EQ(out, "abcd");
    ring_free(&r);
}

DG_TEST(read_into_small_buffer) {
    struct ring r;
    ring_init(&r, 64);
    uint8_t data[96];
    for (int i = 0; i < 96; i++) data[i] = (uint8_t)i;
    uint8_t first[32];
    DG_ASSERT_INT_EQ(ring_write(&r, data, 64), 64);
    DG_ASSERT_INT_EQ(ring_read(&r, first, 32), 32);
    DG_ASSERT_INT_EQ(ring_write(&r, data + 64, 32), 32);
    uint8_t *hdr = malloc(16);
    size_t got = ring_read(&r, hdr, 16);
    int same = got == 16 && memcmp(hdr, data + 32, 16) == 0;
    free(hdr);
    size_t left = r.used;
    ring_free(&r);
    DG_ASSERT_INT_EQ(got, 16);
    DG_ASSERT(same, "the oldest 16 bytes were not returned in order");
    DG_ASSERT_INT_EQ(left, 48);
}

DG_TEST(write_after_data_wrapped) {
    struct ring r;
    ring_init(&r, 8);
    char out[17] = {0};
    DG_ASSERT_INT_EQ(wr(&r, "abcdefgh"), 8);
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 6), 6);
    DG_ASSERT_INT_EQ(wr(&r, "ij"), 2);
    DG_ASSERT_INT_EQ(wr(&r, "k"), 1);
    memset(out, 0, sizeof out);
    DG_ASSERT_INT_EQ(ring_read(&r, (uint8_t *)out, 16), 5);
    DG_ASSERT_STR_EQ(out, "ghijk");
    ring_free(&r);
}
