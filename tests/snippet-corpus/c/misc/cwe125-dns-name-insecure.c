// corpus: label=insecure cwe=CWE-125 function=dns_read_name
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Read an uncompressed DNS name (sequence of length-prefixed labels ending
 * with a zero byte) starting at msg[off] and write it in dotted form to out.
 * Returns the offset just past the name, or -1 on error.
 */
long dns_read_name(const uint8_t *msg, size_t msg_len, size_t off, char *out, size_t out_len)
{
    size_t o = 0;

    if (off >= msg_len || out_len == 0) {
        return -1;
    }

    while (msg[off] != 0) {
        uint8_t label_len = msg[off];
        if (label_len > 63) {
            return -1; /* compression pointers are not supported */
        }
        if (o + label_len + 2 > out_len) {
            return -1;
        }
        if (o > 0) {
            out[o++] = '.';
        }
        memcpy(out + o, msg + off + 1, label_len);
        o += label_len;
        off += (size_t)label_len + 1;
    }
    out[o] = '\0';
    return (long)(off + 1);
}
