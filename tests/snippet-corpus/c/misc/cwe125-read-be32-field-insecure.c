// corpus: label=insecure cwe=CWE-125 function=record_get_u32
#include <stddef.h>
#include <stdint.h>

/*
 * Records in the index file are a packed sequence of big-endian fields.
 * The field table (offset per field id) comes from the file header.
 *
 * Returns the 32-bit field at byte offset `offset` of the record.
 */
uint32_t record_get_u32(const uint8_t *record, size_t record_len, size_t offset)
{
    const uint8_t *p;

    if (record == NULL || record_len == 0) {
        return 0;
    }

    p = record + offset;
    return ((uint32_t)p[0] << 24) |
           ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8)  |
           (uint32_t)p[3];
}
