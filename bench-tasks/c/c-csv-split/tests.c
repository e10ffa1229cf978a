#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

int csv_split(char *line, char **fields, int max_fields);

/* Lines and field arrays are exact-size heap blocks so overruns are visible to ASan. */
static char *dup_exact(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    memcpy(p, s, n);
    return p;
}

DG_TEST(splits_plain_fields) {
    char *line = dup_exact("alice,42,admin");
    char **f = malloc(8 * sizeof *f);
    DG_ASSERT_INT_EQ(csv_split(line, f, 8), 3);
    DG_ASSERT_STR_EQ(f[0], "alice");
    DG_ASSERT_STR_EQ(f[1], "42");
    DG_ASSERT_STR_EQ(f[2], "admin");
    free(f);
    free(line);
}

DG_TEST(unquotes_quoted_fields) {
    char *line = dup_exact("\"Smith, John\",\"say \"\"hi\"\"\",x\"y");
    char **f = malloc(8 * sizeof *f);
    DG_ASSERT_INT_EQ(csv_split(line, f, 8), 3);
    DG_ASSERT_STR_EQ(f[0], "Smith, John");
    DG_ASSERT_STR_EQ(f[1], "say \"hi\"");
    DG_ASSERT_STR_EQ(f[2], "x\"y");
    free(f);
    free(line);
}

DG_TEST(keeps_empty_fields) {
    char *line = dup_exact(",a,");
    char **f = malloc(3 * sizeof *f);
    DG_ASSERT_INT_EQ(csv_split(line, f, 3), 3);
    DG_ASSERT_STR_EQ(f[0], "");
    DG_ASSERT_STR_EQ(f[1], "a");
    DG_ASSERT_STR_EQ(f[2], "");
    free(line);
    line = dup_exact("");
    DG_ASSERT_INT_EQ(csv_split(line, f, 3), 1);
    DG_ASSERT_STR_EQ(f[0], "");
    free(f);
    free(line);
}

DG_TEST(rejects_text_after_closing_quote) {
    char *line = dup_exact("\"abc\"x,y");
    char **f = malloc(8 * sizeof *f);
    DG_ASSERT_INT_EQ(csv_split(line, f, 8), -1);
    free(f);
    free(line);
}

DG_TEST(too_many_fields_rejected) {
    char *line = dup_exact("1,bob,bob@example.org,admin,extra");
    char **f = malloc(4 * sizeof *f);
    int rc = csv_split(line, f, 4);
    free(f);
    free(line);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(unterminated_quote_rejected) {
    char *line = dup_exact("id,\"never closed");
    char **f = malloc(8 * sizeof *f);
    int rc = csv_split(line, f, 8);
    free(f);
    free(line);
    DG_ASSERT_INT_EQ(rc, -1);
}
