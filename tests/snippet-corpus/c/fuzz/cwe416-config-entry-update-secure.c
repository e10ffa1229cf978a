// corpus: label=secure cwe=CWE-416 function=config_entry_update
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
    char *copy = strdup(value);

    if (copy == NULL) {
        return -1;
    }
    if (entry->value == NULL || strcmp(entry->value, copy) != 0) {
        entry->changed = 1;
    }
    free(entry->value);
    entry->value = copy;
    return 0;
}
