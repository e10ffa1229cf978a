// corpus: label=insecure cwe=CWE-787 function=url_decode
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>

/*
 * Decode a percent-encoded query component ("a%20b+c" -> "a b c").
 * Returns the decoded length, or -1 if a %XX escape is malformed.
 */
int url_decode(const char *src, char *dst, size_t dst_size)
{
    size_t o = 0;

    if (dst_size == 0) {
        return -1;
    }

    while (*src) {
        if (*src == '%') {
            char hex[3] = { 0 };
            if (!isxdigit((unsigned char)src[1]) || !isxdigit((unsigned char)src[2])) {
                return -1;
            }
            hex[0] = src[1];
            hex[1] = src[2];
            dst[o++] = (char)strtol(hex, NULL, 16);
            src += 3;
        } else {
            dst[o++] = (*src == '+') ? ' ' : *src;
            src++;
        }
    }
    dst[o] = '\0';
    return (int)o;
}
