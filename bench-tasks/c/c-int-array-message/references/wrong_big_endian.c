#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int32_t *read_int_array(const uint8_t *msg, size_t len, uint32_t *count_out)
{
    if (len < 4) return NULL;
    uint32_t n = rd32(msg);
    if (n == 0) return NULL;
    /* Compare in the element domain so nothing is multiplied before it is known to fit. */
    if ((len - 4) % 4 != 0 || (len - 4) / 4 != n) return NULL;
    int32_t *a = calloc(n, sizeof *a);
    if (a == NULL) return NULL;
    for (uint32_t i = 0; i < n; i++) { const uint8_t *p = msg + 4 + (size_t)i * 4; a[i] = (int32_t)((uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24); }
    *count_out = n;
    return a;
}
