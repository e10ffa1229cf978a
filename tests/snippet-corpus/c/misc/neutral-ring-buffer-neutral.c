// corpus: label=neutral cwe=- function=ring_push
#include <stdbool.h>
#include <stddef.h>

#define RING_CAPACITY 128

struct ring {
    int items[RING_CAPACITY];
    size_t head;   /* next slot to read  */
    size_t count;  /* number of stored items */
};

/* Push a sample; when full, the oldest sample is overwritten. */
void ring_push(struct ring *r, int value)
{
    size_t tail = (r->head + r->count) % RING_CAPACITY;

    r->items[tail] = value;
    if (r->count < RING_CAPACITY) {
        r->count++;
    } else {
        r->head = (r->head + 1) % RING_CAPACITY;
    }
}

bool ring_pop(struct ring *r, int *value)
{
    if (r->count == 0) {
        return false;
    }
    *value = r->items[r->head];
    r->head = (r->head + 1) % RING_CAPACITY;
    r->count--;
    return true;
}
