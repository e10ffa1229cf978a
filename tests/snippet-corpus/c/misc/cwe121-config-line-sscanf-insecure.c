// corpus: label=insecure cwe=CWE-121 function=config_parse_line
#include <stdio.h>
#include <string.h>

struct config_entry {
    char key[32];
    char value[128];
};

/*
 * Parse a "key = value" line from an INI-like config file.
 * Returns 1 if an entry was parsed, 0 for blank/comment lines, -1 on error.
 */
int config_parse_line(const char *line, struct config_entry *entry)
{
    char key[32];
    char value[128];

    while (*line == ' ' || *line == '\t') {
        line++;
    }
    if (*line == '\0' || *line == '\n' || *line == '#' || *line == ';') {
        return 0;
    }

    if (sscanf(line, "%[^= \t] = %[^\n]", key, value) != 2) {
        return -1;
    }

    strcpy(entry->key, key);
    strcpy(entry->value, value);
    return 1;
}
