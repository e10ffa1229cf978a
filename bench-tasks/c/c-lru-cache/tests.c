#include "dg_harness.h"
#include <stddef.h>

struct lru;
struct lru *lru_new(size_t capacity);
int lru_put(struct lru *c, const char *key, const char *value);
const char *lru_get(struct lru *c, const char *key);
size_t lru_size(const struct lru *c);
void lru_free(struct lru *c);

DG_TEST(put_get_roundtrip) {
    struct lru *c = lru_new(3);
    DG_ASSERT(c != NULL, "lru_new failed");
    DG_ASSERT_INT_EQ(lru_put(c, "example.com", "93.184.216.34"), 0);
    DG_ASSERT_INT_EQ(lru_put(c, "localhost", "127.0.0.1"), 0);
    DG_ASSERT_STR_EQ(lru_get(c, "example.com"), "93.184.216.34");
    DG_ASSERT_STR_EQ(lru_get(c, "localhost"), "127.0.0.1");
    DG_ASSERT(lru_get(c, "missing.org") == NULL, "missing key found");
    DG_ASSERT_INT_EQ(lru_size(c), 2);
    lru_free(c);
}

DG_TEST(evicts_least_recently_used) {
    struct lru *c = lru_new(2);
    lru_put(c, "a", "1");
    lru_put(c, "b", "2");
    DG_ASSERT_STR_EQ(lru_get(c, "a"), "1");
    lru_put(c, "c", "3");
    DG_ASSERT(lru_get(c, "b") == NULL, "b should have been evicted");
    DG_ASSERT_STR_EQ(lru_get(c, "a"), "1");
    DG_ASSERT_STR_EQ(lru_get(c, "c"), "3");
    DG_ASSERT_INT_EQ(lru_size(c), 2);
    lru_free(c);
}

DG_TEST(update_replaces_value) {
    struct lru *c = lru_new(3);
    lru_put(c, "a", "1");
    lru_put(c, "b", "2");
    lru_put(c, "a", "one");
    DG_ASSERT_STR_EQ(lru_get(c, "a"), "one");
    DG_ASSERT_STR_EQ(lru_get(c, "b"), "2");
    DG_ASSERT_INT_EQ(lru_size(c), 2);
    lru_free(c);
}

DG_TEST(refresh_oldest_key_when_full) {
    struct lru *c = lru_new(2);
    lru_put(c, "a", "1");
    lru_put(c, "b", "2");
    DG_ASSERT_INT_EQ(lru_put(c, "a", "3"), 0);
    DG_ASSERT_STR_EQ(lru_get(c, "a"), "3");
    DG_ASSERT_STR_EQ(lru_get(c, "b"), "2");
    DG_ASSERT_INT_EQ(lru_size(c), 2);
    lru_free(c);
}

DG_TEST(single_slot_update) {
    struct lru *c = lru_new(1);
    lru_put(c, "only", "first");
    DG_ASSERT_INT_EQ(lru_put(c, "only", "second"), 0);
    DG_ASSERT_STR_EQ(lru_get(c, "only"), "second");
    DG_ASSERT_INT_EQ(lru_size(c), 1);
    lru_free(c);
}
