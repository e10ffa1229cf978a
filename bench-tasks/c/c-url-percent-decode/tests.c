#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

int url_decode(const char *in, char *out, size_t outsz);

/* Inputs and outputs live in exact-size heap blocks so reads or writes past them are reported by ASan. */
static char *dup_exact(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    memcpy(p, s, n);
    return p;
}

static int decode(const char *s, char *out, size_t outsz) {
    char *in = dup_exact(s);
    int rc = url_decode(in, out, outsz);
    free(in);
    return rc;
}

DG_TEST(decodes_escapes) {
    char *out = malloc(64);
    DG_ASSERT_INT_EQ(decode("hello%20world%21", out, 64), 12);
    DG_ASSERT_STR_EQ(out, "hello world!");
    free(out);
}

DG_TEST(plus_is_space) {
    char *out = malloc(64);
    DG_ASSERT_INT_EQ(decode("a+b%2Bc%2f", out, 64), 6);
    DG_ASSERT_STR_EQ(out, "a b+c/");
    free(out);
}

DG_TEST(rejects_bad_escapes) {
    char *out = malloc(64);
    DG_ASSERT_INT_EQ(decode("%zz", out, 64), -1);
    DG_ASSERT_INT_EQ(decode("abc%4", out, 64), -1);
    DG_ASSERT_INT_EQ(decode("abc%", out, 64), -1);
    DG_ASSERT_INT_EQ(decode("a%00b", out, 64), -1);
    free(out);
}

DG_TEST(fits_exactly_with_terminator) {
    char *out = malloc(4);
    DG_ASSERT_INT_EQ(decode("ab%41", out, 4), 3);
    DG_ASSERT_STR_EQ(out, "abA");
    free(out);
}

DG_TEST(small_output_buffer_rejected) {
    char big[201];
    for (int i = 0; i < 200; i++) big[i] = (i % 3 == 0) ? '+' : 'q';
    big[200] = '\0';
    char *out = malloc(16);
    int rc = decode(big, out, 16);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(no_room_for_terminator_rejected) {
    char *out = malloc(5);
    int rc = decode("abcd%45", out, 5);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}
