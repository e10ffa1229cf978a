// corpus: label=insecure cwe=CWE-416 function=config_entry_update
#include <stdlib.h>
#include <string.h>

struct config_entry {
    char key[32];
    char *value;
    int changed;
};

/*
 * Replace the value of a config entry with a copy of `value` and mark
 * the entry as changed when the new value differs from the old one.
 * Returns 0 on success, -1 if memory could not be allocated.
 */
int config_entry_update(struct config_entry *entry, const char *value)
{
    char *old = entry->value;

    entry->value = strdup(value);
    if (entry->value == NULL) {
        entry->value = old;
        return -1;
    }
    free(old);

    if (old == NULL || strcmp(old, entry->value) != 0) {
        entry->changed = 1;
    }
    return 0;
}
