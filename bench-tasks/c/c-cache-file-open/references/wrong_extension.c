#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int valid_key(const char *key)
{
    size_t n = strlen(key);
    if (n < 1 || n > 64) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

FILE *open_cache_entry(const char *cache_dir, const char *key, const char *mode)
{
    if (!valid_key(key)) return NULL;
    size_t n = strlen(cache_dir) + 1 + strlen(key) + sizeof ".cached";
    char *path = malloc(n);
    if (path == NULL) return NULL;
    snprintf(path, n, "%s/%s.cached", cache_dir, key);
    FILE *f = fopen(path, mode);
    free(path);
    return f;
}
