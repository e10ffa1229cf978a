// corpus: label=insecure cwe=CWE-122 function=path_join
#include <stdlib.h>
#include <string.h>

#define PATH_BUF_SIZE 256

/*
 * Join a directory and a file name with exactly one '/' between them.
 * Returns a heap-allocated string the caller must free, or NULL.
 */
char *path_join(const char *dir, const char *file)
{
    char *result = malloc(PATH_BUF_SIZE);
    size_t dlen;

    if (result == NULL) {
        return NULL;
    }

    strcpy(result, dir);
    dlen = strlen(result);
    if (dlen > 0 && result[dlen - 1] != '/') {
        strcat(result, "/");
    }
    while (*file == '/') {
        file++;
    }
    strcat(result, file);
    return result;
}
