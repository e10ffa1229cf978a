// corpus: label=insecure cwe=CWE-131 function=make_cache_key
#include <stdlib.h>
#include <string.h>

/*
 * Build a cache key "<namespace>:<tenant>:<resource>".
 * Returns a newly allocated string, or NULL on allocation failure.
 */
char *make_cache_key(const char *ns, const char *tenant, const char *resource)
{
    size_t len = strlen(ns) + strlen(tenant) + strlen(resource) + 2;
    char *key = malloc(len);

    if (key == NULL) {
        return NULL;
    }

    strcpy(key, ns);
    strcat(key, ":");
    strcat(key, tenant);
    strcat(key, ":");
    strcat(key, resource);
    return key;
}
