// corpus: label=secure cwe=CWE-120 function=tlv_read_option
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
 * Returns the number of bytes consumed, or 0 on a truncated buffer or an
 * option longer than OPT_VALUE_MAX.
 */
size_t tlv_read_option(const uint8_t *buf, size_t len, struct tlv_option *opt)
{
    uint8_t type, length;

    if (buf == NULL || opt == NULL || len < 2) {
        return 0;
    }

    type = buf[0];
    length = buf[1];
    if ((size_t)length + 2 > len || length > sizeof(opt->value)) {
        return 0;
    }

    opt->type = type;
    opt->length = length;
    memcpy(opt->value, buf + 2, length);
    return (size_t)length + 2;
}
