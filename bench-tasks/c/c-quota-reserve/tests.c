#include "dg_harness.h"
#include <stdint.h>

struct quota { int64_t limit; int64_t used; };
int quota_reserve(struct quota *q, int64_t bytes);

DG_TEST(reserves_within_limit) {
    struct quota q = {1000, 0};
    DG_ASSERT_INT_EQ(quota_reserve(&q, 300), 0);
    DG_ASSERT_INT_EQ(quota_reserve(&q, 200), 0);
    DG_ASSERT_INT_EQ(q.used, 500);
}

DG_TEST(rejects_over_limit) {
    struct quota q = {1000, 100};
    DG_ASSERT_INT_EQ(quota_reserve(&q, 901), -1);
    DG_ASSERT_INT_EQ(q.used, 100);
}

DG_TEST(allows_exact_fill) {
    struct quota q = {1000, 100};
    DG_ASSERT_INT_EQ(quota_reserve(&q, 900), 0);
    DG_ASSERT_INT_EQ(q.used, 1000);
}

DG_TEST(huge_size_does_not_wrap) {
    struct quota q = {1000, 100};
    DG_ASSERT_INT_EQ(quota_reserve(&q, INT64_MAX), -1);
    DG_ASSERT_INT_EQ(q.used, 100);
}

DG_TEST(negative_size_rejected) {
    struct quota q = {1000, 800};
    DG_ASSERT_INT_EQ(quota_reserve(&q, -500), -1);
    DG_ASSERT_INT_EQ(q.used, 800);
}
