#include "dg_harness.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int dns_read_name(const uint8_t *msg, size_t len, size_t off, char *out, size_t outsz);

/* Messages live in exact-size heap blocks so reads past the datagram are reported by ASan. */
static int decode(const uint8_t *raw, size_t len, size_t off, char *out, size_t outsz) {
    uint8_t *m = malloc(len);
    memcpy(m, raw, len);
    int rc = dns_read_name(m, len, off, out, outsz);
    free(m);
    return rc;
}

static size_t build(uint8_t *m, const char *wire, size_t wire_len) {
    memset(m, 0xAB, 12);
    memcpy(m + 12, wire, wire_len);
    return 12 + wire_len;
}

DG_TEST(decodes_plain_name) {
    uint8_t m[64];
    size_t n = build(m, "\3www\7example\3com\0", 17);
    char out[256];
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, sizeof out), 17);
    DG_ASSERT_STR_EQ(out, "www.example.com");
}

DG_TEST(follows_compression_pointer) {
    uint8_t m[64];
    size_t n = build(m, "\7example\3com\0\4mail\xc0\x0c", 20);
    char out[256];
    DG_ASSERT_INT_EQ(decode(m, n, 25, out, sizeof out), 7);
    DG_ASSERT_STR_EQ(out, "mail.example.com");
}

DG_TEST(decodes_root_name) {
    uint8_t m[64];
    size_t n = build(m, "\0", 1);
    char out[16] = "junk";
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, sizeof out), 1);
    DG_ASSERT_STR_EQ(out, "");
}

DG_TEST(rejects_invalid_names) {
    uint8_t m[64];
    size_t n = build(m, "\3www\7example\3com\0", 17);
    char out[256];
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, 15), -1);
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, 16), 17);
    n = build(m, "\x41" "abc\0", 5);
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, sizeof out), -1);
}

DG_TEST(truncated_label_rejected) {
    uint8_t m[64];
    size_t n = build(m, "\7exa", 4);
    char out[256];
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, sizeof out), -1);
}

DG_TEST(pointer_past_end_rejected) {
    uint8_t m[64];
    size_t n = build(m, "\xc0\xff", 2);
    char out[256];
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, sizeof out), -1);
}

DG_TEST(pointer_loop_rejected) {
    uint8_t m[64];
    size_t n = build(m, "\xc0\x0c", 2);
    char out[256];
    DG_ASSERT_INT_EQ(decode(m, n, 12, out, sizeof out), -1);
}
