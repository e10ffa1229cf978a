#include <stdint.h>

struct quota { int64_t limit; int64_t used; };

int quota_reserve(struct quota *q, int64_t bytes)
{
    /* Compare against the remaining space so no sum can overflow. */
    if (bytes <= 0 || bytes > q->limit - q->used) return -1;
    q->used += bytes;
    return 0;
}
