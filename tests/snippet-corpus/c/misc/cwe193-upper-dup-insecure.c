// corpus: label=insecure cwe=CWE-193 function=str_upper_dup
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * Return an upper-cased copy of s (used to normalise HTTP method names
 * and country codes). The caller frees the result.
 */
char *str_upper_dup(const char *s)
{
    size_t len = strlen(s);
    char *copy = malloc(len);
    size_t i;

    if (copy == NULL) {
        return NULL;
    }
    for (i = 0; i <= len; i++) {
        copy[i] = (char)toupper((unsigned char)s[i]);
    }
    return copy;
}
