#include <stdlib.h>
#include <string.h>

static int blank(char c) { return c == ' ' || c == '\t'; }

/* Layout: words[0..n-1] point into one character store; words[n] is NULL and words[n + 1] is the store. */
char **split_words(const char *s, size_t *count)
{
    size_t cap = 16, used = 0, n = 0, wcap = 4;
    char *store = malloc(cap);
    char **words = malloc(wcap * sizeof *words);
    if (store == NULL || words == NULL) { free(store); free(words); return NULL; }
    for (const char *p = s; *p;) {
        while (blank(*p)) p++;
        if (!*p) break;
        size_t len = 0;
        while (p[len] && !blank(p[len])) len++;
        if (used + len + 1 > cap) {
            while (used + len + 1 > cap) cap *= 2;
            char *grown = realloc(store, cap);
            if (grown == NULL) { free(store); free(words); return NULL; }
            store = grown;
        }
        if (n + 2 >= wcap) {
            wcap *= 2;
            char **gw = realloc(words, wcap * sizeof *words);
            if (gw == NULL) { free(store); free(words); return NULL; }
            words = gw;
        }
        memcpy(store + used, p, len);
        store[used + len] = '\0';
        words[n++] = store + used;
        used += len + 1;
        p += len;
    }
    words[n] = NULL;
    words[n + 1] = store;
    *count = n;
    return words;
}

void free_words(char **words)
{
    if (words == NULL) return;
    size_t n = 0;
    while (words[n] != NULL) n++;
    free(words[n + 1]);
    free(words);
}
