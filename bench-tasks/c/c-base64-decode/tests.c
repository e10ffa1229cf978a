#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

int b64_decode(const char *in, unsigned char *out, size_t outcap);

DG_TEST(decodes_padded_text) {
    unsigned char *out = malloc(5);
    DG_ASSERT_INT_EQ(b64_decode("aGVsbG8=", out, 5), 5);
    DG_ASSERT(memcmp(out, "hello", 5) == 0, "decoded bytes differ from hello");
    free(out);
}

DG_TEST(decodes_unpadded_input) {
    unsigned char *out = malloc(16);
    DG_ASSERT_INT_EQ(b64_decode("aGk", out, 16), 2);
    DG_ASSERT(out[0] == 'h' && out[1] == 'i', "expected hi, got %02x %02x", out[0], out[1]);
    DG_ASSERT_INT_EQ(b64_decode("", out, 16), 0);
    free(out);
}

DG_TEST(decodes_binary_alphabet_edges) {
    unsigned char *out = malloc(16);
    DG_ASSERT_INT_EQ(b64_decode("+/8=", out, 16), 2);
    DG_ASSERT(out[0] == 0xfb && out[1] == 0xff, "expected fb ff, got %02x %02x", out[0], out[1]);
    DG_ASSERT_INT_EQ(b64_decode("AAECAw==", out, 16), 4);
    DG_ASSERT(out[0] == 0 && out[1] == 1 && out[2] == 2 && out[3] == 3, "expected 00 01 02 03");
    free(out);
}

DG_TEST(rejects_invalid_input) {
    unsigned char *out = malloc(16);
    DG_ASSERT_INT_EQ(b64_decode("aGk*", out, 16), -1);
    DG_ASSERT_INT_EQ(b64_decode("aG=k", out, 16), -1);
    DG_ASSERT_INT_EQ(b64_decode("aGVsb", out, 16), -1);
    DG_ASSERT_INT_EQ(b64_decode("a-_b", out, 16), -1);
    free(out);
}

DG_TEST(long_input_small_buffer_rejected) {
    char in[401];
    for (int i = 0; i < 400; i++) in[i] = "QUJD"[i % 4];
    in[400] = '\0';
    unsigned char *out = malloc(16);
    int rc = b64_decode(in, out, 16);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(unpadded_size_computed_correctly) {
    unsigned char *out = malloc(4);
    int rc = b64_decode("aGVsbG8", out, 4);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}
