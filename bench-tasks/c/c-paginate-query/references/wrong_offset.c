#include <string.h>

struct page_info { int offset; int limit; int total_pages; };

/* Parses the digits in s[0..n) into *v; rejects empty, non-digit and absurdly large values. */
static int parse_uint(const char *s, size_t n, long *v)
{
    if (n == 0 || n > 9) return -1;
    long r = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        r = r * 10 + (s[i] - '0');
    }
    *v = r;
    return 0;
}

int paginate(const char *query, int total_items, struct page_info *out)
{
    long page = 1, per_page = 20;
    const char *p = query;
    while (*p) {
        size_t len = strcspn(p, "&");
        const char *eq = memchr(p, '=', len);
        if (eq != NULL) {
            size_t klen = (size_t)(eq - p), vlen = len - klen - 1;
            if (klen == 4 && memcmp(p, "page", 4) == 0 && parse_uint(eq + 1, vlen, &page) != 0) return -1;
            if (klen == 8 && memcmp(p, "per_page", 8) == 0 && parse_uint(eq + 1, vlen, &per_page) != 0) return -1;
        }
        p += len;
        if (*p == '&') p++;
    }
    if (total_items < 0 || page < 1 || per_page < 1 || per_page > 100) return -1;
    long total_pages = ((long)total_items + per_page - 1) / per_page;
    if (page > (total_pages > 1 ? total_pages : 1)) return -1;
    long offset = page * per_page;
    long limit = total_items - offset;
    if (limit > per_page) limit = per_page;
    if (limit < 0) limit = 0;
    out->offset = (int)offset;
    out->limit = (int)limit;
    out->total_pages = (int)total_pages;
    return 0;
}
