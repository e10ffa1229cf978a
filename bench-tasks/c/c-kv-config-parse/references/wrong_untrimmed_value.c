#include <stdlib.h>
#include <string.h>

struct kv { char *key; char *value; struct kv *next; };

void kv_free(struct kv *list)
{
    while (list != NULL) {
        struct kv *next = list->next;
        free(list->key);
        free(list->value);
        free(list);
        list = next;
    }
}

static int blank(char c) { return c == ' ' || c == '\t'; }

static int key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static char *copy_trimmed(const char *b, const char *e)
{
    while (b < e && blank(*b)) b++;
    while (e > b && blank(e[-1])) e--;
    char *s = malloc((size_t)(e - b) + 1);
    if (s == NULL) return NULL;
    memcpy(s, b, (size_t)(e - b));
    s[e - b] = '\0';
    return s;
}

struct kv *kv_parse(const char *text, int *err_line)
{
    struct kv *head = NULL, **tail = &head;
    int lineno = 0;
    const char *p = text;
    while (*p != '\0') {
        lineno++;
        const char *eol = strchr(p, '\n');
        const char *end = eol ? eol : p + strlen(p);
        const char *next = eol ? eol + 1 : end;
        if (end > p && end[-1] == '\r') end--;
        const char *s = p;
        while (s < end && blank(*s)) s++;
        if (s == end || *s == '#') { p = next; continue; }

        const char *eq = memchr(s, '=', (size_t)(end - s));
        if (eq == NULL) goto fail;
        const char *ke = eq;
        while (ke > s && blank(ke[-1])) ke--;
        if (ke == s) goto fail;
        for (const char *k = s; k < ke; k++)
            if (!key_char(*k)) goto fail;

        struct kv *node = calloc(1, sizeof *node);
        if (node == NULL) goto fail;
        node->key = copy_trimmed(s, ke);
        node->value = malloc((size_t)(end - eq));
        if (node->value) { memcpy(node->value, eq + 1, (size_t)(end - eq - 1)); node->value[end - eq - 1] = '\0'; }
        if (node->key == NULL || node->value == NULL) { kv_free(node); goto fail; }
        *tail = node;
        tail = &node->next;
        p = next;
    }
    if (head == NULL) *err_line = 0;
    return head;

fail:
    kv_free(head);
    *err_line = lineno;
    return NULL;
}
