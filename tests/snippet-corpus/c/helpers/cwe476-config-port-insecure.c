// corpus: label=insecure cwe=CWE-476 function=config_get_port
#include <stdlib.h>
#include <string.h>

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
    const char *listen = config_lookup(cfg, "listen");
    const char *colon = strrchr(listen, ':');

    return atoi(colon + 1);
}
