#include <stddef.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int url_decode(const char *in, char *out, size_t outsz)
{
    (void)outsz;
    size_t o = 0;
    for (size_t i = 0; in[i] != '\0'; i++) {
        char c = in[i];
        if (c == '%') {
            int hi = hexval(in[i + 1]);
            if (hi < 0) return -1;
            int lo = hexval(in[i + 2]);
            if (lo < 0) return -1;
            c = (char)(hi * 16 + lo);
            if (c == '\0') return -1;
            i += 2;
        } else if (c == '+') {
            c = ' ';
        }
        out[o++] = c;
    }
    out[o] = '\0';
    return (int)o;
}
