// corpus: label=secure cwe=CWE-190 function=decode_batch
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ENTRY_WIRE_SIZE 12

struct metric_entry {
    uint32_t id;
    uint32_t timestamp;
    uint32_t value;
};

/*
 * Decode a telemetry batch: 2-byte big-endian count followed by `count`
 * 12-byte entries. On success *out receives a malloc'd array.
 * Returns the number of entries, or -1 on error.
 */
int decode_batch(const uint8_t *buf, size_t len, struct metric_entry **out)
{
    size_t count, payload, i;
    struct metric_entry *entries;

    if (buf == NULL || out == NULL || len < 2) {
        return -1;
    }
    count = ((size_t)buf[0] << 8) | buf[1];
    payload = count * ENTRY_WIRE_SIZE;          /* at most 65535 * 12: no overflow in size_t */
    if (payload > len - 2) {
        return -1;
    }

    entries = calloc(count ? count : 1, sizeof *entries);
    if (entries == NULL) {
        return -1;
    }
    for (i = 0; i < count; i++) {
        memcpy(&entries[i], buf + 2 + i * ENTRY_WIRE_SIZE, ENTRY_WIRE_SIZE);
    }
    *out = entries;
    return (int)count;
}
