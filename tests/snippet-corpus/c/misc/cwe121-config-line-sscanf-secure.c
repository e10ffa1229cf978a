// corpus: label=secure cwe=CWE-121 function=config_parse_line
#include <stdio.h>
#include <string.h>

struct config_entry {
    char key[32];
    char value[128];
};

/*
 * Parse a "key = value" line from an INI-like config file.
 * Returns 1 if an entry was parsed, 0 for blank/comment lines, -1 on error
 * (including keys or values that are too long).
 */
int config_parse_line(const char *line, struct config_entry *entry)
{
    char key[32];
    char value[128];
    int consumed = 0;

    while (*line == ' ' || *line == '\t') {
        line++;
    }
    if (*line == '\0' || *line == '\n' || *line == '#' || *line == ';') {
        return 0;
    }

    /* Field widths are sizeof - 1, leaving room for the terminator. */
    if (sscanf(line, "%31[^= \t] = %127[^\n]%n", key, value, &consumed) != 2) {
        return -1;
    }
    if (line[consumed] != '\0' && line[consumed] != '\n') {
        return -1; /* value was truncated */
    }

    memcpy(entry->key, key, sizeof(entry->key));
    memcpy(entry->value, value, sizeof(entry->value));
    return 1;
}
