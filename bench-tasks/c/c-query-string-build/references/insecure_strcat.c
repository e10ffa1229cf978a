#include <stddef.h>
#include <string.h>

static void encode(char *dst, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            *dst++ = (char)c;
        } else {
            *dst++ = '%';
            *dst++ = hex[c >> 4];
            *dst++ = hex[c & 15];
        }
    }
    *dst = '\0';
}

int build_query(char *out, size_t outsz, const char *const *keys, const char *const *values, size_t n)
{
    char piece[2048];
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0) strcat(out, "&");
        encode(piece, keys[i]);
        strcat(out, piece);
        strcat(out, "=");
        encode(piece, values[i]);
        strcat(out, piece);
    }
    size_t len = strlen(out);
    if (len + 1 > outsz) return -1;
    return (int)len;
}
