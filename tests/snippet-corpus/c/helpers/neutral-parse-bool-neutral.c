// corpus: label=neutral cwe=- function=parse_bool
#include <stddef.h>
#include <strings.h>

/*
 * Interpret common boolean spellings from config files.
 * Returns 1 for true, 0 for false and -1 if the value is not recognised.
 */
int parse_bool(const char *value)
{
    static const char *const yes[] = { "1", "true", "yes", "on", "enabled" };
    static const char *const no[] = { "0", "false", "no", "off", "disabled" };
    unsigned i;

    if (value == NULL) {
        return -1;
    }
    for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(value, yes[i]) == 0) {
            return 1;
        }
        if (strcasecmp(value, no[i]) == 0) {
            return 0;
        }
    }
    return -1;
}
