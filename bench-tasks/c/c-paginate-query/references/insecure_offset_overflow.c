#include <stdlib.h>
#include <string.h>

struct page_info { int offset; int limit; int total_pages; };

static int all_digits(const char *s, size_t n)
{
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int paginate(const char *query, int total_items, struct page_info *out)
{
    int page = 1, per_page = 20;
    const char *p = query;
    while (*p) {
        size_t len = strcspn(p, "&");
        const char *eq = memchr(p, '=', len);
        if (eq != NULL) {
            size_t klen = (size_t)(eq - p), vlen = len - klen - 1;
            int is_page = klen == 4 && memcmp(p, "page", 4) == 0;
            int is_pp = klen == 8 && memcmp(p, "per_page", 8) == 0;
            if ((is_page || is_pp) && !all_digits(eq + 1, vlen)) return -1;
            if (is_page) page = atoi(eq + 1);
            if (is_pp) per_page = atoi(eq + 1);
        }
        p += len;
        if (*p == '&') p++;
    }
    if (page < 1 || per_page < 1 || per_page > 100) return -1;
    int total_pages = (total_items + per_page - 1) / per_page;
    int offset = (page - 1) * per_page;
    if (offset >= total_items && page != 1) return -1;
    int limit = total_items - offset;
    if (limit > per_page) limit = per_page;
    if (limit < 0) limit = 0;
    out->offset = offset;
    out->limit = limit;
    out->total_pages = total_pages;
    return 0;
}
