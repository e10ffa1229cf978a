#include "dg_harness.h"

size_t copy_name(char *dst, size_t dst_size, const char *first, const char *last);

DG_TEST(formats_last_comma_first)
{
    char buf[64];
    size_t n = copy_name(buf, sizeof buf, "Ada", "Lovelace");
    DG_ASSERT_STR_EQ(buf, "Lovelace, Ada");
    DG_ASSERT_INT_EQ(n, 13);
}

DG_TEST(exact_fit)
{
    char *buf = malloc(14);
    size_t n = copy_name(buf, 14, "Ada", "Lovelace");
    DG_ASSERT_STR_EQ(buf, "Lovelace, Ada");
    DG_ASSERT_INT_EQ(n, 13);
    free(buf);
}

DG_TEST(empty_first_name)
{
    char buf[32];
    size_t n = copy_name(buf, sizeof buf, "", "Curie");
    DG_ASSERT_STR_EQ(buf, "Curie, ");
    DG_ASSERT_INT_EQ(n, 7);
}

DG_TEST(long_last_name_truncated)
{
    const char *last = "Wolfeschlegelsteinhausenbergerdorffvoral"; /* 40 characters */
    char *buf = malloc(16);
    size_t n = copy_name(buf, 16, "Hubert", last);
    DG_ASSERT_INT_EQ(n, 40 + 2 + 6);
    DG_ASSERT_STR_EQ(buf, "Wolfeschlegelst");
    free(buf);
}

DG_TEST(truncation_at_boundary)
{
    /* "Lovelace, Ada" is 13 characters: a 13-byte buffer holds 12 of them and the terminator. */
    char *buf = malloc(13);
    size_t n = copy_name(buf, 13, "Ada", "Lovelace");
    DG_ASSERT_INT_EQ(n, 13);
    DG_ASSERT_STR_EQ(buf, "Lovelace, Ad");
    free(buf);
}

DG_TEST(zero_size_buffer)
{
    char *buf = malloc(0);
    size_t n = copy_name(buf, 0, "Ada", "Lovelace");
    DG_ASSERT_INT_EQ(n, 13);
    free(buf);
}
