// corpus: label=secure cwe=CWE-131 function=make_cache_key
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Build a cache key "<namespace>:<tenant>:<resource>".
 * Returns a newly allocated string, or NULL on error.
 */
char *make_cache_key(const char *ns, const char *tenant, const char *resource)
{
    size_t a, b, c, len;
    char *key;

    if (ns == NULL || tenant == NULL || resource == NULL) {
        return NULL;
    }
    a = strlen(ns);
    b = strlen(tenant);
    c = strlen(resource);
    len = a + b + c + 3; /* two separators and the terminating NUL */

    key = malloc(len);
    if (key == NULL) {
        return NULL;
    }
    snprintf(key, len, "%s:%s:%s", ns, tenant, resource);
    return key;
}
