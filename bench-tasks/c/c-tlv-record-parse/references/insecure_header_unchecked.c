#include <stddef.h>
#include <stdint.h>
#include <string.h>

int tlv_get_string(const uint8_t *buf, size_t len, uint8_t type, char *out, size_t outsz)
{
    size_t off = 0;
    while (off < len) {
        uint8_t t = buf[off];
        size_t vlen = ((size_t)buf[off + 1] << 8) | buf[off + 2];
        if (off + 3 + vlen > len) return -2;
        off += 3;
        if (t == type) {
            if (vlen >= outsz) return -2;
            memcpy(out, buf + off, vlen);
            out[vlen] = '\0';
            return (int)vlen;
        }
        off += vlen;
    }
    return -1;
}
