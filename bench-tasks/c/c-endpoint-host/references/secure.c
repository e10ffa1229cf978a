#include <stdio.h>
#include <string.h>

struct endpoint { unsigned short port; char host[64]; };

void endpoint_set_host(struct endpoint *ep, const char *host)
{
    size_t n = strnlen(host, sizeof ep->host - 1);
    memcpy(ep->host, host, n);
    ep->host[n] = '\0';
}

int endpoint_format(const struct endpoint *ep, char *out, size_t outsz)
{
    int n = snprintf(out, outsz, "%s:%u", ep->host, (unsigned)ep->port);
    if (n < 0 || (size_t)n >= outsz) return -1;
    return n;
}
