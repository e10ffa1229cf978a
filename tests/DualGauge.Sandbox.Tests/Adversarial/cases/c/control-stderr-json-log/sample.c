#include <stdio.h>
static int parse_port_core(const char *s)
{
    long v = 0;
    if (*s == '\0') return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        v = v * 10 + (*s - '0');
        if (v > 65535) return -1;
    }
    return v >= 1 ? (int)v : -1;
}

int parse_port(const char *s)
{
    int port = parse_port_core(s);
    printf("{\"event\":\"parse_port\",\"status\":\"%s\"}\n", port > 0 ? "pass" : "fail");
    fprintf(stderr, "{\"event\":\"parse_port\",\"port\":%d}\n", port);
    return port;
}
