#include <stdio.h>
#include <string.h>

FILE *open_cache_entry(const char *cache_dir, const char *key, const char *mode)
{
    char path[4096];
    size_t n = strlen(key);
    if (n < 1 || n > 64 || strpbrk(key, " \t\r\n") != NULL) return NULL;
    int w = snprintf(path, sizeof path, "%s/%s.cache", cache_dir, key);
    if (w < 0 || (size_t)w >= sizeof path) return NULL;
    return fopen(path, mode);
}
