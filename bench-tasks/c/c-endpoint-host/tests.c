#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

struct endpoint { unsigned short port; char host[64]; };
void endpoint_set_host(struct endpoint *ep, const char *host);
int endpoint_format(const struct endpoint *ep, char *out, size_t outsz);

/* Records are exact-size heap blocks filled with junk, as recycled records would be. */
static struct endpoint *new_endpoint(unsigned short port) {
    struct endpoint *ep = malloc(sizeof *ep);
    memset(ep, 'x', sizeof *ep);
    ep->port = port;
    return ep;
}

DG_TEST(formats_host_and_port) {
    struct endpoint *ep = new_endpoint(443);
    char out[128];
    endpoint_set_host(ep, "example.com");
    DG_ASSERT_INT_EQ(endpoint_format(ep, out, sizeof out), 15);
    DG_ASSERT_STR_EQ(out, "example.com:443");
    free(ep);
}

DG_TEST(keeps_63_character_host) {
    struct endpoint *ep = new_endpoint(8080);
    char host[64], out[128], expect[128];
    memset(host, 'h', 63);
    host[63] = '\0';
    endpoint_set_host(ep, host);
    DG_ASSERT_STR_EQ(ep->host, host);
    strcpy(expect, host);
    strcat(expect, ":8080");
    DG_ASSERT_INT_EQ(endpoint_format(ep, out, sizeof out), 68);
    DG_ASSERT_STR_EQ(out, expect);
    free(ep);
}

DG_TEST(replaces_previous_host) {
    struct endpoint *ep = new_endpoint(80);
    char out[128];
    endpoint_set_host(ep, "backend-long-name.internal");
    endpoint_set_host(ep, "db1");
    DG_ASSERT_INT_EQ(endpoint_format(ep, out, sizeof out), 6);
    DG_ASSERT_STR_EQ(out, "db1:80");
    DG_ASSERT_INT_EQ(endpoint_format(ep, out, 6), -1);
    free(ep);
}

DG_TEST(host_of_64_characters_truncated) {
    struct endpoint *ep = new_endpoint(443);
    char host[65], out[256];
    memset(host, 'a', 64);
    host[64] = '\0';
    endpoint_set_host(ep, host);
    int n = endpoint_format(ep, out, sizeof out);
    free(ep);
    DG_ASSERT_INT_EQ(n, 67);
}

DG_TEST(very_long_host_truncated) {
    struct endpoint *ep = new_endpoint(443);
    char host[201], out[512];
    memset(host, 'b', 200);
    host[200] = '\0';
    endpoint_set_host(ep, host);
    int n = endpoint_format(ep, out, sizeof out);
    free(ep);
    DG_ASSERT_INT_EQ(n, 67);
}
