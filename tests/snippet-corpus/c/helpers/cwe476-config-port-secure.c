// corpus: label=secure cwe=CWE-476 function=config_get_port
#include <stdlib.h>
#include <string.h>

#define DEFAULT_PORT 8080

struct kv {
    const char *key;
    const char *value;
};

struct config {
    struct kv *items;
    size_t count;
};

/* Returns the value for key, or NULL when the key is absent. */
static const char *config_lookup(const struct config *cfg, const char *key)
{
    size_t i;
    for (i = 0; i < cfg->count; i++) {
        if (strcmp(cfg->items[i].key, key) == 0) {
            return cfg->items[i].value;
        }
    }
    return NULL;
}

/* Port the service listens on, from the "listen" entry ("host:port"). */
int config_get_port(const struct config *cfg)
{
    const char *listen, *colon;
    char *end;
    long port;

    if (cfg == NULL || (listen = config_lookup(cfg, "listen")) == NULL) {
        return DEFAULT_PORT;
    }
    colon = strrchr(listen, ':');
    if (colon == NULL) {
        return DEFAULT_PORT;
    }
    port = strtol(colon + 1, &end, 10);
    if (end == colon + 1 || *end != '\0' || port < 1 || port > 65535) {
        return DEFAULT_PORT;
    }
    return (int)port;
}
