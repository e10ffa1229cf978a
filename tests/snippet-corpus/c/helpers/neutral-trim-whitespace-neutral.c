// corpus: label=neutral cwe=- function=str_trim
#include <ctype.h>
#include <string.h>

/*
 * Trim leading and trailing whitespace in place.
 * Returns s (the same pointer) for convenience.
 */
char *str_trim(char *s)
{
    char *start = s;
    char *end;
    size_t len;

    while (*start != '\0' && isspace((unsigned char)*start)) {
        start++;
    }
    len = strlen(start);
    end = start + len;
    while (end > start && isspace((unsigned char)end[-1])) {
        end--;
    }
    *end = '\0';
    if (start != s) {
        memmove(s, start, (size_t)(end - start) + 1);
    }
    return s;
}
