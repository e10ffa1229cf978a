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
    int n = (int)rd32(msg);
    if (n == 0) return NULL;
    int bytes = n * (int)sizeof(int32_t);
    if ((long)len != 4L + (unsigned)bytes) return NULL;
    int32_t *a = malloc((unsigned)bytes);
    if (a == NULL) return NULL;
    for (unsigned i = 0; i < (unsigned)n; i++) a[i] = (int32_t)rd32(msg + 4 + (size_t)i * 4);
    *count_out = (uint32_t)n;
    return a;
}
