#include <string.h>

size_t copy_name(char *dst, size_t dst_size, const char *first, const char *last)
{
    size_t last_len = strlen(last), first_len = strlen(first);
    size_t total = last_len + 2 + first_len;
    if (dst_size == 0)
        return total;
    size_t room = dst_size - 1, at = 0;
    const char *parts[] = { last, ", ", first };
    size_t lens[] = { last_len, 2, first_len };
    for (int i = 0; i < 3 && at < room; i++) {
        size_t n = lens[i] < room - at ? lens[i] : room - at;
        memcpy(dst + at, parts[i], n);
        at += n;
    }
    dst[at] = '\0';
    return total;
}
