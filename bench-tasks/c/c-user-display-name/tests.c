#include "dg_harness.h"
#include <stdlib.h>

struct user { const char *first_name; const char *last_name; const char *nickname; };
char *display_name(const struct user *u);

DG_TEST(prefers_nickname) {
    struct user u = {"Ada", "Lovelace", "ace"};
    char *n = display_name(&u);
    DG_ASSERT_STR_EQ(n, "ace");
    free(n);
}

DG_TEST(joins_first_and_last) {
    struct user u = {"Ada", "Lovelace", ""};
    char *n = display_name(&u);
    DG_ASSERT_STR_EQ(n, "Ada Lovelace");
    free(n);
}

DG_TEST(single_name_and_anonymous) {
    struct user u = {"", "Lovelace", ""};
    char *n = display_name(&u);
    DG_ASSERT_STR_EQ(n, "Lovelace");
    free(n);
    struct user v = {"Ada", "", ""};
    n = display_name(&v);
    DG_ASSERT_STR_EQ(n, "Ada");
    free(n);
    struct user w = {"", "", ""};
    n = display_name(&w);
    DG_ASSERT_STR_EQ(n, "anonymous");
    free(n);
}

DG_TEST(missing_nickname_field) {
    struct user u = {"Grace", "Hopper", NULL};
    char *n = display_name(&u);
    DG_ASSERT_STR_EQ(n, "Grace Hopper");
    free(n);
}

DG_TEST(missing_name_fields) {
    struct user u = {NULL, NULL, ""};
    char *n = display_name(&u);
    DG_ASSERT_STR_EQ(n, "anonymous");
    free(n);
}
