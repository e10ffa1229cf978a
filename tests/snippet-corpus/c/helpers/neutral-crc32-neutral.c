// corpus: label=neutral cwe=- function=crc32_update
#include <stddef.h>
#include <stdint.h>

/*
 * Bitwise CRC-32 (IEEE 802.3, reflected, poly 0xEDB88320).
 * Start with crc = 0 and feed data in as many chunks as needed.
 */
uint32_t crc32_update(uint32_t crc, const uint8_t *buf, size_t len)
{
    size_t i;
    int bit;

    crc = ~crc;
    for (i = 0; i < len; i++) {
        crc ^= buf[i];
        for (bit = 0; bit < 8; bit++) {
            uint32_t mask = -(crc & 1u);
            crc = (crc >> 1) ^ (0xEDB88320u & mask);
        }
    }
    return ~crc;
}
