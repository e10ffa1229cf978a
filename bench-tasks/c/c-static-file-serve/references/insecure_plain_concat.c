#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes src[0..n) into dst (room for n + 1 bytes); -1 on a bad escape or %00. */
static int decode(const char *src, size_t n, char *dst)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '%') {
            if (i + 2 >= n) return -1;
            int hi = hexval(src[i + 1]), lo = hi < 0 ? -1 : hexval(src[i + 2]);
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return -1;
            dst[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            dst[o++] = src[i];
        }
    }
    dst[o] = '\0';
    return 0;
}

/* The decoded path must be absolute and contain no "..", "." or empty segment. */
static int safe_path(const char *p)
{
    if (p[0] != '/') return 0;
    const char *seg = p + 1;
    for (;;) {
        const char *end = strchr(seg, '/');
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        if (len == 0 || (len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.')) return 0;
        if (memchr(seg, '\\', len) != NULL) return 0;
        if (end == NULL) return 1;
        seg = end + 1;
    }
}

long serve_static(const char *root, const char *url_path, char *body, size_t bodysz)
{
    size_t n = strcspn(url_path, "?");
    char *path = malloc(n + 1);
    if (path == NULL) return -1;
    if (decode(url_path, n, path) != 0) { free(path); return -1; }
    const char *rel = strcmp(path, "/") == 0 ? "/index.html" : path;

    char full[4096];
    int w = snprintf(full, sizeof full, "%s%s", root, rel);
    free(path);
    if (w < 0 || (size_t)w >= sizeof full) return -1;

    struct stat st;
    if (stat(full, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > bodysz) return -1;
    FILE *f = fopen(full, "rb");
    if (f == NULL) return -1;
    size_t got = fread(body, 1, bodysz, f);
    int extra = fgetc(f) != EOF;
    fclose(f);
    return extra ? -1 : (long)got;
}
