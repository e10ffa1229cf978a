#include <stddef.h>
#include <string.h>

int build_query(char *out, size_t outsz, const char *const *keys, const char *const *values, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        /* Room for "&key=value" and the terminator. */
        if (pos + 1 + strlen(keys[i]) + 1 + strlen(values[i]) + 1 > outsz) return -1;
        if (i > 0) out[pos++] = '&';
        for (int part = 0; part < 2; part++) {
            const unsigned char *p = (const unsigned char *)(part ? values[i] : keys[i]);
            for (; *p; p++) {
                unsigned char c = *p;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == '~') {
                    out[pos++] = (char)c;
                } else {
                    out[pos++] = '%';
                    out[pos++] = hex[c >> 4];
                    out[pos++] = hex[c & 15];
                }
            }
            if (part == 0) out[pos++] = '=';
        }
    }
    if (pos + 1 > outsz) return -1;
    out[pos] = '\0';
    return (int)pos;
}
