#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t escaped_len(unsigned char c)
{
    switch (c) {
    case '"': case '\\': case '\n': case '\r': case '\t': case '\b': case '\f':
        return 2;
    default:
        return c < 0x20 ? 6 : 1;
    }
}

char *json_quote(const char *s)
{
    size_t need = 3;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) need += escaped_len(*p);
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
