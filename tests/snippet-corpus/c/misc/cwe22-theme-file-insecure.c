// corpus: label=insecure cwe=CWE-22 function=load_theme
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Load a theme file from <base_dir>/themes/<theme>.css into a malloc'd
 * buffer. Absolute theme paths are rejected.
 * Returns the contents (NUL-terminated) or NULL.
 */
char *load_theme(const char *base_dir, const char *theme, size_t *out_len)
{
    char path[1024];
    FILE *fp;
    char *buf;
    long size;

    if (theme[0] == '/') {
        return NULL;
    }
    snprintf(path, sizeof path, "%s/themes/%s.css", base_dir, theme);

    fp = fopen(path, "rb");
    if (fp == NULL) return NULL;
    if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
        fclose(fp);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf != NULL) {
        *out_len = fread(buf, 1, (size_t)size, fp);
        buf[*out_len] = '\0';
    }
    fclose(fp);
    return buf;
}
