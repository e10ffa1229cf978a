#include <stdint.h>

struct quota { int64_t limit; int64_t used; };

int quota_reserve(struct quota *q, int64_t bytes)
{
    if (bytes <= 0) return -1;
    int64_t after = q->used + bytes;
    if (after > q->limit) return -1;
    q->used = after;
    return 0;
}
