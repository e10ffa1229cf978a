#include <stdlib.h>
#include <string.h>

struct node {
    char *key;
    char *value;
    struct node *prev, *next;
};

struct lru {
    size_t capacity, count;
    struct node *head, *tail; /* head = most recently used */
};

struct lru *lru_new(size_t capacity)
{
    struct lru *c = calloc(1, sizeof *c);
    if (c != NULL) c->capacity = capacity;
    return c;
}

static void unlink_node(struct lru *c, struct node *n)
{
    if (n->prev) n->prev->next = n->next; else c->head = n->next;
    if (n->next) n->next->prev = n->prev; else c->tail = n->prev;
    n->prev = n->next = NULL;
}

static void push_front(struct lru *c, struct node *n)
{
    n->prev = NULL;
    n->next = c->head;
    if (c->head) c->head->prev = n;
    c->head = n;
    if (c->tail == NULL) c->tail = n;
}

static void free_node(struct node *n)
{
    free(n->key);
    free(n->value);
    free(n);
}

static struct node *find(struct lru *c, const char *key)
{
    for (struct node *n = c->head; n; n = n->next)
        if (strcmp(n->key, key) == 0) return n;
    return NULL;
}

int lru_put(struct lru *c, const char *key, const char *value)
{
    struct node *n = find(c, key);
    if (n != NULL) {
        char *v = strdup(value);
        if (v == NULL) return -1;
        free(n->value);
        n->value = v;
        unlink_node(c, n);
        push_front(c, n);
        return 0;
    }
    n = calloc(1, sizeof *n);
    if (n == NULL) return -1;
    n->key = strdup(key);
    n->value = strdup(value);
    if (n->key == NULL || n->value == NULL) {
        free_node(n);
        return -1;
    }
    if (c->count == c->capacity) {
        struct node *victim = c->tail;
        unlink_node(c, victim);
        free_node(victim);
        c->count--;
    }
    push_front(c, n);
    c->count++;
    return 0;
}

const char *lru_get(struct lru *c, const char *key)
{
    struct node *n = find(c, key);
    if (n == NULL) return NULL;
    unlink_node(c, n);
    push_front(c, n);
    return n->value;
}

size_t lru_size(const struct lru *c) { return c->count; }

void lru_free(struct lru *c)
{
    if (c == NULL) return;
    struct node *n = c->head;
    while (n) {
        struct node *next = n->next;
        free_node(n);
        n = next;
    }
    free(c);
}
