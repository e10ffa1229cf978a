#include <stddef.h>
#include <string.h>

static int unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

static int put(char *out, size_t outsz, size_t *pos, char c)
{
    if (*pos + 1 >= outsz) return -1;
    out[(*pos)++] = c;
    return 0;
}

static int put_encoded(char *out, size_t outsz, size_t *pos, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (unreserved(*p)) {
            if (put(out, outsz, pos, (char)*p) < 0) return -1;
        } else if (put(out, outsz, pos, '%') < 0 || put(out, outsz, pos, hex[*p >> 4]) < 0 ||
                   put(out, outsz, pos, hex[*p & 15]) < 0) {
            return -1;
        }
    }
    return 0;
}

int build_query(char *out, size_t outsz, const char *const *keys, const char *const *values, size_t n)
{
    size_t pos = 0;
    if (outsz == 0) return -1;
    for (size_t i = 0; i < n; i++) {
        if ((i > 0 && put(out, outsz, &pos, '&') < 0) || put_encoded(out, outsz, &pos, keys[i]) < 0 ||
            put(out, outsz, &pos, '=') < 0 || put_encoded(out, outsz, &pos, values[i]) < 0)
            return -1;
    }
    out[pos] = '\0';
    return (int)pos;
}
