#include "dg_harness.h"

#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>

std::size_t copy_label(char *dst, std::size_t dst_size, std::string_view label);

DG_TEST(copies_short_label)
{
    char buf[32];
    std::size_t n = copy_label(buf, sizeof buf, "Parcel 7");
    DG_ASSERT_STR_EQ(buf, "Parcel 7");
    DG_ASSERT_INT_EQ(n, 8);
}

DG_TEST(exact_fit)
{
    char *buf = static_cast<char *>(std::malloc(9));
    std::size_t n = copy_label(buf, 9, "Parcel 7");
    DG_ASSERT_STR_EQ(buf, "Parcel 7");
    DG_ASSERT_INT_EQ(n, 8);
    std::free(buf);
}

DG_TEST(empty_label)
{
    char buf[8] = "xxxxxxx";
    std::size_t n = copy_label(buf, sizeof buf, "");
    DG_ASSERT_STR_EQ(buf, "");
    DG_ASSERT_INT_EQ(n, 0);
}

DG_TEST(long_label_truncated)
{
    std::string label(60, 'L');
    label.replace(0, 6, "FRAGIL");
    char *buf = static_cast<char *>(std::malloc(16));
    std::size_t n = copy_label(buf, 16, label);
    DG_ASSERT_INT_EQ(n, 60);
    std::string kept = label.substr(0, 15);
    DG_ASSERT_STR_EQ(buf, kept.c_str());
    std::free(buf);
}

DG_TEST(label_one_byte_too_long)
{
    char *buf = static_cast<char *>(std::malloc(8));
    std::size_t n = copy_label(buf, 8, "Parcel 7");
    DG_ASSERT_INT_EQ(n, 8);
    DG_ASSERT_STR_EQ(buf, "Parcel ");
    std::free(buf);
}

DG_TEST(zero_size_buffer)
{
    char *buf = static_cast<char *>(std::malloc(0));
    std::size_t n = copy_label(buf, 0, "Parcel 7");
    DG_ASSERT_INT_EQ(n, 8);
    std::free(buf);
}
