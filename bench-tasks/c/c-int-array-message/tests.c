#include "dg_harness.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int32_t *read_int_array(const uint8_t *msg, size_t len, uint32_t *count_out);

static void le32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* Exact-size heap copies make any read past the message visible to ASan. */
static int32_t *decode(const uint8_t *raw, size_t n, uint32_t *count) {
    uint8_t *m = malloc(n ? n : 1);
    memcpy(m, raw, n);
    int32_t *r = read_int_array(m, n, count);
    free(m);
    return r;
}

DG_TEST(decodes_three_readings) {
    uint8_t raw[16];
    le32(raw, 3); le32(raw + 4, 7); le32(raw + 8, (uint32_t)-2); le32(raw + 12, 100000);
    uint32_t n = 0;
    int32_t *a = decode(raw, sizeof raw, &n);
    DG_ASSERT(a != NULL, "valid message rejected");
    DG_ASSERT_INT_EQ(n, 3);
    DG_ASSERT(a[0] == 7 && a[1] == -2 && a[2] == 100000, "got %d %d %d", a[0], a[1], a[2]);
    free(a);
}

DG_TEST(rejects_length_mismatch) {
    uint8_t raw[13];
    le32(raw, 2); le32(raw + 4, 1); le32(raw + 8, 2); raw[12] = 9;
    uint32_t n;
    DG_ASSERT(decode(raw, 11, &n) == NULL, "short message accepted");
    DG_ASSERT(decode(raw, 13, &n) == NULL, "message with trailing byte accepted");
    int32_t *ok = decode(raw, 12, &n);
    DG_ASSERT(ok != NULL && n == 2, "exact message rejected");
    free(ok);
}

DG_TEST(rejects_short_or_empty) {
    uint8_t raw[4] = {0, 0, 0, 0};
    uint32_t n;
    DG_ASSERT(decode(raw, 3, &n) == NULL, "3-byte message accepted");
    DG_ASSERT(decode(raw, 0, &n) == NULL, "empty message accepted");
    DG_ASSERT(decode(raw, 4, &n) == NULL, "count 0 accepted");
}

DG_TEST(huge_count_wrapping_to_one_element) {
    uint8_t raw[8];
    le32(raw, 0x40000001u); le32(raw + 4, 42);
    uint32_t n;
    int32_t *a = decode(raw, sizeof raw, &n);
    int was_null = a == NULL;
    free(a);
    DG_ASSERT(was_null, "count 0x40000001 in an 8-byte message accepted");
}

DG_TEST(count_wrapping_to_zero_bytes) {
    uint8_t raw[4];
    le32(raw, 0x80000000u);
    uint32_t n;
    int32_t *a = decode(raw, sizeof raw, &n);
    int was_null = a == NULL;
    free(a);
    DG_ASSERT(was_null, "count 0x80000000 in a 4-byte message accepted");
}
