#include "dg_harness.h"

struct page_info { int offset; int limit; int total_pages; };
int paginate(const char *query, int total_items, struct page_info *out);

DG_TEST(defaults_first_page) {
    struct page_info p;
    DG_ASSERT_INT_EQ(paginate("", 45, &p), 0);
    DG_ASSERT_INT_EQ(p.offset, 0);
    DG_ASSERT_INT_EQ(p.limit, 20);
    DG_ASSERT_INT_EQ(p.total_pages, 3);
}

DG_TEST(last_partial_page) {
    struct page_info p;
    DG_ASSERT_INT_EQ(paginate("per_page=20&page=3&sort=name", 45, &p), 0);
    DG_ASSERT_INT_EQ(p.offset, 40);
    DG_ASSERT_INT_EQ(p.limit, 5);
    DG_ASSERT_INT_EQ(p.total_pages, 3);
    DG_ASSERT_INT_EQ(paginate("page=2&per_page=7", 45, &p), 0);
    DG_ASSERT_INT_EQ(p.offset, 7);
    DG_ASSERT_INT_EQ(p.limit, 7);
    DG_ASSERT_INT_EQ(p.total_pages, 7);
}

DG_TEST(rejects_invalid_parameters) {
    struct page_info p;
    DG_ASSERT_INT_EQ(paginate("page=0", 45, &p), -1);
    DG_ASSERT_INT_EQ(paginate("per_page=101", 45, &p), -1);
    DG_ASSERT_INT_EQ(paginate("page=abc", 45, &p), -1);
    DG_ASSERT_INT_EQ(paginate("page=", 45, &p), -1);
    DG_ASSERT_INT_EQ(paginate("page=4&per_page=20", 45, &p), -1);
}

DG_TEST(empty_collection) {
    struct page_info p;
    DG_ASSERT_INT_EQ(paginate("", 0, &p), 0);
    DG_ASSERT_INT_EQ(p.offset, 0);
    DG_ASSERT_INT_EQ(p.limit, 0);
    DG_ASSERT_INT_EQ(p.total_pages, 0);
    DG_ASSERT_INT_EQ(paginate("page=2", 0, &p), -1);
}

DG_TEST(per_page_zero_rejected) {
    struct page_info p;
    DG_ASSERT_INT_EQ(paginate("page=1&per_page=0", 45, &p), -1);
}

DG_TEST(huge_page_rejected) {
    struct page_info p;
    DG_ASSERT_INT_EQ(paginate("page=2147483647&per_page=100", 45, &p), -1);
}
