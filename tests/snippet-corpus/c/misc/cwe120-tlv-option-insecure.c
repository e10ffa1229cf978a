// corpus: label=insecure cwe=CWE-120 function=tlv_read_option
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define OPT_VALUE_MAX 64

struct tlv_option {
    uint8_t type;
    uint8_t length;
    uint8_t value[OPT_VALUE_MAX];
};

/*
 * Decode one type-length-value option from a DHCP-style option block.
 * Returns the number of bytes consumed, or 0 on a truncated buffer.
 */
size_t tlv_read_option(const uint8_t *buf, size_t len, struct tlv_option *opt)
{
    if (len < 2) {
        return 0;
    }

    opt->type = buf[0];
    opt->length = buf[1];
    if ((size_t)opt->length + 2 > len) {
        return 0;
    }

    memcpy(opt->value, buf + 2, opt->length);
    return (size_t)opt->length + 2;
}
