// corpus: label=secure cwe=CWE-787 function=append_header
#include <stdio.h>
#include <string.h>

/*
 * Append "Name: value\r\n" to an HTTP request being built in dst.
 * dst must already be NUL-terminated. Returns the new length of dst,
 * or -1 if the header is invalid or does not fit (dst is left unchanged).
 */
int append_header(char *dst, size_t dst_len, const char *name, const char *value)
{
    size_t used, nlen, vlen;

    if (dst == NULL || name == NULL || value == NULL || dst_len == 0) {
        return -1;
    }
    if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL) {
        return -1;
    }

    used = strnlen(dst, dst_len);
    nlen = strlen(name);
    vlen = strlen(value);
    if (used >= dst_len || nlen + vlen + 5 > dst_len - used) {
        return -1;
    }

    memcpy(dst + used, name, nlen);
    memcpy(dst + used + nlen, ": ", 2);
    memcpy(dst + used + nlen + 2, value, vlen);
    memcpy(dst + used + nlen + 2 + vlen, "\r\n", 3);
    return (int)(used + nlen + vlen + 4);
}
