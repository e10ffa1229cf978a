#include <stdio.h>
#include <string.h>

FILE *open_cache_entry(const char *cache_dir, const char *key, const char *mode)
{
    char path[256];
    if (key[0] == '\0') return NULL;
    for (const char *p = key; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return NULL;
    }
    /* Keys are short hashes in practice, so the path always fits. */
    sprintf(path, "%s/%s.cache", cache_dir, key);
    return fopen(path, mode);
}
