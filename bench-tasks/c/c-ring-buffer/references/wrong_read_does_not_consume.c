#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ring { uint8_t *buf; size_t cap; size_t head; size_t used; };

int ring_init(struct ring *r, size_t cap)
{
    r->buf = malloc(cap);
    if (r->buf == NULL) return -1;
    r->cap = cap;
    r->head = r->used = 0;
    return 0;
}

size_t ring_write(struct ring *r, const uint8_t *data, size_t n)
{
    size_t space = r->cap - r->used;
    if (n > space) n = space;
    if (n == 0) return 0;
    size_t tail = (r->head + r->used) % r->cap;
    size_t first = r->cap - tail;
    if (first > n) first = n;
    memcpy(r->buf + tail, data, first);
    memcpy(r->buf, data + first, n - first);
    r->used += n;
    return n;
}

size_t ring_read(struct ring *r, uint8_t *out, size_t outsz)
{
    size_t n = r->used < outsz ? r->used : outsz;
    if (n == 0) return 0;
    size_t first = r->cap - r->head;
    if (first > n) first = n;
    memcpy(out, r->buf + r->head, first);
    memcpy(out + first, r->buf, n - first);
    return n;
}

void ring_free(struct ring *r)
{
    free(r->buf);
    r->buf = NULL;
    r->cap = r->head = r->used = 0;
}
