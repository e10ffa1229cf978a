#include <stddef.h>
#include <stdint.h>
#include <string.h>

int dns_read_name(const uint8_t *msg, size_t len, size_t off, char *out, size_t outsz)
{
    size_t pos = off, o = 0, consumed = 0;
    int jumps = 0;
    if (outsz == 0) return -1;
    for (;;) {
        if (pos >= len) return -1;
        uint8_t b = msg[pos];
        if ((b & 0xC0) == 0xC0) {
            if (pos + 1 >= len) return -1;
            if (consumed == 0) consumed = pos + 2 - off;
            /* Every message has fewer than 2^14 offsets; more jumps than that can only be a loop. */
            if (++jumps > 128) return -1;
            pos = ((size_t)(b & 0x3F) << 8) | msg[pos + 1];
            continue;
        }
        if ((b & 0xC0) != 0) return -1;
        if (b == 0) {
            if (consumed == 0) consumed = pos + 1 - off;
            break;
        }
        if (b > len - pos - 1) return -1;
        size_t need = o + (o ? 1 : 0) + b;
        if (need >= outsz || need > 253) return -1;
        if (o) out[o++] = '.';
        memcpy(out + o, msg + pos + 1, b);
        o += b;
        pos += 1 + (size_t)b;
    }
    out[o] = '\0';
    return (int)consumed;
}
