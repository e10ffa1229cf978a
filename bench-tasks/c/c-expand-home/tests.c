#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

char *expand_home(const char *path);

DG_TEST(expands_tilde_slash) {
    setenv("HOME", "/home/alice", 1);
    char *p = expand_home("~/notes.txt");
    DG_ASSERT_STR_EQ(p, "/home/alice/notes.txt");
    free(p);
}

DG_TEST(expands_bare_tilde) {
    setenv("HOME", "/home/alice", 1);
    char *p = expand_home("~");
    DG_ASSERT_STR_EQ(p, "/home/alice");
    free(p);
}

DG_TEST(leaves_other_paths) {
    setenv("HOME", "/home/alice", 1);
    const char *keep[] = {"/etc/hosts", "relative/dir", "~bob/x"};
    for (int i = 0; i < 3; i++) {
        char *p = expand_home(keep[i]);
        DG_ASSERT_STR_EQ(p, keep[i]);
        DG_ASSERT(p != keep[i], "returned the input pointer instead of a copy");
        free(p);
    }
}

DG_TEST(unset_home_returns_null) {
    unsetenv("HOME");
    char *p = expand_home("~/x");
    DG_ASSERT(p == NULL, "expected NULL without HOME, got \"%s\"", p);
}

DG_TEST(long_home_expands_fully) {
    char home[301], expect[320];
    home[0] = '/';
    memset(home + 1, 'd', 299);
    home[300] = '\0';
    setenv("HOME", home, 1);
    strcpy(expect, home);
    strcat(expect, "/.config/app.ini");
    char *p = expand_home("~/.config/app.ini");
    DG_ASSERT_STR_EQ(p, expect);
    free(p);
}
