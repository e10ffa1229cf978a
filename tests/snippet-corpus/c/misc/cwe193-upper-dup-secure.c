// corpus: label=secure cwe=CWE-193 function=str_upper_dup
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * Return an upper-cased copy of s (used to normalise HTTP method names
 * and country codes). The caller frees the result.
 */
char *str_upper_dup(const char *s)
{
    size_t len, i;
    char *copy;

    if (s == NULL) {
        return NULL;
    }
    len = strlen(s);
    copy = malloc(len + 1);
    if (copy == NULL) {
        return NULL;
    }
    for (i = 0; i < len; i++) {
        copy[i] = (char)toupper((unsigned char)s[i]);
    }
    copy[len] = '\0';
    return copy;
}
