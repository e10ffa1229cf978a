#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *json_quote(const char *s)
{
    /* Worst case: every character becomes a two-character escape. */
    size_t need = 2 * strlen(s) + 3;
    char *out = malloc(need);
    if (out == NULL) return NULL;
    char *w = out;
    *w++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        switch (c) {
        case '"': *w++ = '\\'; *w++ = '"'; break;
        case '\\': *w++ = '\\'; *w++ = '\\'; break;
        case '\n': *w++ = '\\'; *w++ = 'n'; break;
        case '\r': *w++ = '\\'; *w++ = 'r'; break;
        case '\t': *w++ = '\\'; *w++ = 't'; break;
        case '\b': *w++ = '\\'; *w++ = 'b'; break;
        case '\f': *w++ = '\\'; *w++ = 'f'; break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                memcpy(w, "\\u00", 4);
                w[4] = hex[c >> 4];
                w[5] = hex[c & 15];
                w += 6;
            } else {
                *w++ = (char)c;
            }
        }
    }
    *w++ = '"';
    *w = '\0';
    return out;
}
