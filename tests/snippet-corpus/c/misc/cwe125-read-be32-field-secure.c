// corpus: label=secure cwe=CWE-125 function=record_get_u32
#include <stddef.h>
#include <stdint.h>

/*
 * Records in the index file are a packed sequence of big-endian fields.
 * The field table (offset per field id) comes from the file header.
 *
 * Stores the 32-bit field at byte offset `offset` in *value.
 * Returns 0 on success, -1 if the field lies outside the record.
 */
int record_get_u32(const uint8_t *record, size_t record_len, size_t offset, uint32_t *value)
{
    const uint8_t *p;

    if (record == NULL || value == NULL) {
        return -1;
    }
    if (record_len < 4 || offset > record_len - 4) {
        return -1;
    }

    p = record + offset;
    *value = ((uint32_t)p[0] << 24) |
             ((uint32_t)p[1] << 16) |
             ((uint32_t)p[2] << 8)  |
             (uint32_t)p[3];
    return 0;
}
