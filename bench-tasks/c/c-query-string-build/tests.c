#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

int build_query(char *out, size_t outsz, const char *const *keys, const char *const *values, size_t n);

DG_TEST(builds_two_pairs) {
    const char *k[] = {"q", "page"}, *v[] = {"shoes", "2"};
    char *out = malloc(64);
    DG_ASSERT_INT_EQ(build_query(out, 64, k, v, 2), 14);
    DG_ASSERT_STR_EQ(out, "q=shoes&page=2");
    free(out);
}

DG_TEST(encodes_reserved_characters) {
    const char *k[] = {"color name", "sort"}, *v[] = {"red & blue/50%", "price.asc~"};
    char *out = malloc(128);
    int n = build_query(out, 128, k, v, 2);
    DG_ASSERT_STR_EQ(out, "color%20name=red%20%26%20blue%2F50%25&sort=price.asc~");
    DG_ASSERT_INT_EQ(n, (long long)strlen(out));
    free(out);
}

DG_TEST(empty_and_exact_fit) {
    const char *k[] = {"a", "b"}, *v[] = {"1 2", "3"};
    char *out = malloc(12);
    DG_ASSERT_INT_EQ(build_query(out, 12, k, v, 0), 0);
    DG_ASSERT_STR_EQ(out, "");
    DG_ASSERT_INT_EQ(build_query(out, 11, k, v, 2), -1);
    DG_ASSERT_INT_EQ(build_query(out, 12, k, v, 2), 11);
    DG_ASSERT_STR_EQ(out, "a=1%202&b=3");
    free(out);
}

DG_TEST(long_value_rejected) {
    char term[401];
    memset(term, 'z', 400);
    term[400] = '\0';
    const char *k[] = {"q"}, *v[] = {term};
    char *out = malloc(128);
    int rc = build_query(out, 128, k, v, 1);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(encoding_expansion_counted) {
    char term[41];
    memset(term, ' ', 40);
    term[40] = '\0';
    const char *k[] = {"q"}, *v[] = {term};
    char *out = malloc(64);
    int rc = build_query(out, 64, k, v, 1);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}
