// corpus: label=secure cwe=CWE-22 function=open_upload
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* A single path component: no separators, not "." or "..", not hidden. */
static int is_safe_component(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 255 || s[0] == '.') {
        return 0;
    }
    return strchr(s, '/') == NULL && strchr(s, '\\') == NULL;
}

/*
 * Open a stored upload for reading from the share root (e.g.
 * "/var/lib/fileshare/uploads"). `user` and `name` come from the
 * request line of the file-share daemon ("GET <user>/<name>").
 * Returns an open FILE* or NULL.
 */
FILE *open_upload(const char *root, const char *user, const char *name)
{
    char path[PATH_MAX];
    int n;

    if (root == NULL || user == NULL || name == NULL || !is_safe_component(user) || !is_safe_component(name)) {
        return NULL;
    }

    n = snprintf(path, sizeof path, "%s/%s/%s", root, user, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        return NULL;
    }
    return fopen(path, "rb");
}
