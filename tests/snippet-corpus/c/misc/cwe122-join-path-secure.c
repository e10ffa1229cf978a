// corpus: label=secure cwe=CWE-122 function=path_join
#include <stdlib.h>
#include <string.h>

/*
 * Join a directory and a file name with exactly one '/' between them.
 * Returns a heap-allocated string the caller must free, or NULL.
 */
char *path_join(const char *dir, const char *file)
{
    size_t dlen, flen, total;
    int need_sep;
    char *result;

    if (dir == NULL || file == NULL) {
        return NULL;
    }
    while (*file == '/') {
        file++;
    }

    dlen = strlen(dir);
    flen = strlen(file);
    need_sep = dlen > 0 && dir[dlen - 1] != '/';
    total = dlen + (size_t)need_sep + flen + 1;
    if (total < dlen || total < flen) {
        return NULL;
    }

    result = malloc(total);
    if (result == NULL) {
        return NULL;
    }
    memcpy(result, dir, dlen);
    if (need_sep) {
        result[dlen] = '/';
    }
    memcpy(result + dlen + need_sep, file, flen);
    result[total - 1] = '\0';
    return result;
}
