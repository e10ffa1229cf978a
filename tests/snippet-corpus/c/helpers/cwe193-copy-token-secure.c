// corpus: label=secure cwe=CWE-193 function=copy_token
#include <stddef.h>
#include <string.h>

/*
 * Copy the first whitespace-delimited token of src into dst.
 * Returns the token length, or -1 if it does not fit in dst_len bytes
 * (including the terminating NUL).
 */
int copy_token(char *dst, size_t dst_len, const char *src)
{
    size_t n = 0;

    if (dst == NULL || src == NULL || dst_len == 0) {
        return -1;
    }
    while (*src == ' ' || *src == '\t') {
        src++;
    }
    while (src[n] != '\0' && src[n] != ' ' && src[n] != '\t' && src[n] != '\n') {
        n++;
    }

    if (n >= dst_len) {
        return -1;
    }

    memcpy(dst, src, n);
    dst[n] = '\0';
    return (int)n;
}
