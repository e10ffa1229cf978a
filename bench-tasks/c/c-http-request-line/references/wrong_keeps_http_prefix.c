#include <stdlib.h>
#include <string.h>

struct http_request { char *method; char *path; char *version; };

void request_free(struct http_request *r)
{
    if (r == NULL) return;
    free(r->method);
    free(r->path);
    free(r->version);
    free(r);
}

static char *dup_range(const char *b, size_t n)
{
    char *s = malloc(n + 1);
    if (s == NULL) return NULL;
    memcpy(s, b, n);
    s[n] = '\0';
    return s;
}

struct http_request *request_line_parse(const char *line)
{
    const char *sp1 = strchr(line, ' ');
    if (sp1 == NULL) return NULL;
    const char *sp2 = strchr(sp1 + 1, ' ');
    if (sp2 == NULL || strchr(sp2 + 1, ' ') != NULL) return NULL;
    size_t mlen = (size_t)(sp1 - line), plen = (size_t)(sp2 - sp1 - 1);
    const char *ver = sp2 + 1;
    if (mlen == 0 || plen == 0 || *ver == '\0') return NULL;

    struct http_request *r = calloc(1, sizeof *r);
    if (r == NULL) return NULL;
    r->method = dup_range(line, mlen);
    r->path = dup_range(sp1 + 1, plen);
    r->version = strdup(ver);
    if (r->method == NULL || r->path == NULL || r->version == NULL) goto fail;

    if (mlen > 16) goto fail;
    for (size_t i = 0; i < mlen; i++)
        if (r->method[i] < 'A' || r->method[i] > 'Z') goto fail;
    if (strncmp(r->version, "HTTP/", 5) != 0 || r->version[5] == '\0') goto fail;
    return r;

fail:
    request_free(r);
    return NULL;
}
