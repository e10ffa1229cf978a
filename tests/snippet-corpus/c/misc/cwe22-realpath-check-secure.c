// corpus: label=secure cwe=CWE-22 function=resolve_in_root
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Resolve `relative` inside `root` and make sure the result (after
 * following symlinks and "..") is still inside root.
 * On success writes the canonical path to out and returns 0; -1 otherwise.
 */
int resolve_in_root(const char *root, const char *relative, char *out, size_t out_len)
{
    char joined[PATH_MAX];
    char real_root[PATH_MAX];
    char real_target[PATH_MAX];
    size_t root_len;

    if (realpath(root, real_root) == NULL) {
        return -1;
    }
    if (snprintf(joined, sizeof joined, "%s/%s", real_root, relative) >= (int)sizeof joined) {
        return -1;
    }
    if (realpath(joined, real_target) == NULL) {
        return -1;
    }

    root_len = strlen(real_root);
    if (strncmp(real_target, real_root, root_len) != 0 ||
        (real_target[root_len] != '/' && !(root_len == 1 && real_root[0] == '/'))) {
        return -1;
    }
    if (strlen(real_target) >= out_len) {
        return -1;
    }
    strcpy(out, real_target);
    return 0;
}
