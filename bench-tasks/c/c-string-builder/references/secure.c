#include <stdlib.h>
#include <string.h>

struct strbuf { char *data; size_t len; size_t cap; };

int sb_init(struct strbuf *sb, size_t initial_cap)
{
    sb->data = malloc(initial_cap);
    if (sb->data == NULL) return -1;
    sb->data[0] = '\0';
    sb->len = 0;
    sb->cap = initial_cap;
    return 0;
}

int sb_append(struct strbuf *sb, const char *s)
{
    size_t n = strlen(s);
    if (n > (size_t)-1 - sb->len - 1) return -1;
    size_t need = sb->len + n + 1;
    if (need > sb->cap) {
        size_t cap = sb->cap;
        while (cap < need) cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
        char *p = realloc(sb->data, cap);
        if (p == NULL) return -1;
        sb->data = p;
        sb->cap = cap;
    }
    memcpy(sb->data + sb->len, s, n + 1);
    sb->len += n;
    return 0;
}

void sb_free(struct strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}
