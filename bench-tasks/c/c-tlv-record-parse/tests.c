#include "dg_harness.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int tlv_get_string(const uint8_t *buf, size_t len, uint8_t type, char *out, size_t outsz);

/* Messages are copied into exact-size heap blocks so any read past the message is reported by ASan. */
static uint8_t *msg_copy(const uint8_t *bytes, size_t n) {
    uint8_t *m = malloc(n ? n : 1);
    memcpy(m, bytes, n);
    return m;
}

static size_t put(uint8_t *p, uint8_t type, const char *value, size_t n) {
    p[0] = type;
    p[1] = (uint8_t)(n >> 8);
    p[2] = (uint8_t)(n & 0xff);
    memcpy(p + 3, value, n);
    return 3 + n;
}

DG_TEST(finds_second_record) {
    uint8_t raw[64];
    size_t n = put(raw, 1, "eth0", 4);
    n += put(raw + n, 2, "10.0.0.7", 8);
    uint8_t *m = msg_copy(raw, n);
    char out[32];
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 2, out, sizeof out), 8);
    DG_ASSERT_STR_EQ(out, "10.0.0.7");
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 1, out, sizeof out), 4);
    DG_ASSERT_STR_EQ(out, "eth0");
    free(m);
}

DG_TEST(missing_type_returns_minus_one) {
    uint8_t raw[64];
    size_t n = put(raw, 1, "eth0", 4);
    n += put(raw + n, 3, "", 0);
    uint8_t *m = msg_copy(raw, n);
    char out[32];
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 7, out, sizeof out), -1);
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 3, out, sizeof out), 0);
    DG_ASSERT_STR_EQ(out, "");
    DG_ASSERT_INT_EQ(tlv_get_string(m, 0, 1, out, sizeof out), -1);
    free(m);
}

DG_TEST(value_too_big_for_out) {
    uint8_t raw[64];
    size_t n = put(raw, 5, "abcdefghijklmnopqrst", 20);
    uint8_t *m = msg_copy(raw, n);
    char out[21];
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 5, out, 20), -2);
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 5, out, 21), 20);
    DG_ASSERT_STR_EQ(out, "abcdefghijklmnopqrst");
    free(m);
}

DG_TEST(reads_big_endian_length) {
    char value[300];
    memset(value, 'z', sizeof value);
    uint8_t raw[400];
    size_t n = put(raw, 9, value, 300);
    DG_ASSERT(raw[1] == 0x01 && raw[2] == 0x2c, "test encodes 300 as 01 2c");
    uint8_t *m = msg_copy(raw, n);
    char out[512];
    DG_ASSERT_INT_EQ(tlv_get_string(m, n, 9, out, sizeof out), 300);
    DG_ASSERT_INT_EQ(strlen(out), 300);
    free(m);
}

DG_TEST(length_beyond_buffer_rejected) {
    uint8_t raw[13] = {4, 0x00, 200, 'p', 'a', 's', 's', 'w', 'o', 'r', 'd', '1', '2'};
    uint8_t *m = msg_copy(raw, sizeof raw);
    char out[256];
    int rc = tlv_get_string(m, sizeof raw, 4, out, sizeof out);
    free(m);
    DG_ASSERT_INT_EQ(rc, -2);
}

DG_TEST(truncated_header_rejected) {
    uint8_t raw[8];
    size_t n = put(raw, 2, "ok", 2);
    raw[n++] = 6;
    uint8_t *m = msg_copy(raw, n);
    char out[64];
    int rc = tlv_get_string(m, n, 6, out, sizeof out);
    free(m);
    DG_ASSERT_INT_EQ(rc, -2);
}
