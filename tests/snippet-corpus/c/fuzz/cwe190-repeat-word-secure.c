// corpus: label=secure cwe=CWE-190 function=repeat_word
#include <stdlib.h>
#include <string.h>

#define MAX_OUTPUT 65536

/*
 * Build "word word word" (times copies, separated by spaces), at most
 * MAX_OUTPUT bytes. Returns a newly allocated string, or NULL on bad input,
 * an oversized result or allocation failure.
 */
char *repeat_word(const char *word, int times)
{
    size_t len, total;
    char *out, *p;

    if (times <= 0) {
        return NULL;
    }
    len = strlen(word);
    if (len + 1 > MAX_OUTPUT / (size_t)times) {
        return NULL;
    }
    total = (size_t)times * (len + 1);
    out = malloc(total);
    if (out == NULL) {
        return NULL;
    }
    p = out;
    for (int i = 0; i < times; i++) {
        memcpy(p, word, len);
        p += len;
        *p++ = ' ';
    }
    out[total - 1] = '\0';
    return out;
}
