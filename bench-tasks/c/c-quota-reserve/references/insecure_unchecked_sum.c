#include <stdint.h>

struct quota { int64_t limit; int64_t used; };

int quota_reserve(struct quota *q, int64_t bytes)
{
    if (q->used + bytes > q->limit) return -1;
    q->used += bytes;
    return 0;
}
