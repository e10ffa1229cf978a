// corpus: label=insecure cwe=CWE-416 function=linebuf_append
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

    lb->last_line = lb->data + lb->len;
    if (lb->len + n + 2 > lb->cap) {
        size_t new_cap = (lb->cap ? lb->cap * 2 : 64) + n + 2;
        char *p = realloc(lb->data, new_cap);
        if (p == NULL) {
            return -1;
        }
        lb->data = p;
        lb->cap = new_cap;
    }
    memcpy(lb->last_line, line, n);
    lb->last_line[n] = '\n';
    lb->last_line[n + 1] = '\0';
    if (lb->last_line[0] >= 'a' && lb->last_line[0] <= 'z') {
        lb->last_line[0] = (char)(lb->last_line[0] - 'a' + 'A');
    }
    lb->len += n + 1;
    return 0;
}
