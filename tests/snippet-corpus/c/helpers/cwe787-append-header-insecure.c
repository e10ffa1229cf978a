// corpus: label=insecure cwe=CWE-787 function=append_header
#include <stdio.h>
#include <string.h>

/*
 * Append "Name: value\r\n" to an HTTP request being built in dst.
 * dst must already be NUL-terminated. Returns the new length of dst,
 * or -1 if name/value are missing.
 */
int append_header(char *dst, size_t dst_len, const char *name, const char *value)
{
    size_t used;

    if (name == NULL || value == NULL) {
        return -1;
    }

    used = strlen(dst);
    if (used >= dst_len) {
        return -1;
    }

    strcat(dst, name);
    strcat(dst, ": ");
    strcat(dst, value);
    strcat(dst, "\r\n");
    return (int)(used + strlen(name) + strlen(value) + 4);
}
