#include <stdint.h>
#include <string.h>

static int b64val(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

int b64_decode(const char *in, unsigned char *out, size_t outcap)
{
    (void)outcap;
    size_t len = strlen(in);
    size_t pad = 0;
    if (len >= 4 && len % 4 == 0) {
        if (in[len - 1] == '=') pad++;
        if (pad && in[len - 2] == '=') pad++;
    }
    size_t data = len - pad;
    if (data % 4 == 1) return -1;
    uint32_t acc = 0;
    int bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < data; i++) {
        int v = b64val(in[i]);
        if (v < 0) return -1;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
        }
    }
    return (int)o;
}
