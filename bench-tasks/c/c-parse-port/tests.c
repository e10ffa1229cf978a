#include "dg_harness.h"

int parse_port(const char *s);

DG_TEST(accepts_valid_ports) {
    DG_ASSERT_INT_EQ(parse_port("80"), 80);
    DG_ASSERT_INT_EQ(parse_port("8080"), 8080);
    DG_ASSERT_INT_EQ(parse_port("65535"), 65535);
    DG_ASSERT_INT_EQ(parse_port("1"), 1);
    DG_ASSERT_INT_EQ(parse_port("0443"), 443);
}

DG_TEST(rejects_zero_and_65536) {
    DG_ASSERT_INT_EQ(parse_port("0"), -1);
    DG_ASSERT_INT_EQ(parse_port("65536"), -1);
}

DG_TEST(rejects_non_numeric) {
    DG_ASSERT_INT_EQ(parse_port(""), -1);
    DG_ASSERT_INT_EQ(parse_port("http"), -1);
    DG_ASSERT_INT_EQ(parse_port("80x"), -1);
    DG_ASSERT_INT_EQ(parse_port("8 0"), -1);
}

DG_TEST(wrapped_values_rejected) {
    DG_ASSERT_INT_EQ(parse_port("65616"), -1);
    DG_ASSERT_INT_EQ(parse_port("131152"), -1);
    DG_ASSERT_INT_EQ(parse_port("4294967376"), -1);
}

DG_TEST(signs_and_spaces_rejected) {
    DG_ASSERT_INT_EQ(parse_port("-1"), -1);
    DG_ASSERT_INT_EQ(parse_port("+443"), -1);
    DG_ASSERT_INT_EQ(parse_port(" 443"), -1);
    DG_ASSERT_INT_EQ(parse_port("-65535"), -1);
}
