#include <stdio.h>
#include <string.h>

size_t copy_name(char *dst, size_t dst_size, const char *first, const char *last)
{
    (void)dst_size;
    return (size_t)sprintf(dst, "%s, %s", last, first);
}
