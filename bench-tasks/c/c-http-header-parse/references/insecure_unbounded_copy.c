#include <ctype.h>
#include <string.h>

struct http_header {
    char name[32];
    char value[128];
};

int parse_header_line(const char *line, struct http_header *out)
{
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\n') len--;
    if (len > 0 && line[len - 1] == '\r') len--;

    const char *colon = memchr(line, ':', len);
    if (colon == NULL) return -1;
    size_t name_len = (size_t)(colon - line);
    if (name_len == 0) return -1;
    for (size_t i = 0; i < name_len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (!isalnum(c) && c != '-') return -1;
    }
    const char *v = colon + 1;
    const char *end = line + len;
    while (v < end && (*v == ' ' || *v == '\t')) v++;
    while (end > v && (end[-1] == ' ' || end[-1] == '\t')) end--;

    /* Headers are assumed to be short; no length check against the fields. */
    memcpy(out->name, line, name_len);
    out->name[name_len] = '\0';
    memcpy(out->value, v, (size_t)(end - v));
    out->value[end - v] = '\0';
    return 0;
}
