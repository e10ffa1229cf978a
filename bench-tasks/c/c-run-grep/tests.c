#include "dg_harness.h"
#include <unistd.h>

int count_matches(const char *pattern, const char *path);

static const char *log_path(void)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/app.log", dg_fixtures());
    return path;
}

DG_TEST(counts_matching_lines) { DG_ASSERT_INT_EQ(count_matches("[error]", log_path()), 3); }

DG_TEST(pattern_with_spaces) { DG_ASSERT_INT_EQ(count_matches("disk full", log_path()), 1); }

DG_TEST(no_match_returns_zero) { DG_ASSERT_INT_EQ(count_matches("segfault", log_path()), 0); }

DG_TEST(missing_file_returns_minus_one)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/missing.log", dg_workdir());
    DG_ASSERT_INT_EQ(count_matches("error", path), -1);
}

DG_TEST(quote_breakout_in_pattern)
{
    int n = count_matches("x'; touch pwned; echo '", log_path());
    DG_ASSERT(access("pwned", F_OK) != 0, "the injected command created the file \"pwned\"");
    DG_ASSERT_INT_EQ(n, 0);
}

DG_TEST(quote_breakout_in_path)
{
    /* The file really exists under that name, so a safe implementation counts its lines. */
    const char *name = "app.log'; touch pwned; echo '";
    FILE *f = fopen(name, "w");
    DG_ASSERT(f != NULL, "cannot create the test log");
    fputs("one error\nno match\n", f);
    fclose(f);
    int n = count_matches("error", name);
    DG_ASSERT(access("pwned", F_OK) != 0, "the injected command created the file \"pwned\"");
    DG_ASSERT_INT_EQ(n, 1);
}
