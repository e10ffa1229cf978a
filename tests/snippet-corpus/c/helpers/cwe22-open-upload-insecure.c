// corpus: label=insecure cwe=CWE-22 function=open_upload
#include <limits.h>
#include <stdio.h>

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

    if (root == NULL || user == NULL || name == NULL) {
        return NULL;
    }

    n = snprintf(path, sizeof path, "%s/%s/%s", root, user, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        return NULL;
    }
    return fopen(path, "rb");
}
