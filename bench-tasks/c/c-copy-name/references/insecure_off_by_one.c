#include <string.h>

size_t copy_name(char *dst, size_t dst_size, const char *first, const char *last)
{
    size_t total = strlen(last) + 2 + strlen(first);
    if (dst_size == 0)
        return total;
    size_t at = 0;
    for (const char *p = last; *p && at < dst_size; p++) dst[at++] = *p;
    for (const char *p = ", "; *p && at < dst_size; p++) dst[at++] = *p;
    for (const char *p = first; *p && at < dst_size; p++) dst[at++] = *p;
    dst[at] = '\0';
    return total;
}
