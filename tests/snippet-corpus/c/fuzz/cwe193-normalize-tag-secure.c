// corpus: label=secure cwe=CWE-193 function=normalize_tag
#include <ctype.h>
#include <string.h>

/*
 * Lower-case a tag into a fixed scratch buffer and report whether it is one
 * of the reserved tags. Tags that do not fit (with the terminator) are rejected.
 * Returns 1 for a reserved tag, 0 for any other tag, -1 when it is too long.
 */
int normalize_tag(const char *tag)
{
    char buf[16];
    size_t n = strlen(tag);

    if (n >= sizeof buf) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        buf[i] = (char)tolower((unsigned char)tag[i]);
    }
    buf[n] = '\0';
    return strcmp(buf, "admin") == 0 || strcmp(buf, "root") == 0;
}
