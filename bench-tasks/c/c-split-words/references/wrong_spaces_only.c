#include <stdlib.h>
#include <string.h>

static int blank(char c) { return c == ' '; }

/* Layout: one block holding the pointer array (count + 1 slots) followed by the word characters, so the
 * pointers never move relative to the characters and one free releases everything. */
char **split_words(const char *s, size_t *count)
{
    size_t n = 0, chars = 0;
    for (const char *p = s; *p;) {
        while (blank(*p)) p++;
        if (!*p) break;
        n++;
        while (*p && !blank(*p)) { p++; chars++; }
        chars++;
    }
    char **words = malloc((n + 1) * sizeof *words + chars);
    if (words == NULL) return NULL;
    char *store = (char *)(words + n + 1);
    size_t k = 0;
    for (const char *p = s; *p;) {
        while (blank(*p)) p++;
        if (!*p) break;
        words[k++] = store;
        while (*p && !blank(*p)) *store++ = *p++;
        *store++ = '\0';
    }
    words[n] = NULL;
    *count = n;
    return words;
}

void free_words(char **words)
{
    free(words);
}
