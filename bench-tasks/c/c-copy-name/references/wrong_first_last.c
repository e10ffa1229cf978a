#include <stdio.h>

size_t copy_name(char *dst, size_t dst_size, const char *first, const char *last)
{
    return (size_t)snprintf(dst, dst_size, "%s %s", first, last);
}
