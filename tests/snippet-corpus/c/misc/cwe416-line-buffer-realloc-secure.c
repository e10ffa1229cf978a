// corpus: label=secure cwe=CWE-416 function=linebuf_append
#include <stdlib.h>
#include <string.h>

struct linebuf {
    char *data;
    size_t len;
    size_t cap;
    char *last_line;   /* start of the most recently appended line */
};

int linebuf_init(struct linebuf *lb)
{
    lb->data = malloc(64);
    lb->len = 0;
    lb->cap = lb->data ? 64 : 0;
    lb->last_line = NULL;
    if (lb->data != NULL) {
        lb->data[0] = '\0';
    }
    return lb->data ? 0 : -1;
}

/*
 * Append one line (without its newline) to the buffer, growing it as
 * needed, and upper-case its first character. Returns 0 or -1.
 */
int linebuf_append(struct linebuf *lb, const char *line)
{
    size_t n = strlen(line);
    char *dst;

    if (lb->len + n + 2 > lb->cap) {
        size_t new_cap = (lb->cap ? lb->cap * 2 : 64) + n + 2;
        char *p = realloc(lb->data, new_cap);
        if (p == NULL) {
            return -1;
        }
        lb->data = p;
        lb->cap = new_cap;
    }
    /* Compute the line start only after the buffer may have moved. */
    dst = lb->data + lb->len;
    memcpy(dst, line, n);
    dst[n] = '\n';
    dst[n + 1] = '\0';
    if (dst[0] >= 'a' && dst[0] <= 'z') {
        dst[0] = (char)(dst[0] - 'a' + 'A');
    }
    lb->last_line = dst;
    lb->len += n + 1;
    return 0;
}
