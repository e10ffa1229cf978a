// corpus: label=secure cwe=CWE-787 function=hex_decode
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static int hex_nibble(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/*
 * Decode a hex string ("deadbeef") into bytes.
 * Returns the number of bytes written to out, or -1 on malformed input
 * or when out_len is too small.
 */
long hex_decode(uint8_t *out, size_t out_len, const char *hex)
{
    size_t n, i;

    if (out == NULL || hex == NULL) {
        return -1;
    }
    n = strlen(hex);
    if (n % 2 != 0 || n / 2 > out_len) {
        return -1;
    }

    for (i = 0; i < n / 2; i++) {
        int hi = hex_nibble(hex[2 * i]);
        int lo = hex_nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return -1;
        }
        out[i] = (uint8_t)((hi << 4) | lo);
    }
    return (long)(n / 2);
}
