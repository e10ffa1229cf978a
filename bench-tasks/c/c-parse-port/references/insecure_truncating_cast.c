#include <stdint.h>
#include <stdlib.h>

int parse_port(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    uint16_t port = (uint16_t)v;
    if (end == s || *end != '\0' || port == 0) return -1;
    return port;
}
