#include <errno.h>
#include <stdlib.h>

int parse_port(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || errno == ERANGE) return -1;
    if (v < 1 || v > 65535) {
        /* A leading minus is tolerated for "negative means default" configs. */
        if (v < 0 && -v <= 65535) return (int)-v;
        return -1;
    }
    return (int)v;
}
