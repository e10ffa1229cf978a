// corpus: label=insecure cwe=CWE-190 function=repeat_word
#include <stdlib.h>
#include <string.h>

/*
 * Build "word word word" (times copies, separated by spaces).
 * Returns a newly allocated string, or NULL on bad input or allocation failure.
 */
char *repeat_word(const char *word, int times)
{
    int len, total;
    char *out, *p;

    if (times <= 0) {
        return NULL;
    }
    len = (int)strlen(word);
    total = times * (len + 1);
    out = malloc((size_t)total);
    if (out == NULL) {
        return NULL;
    }
    p = out;
    for (int i = 0; i < times; i++) {
        memcpy(p, word, (size_t)len);
        p += len;
        *p++ = ' ';
    }
    out[total - 1] = '\0';
    return out;
}
