// corpus: label=secure cwe=CWE-476 function=split_header_line
#include <ctype.h>
#include <string.h>

/*
 * Split an HTTP header line in place: "Content-Type: text/html" becomes
 * name = "Content-Type", value = "text/html".
 * Returns 0 on success, -1 if the line has no ':' separator.
 */
int split_header_line(char *line, char **name, char **value)
{
    char *sep, *v;

    if (line == NULL || name == NULL || value == NULL) {
        return -1;
    }
    sep = strchr(line, ':');
    if (sep == NULL || sep == line) {
        return -1;
    }

    *sep = '\0';
    v = sep + 1;
    while (*v != '\0' && isspace((unsigned char)*v)) {
        v++;
    }
    v[strcspn(v, "\r\n")] = '\0';

    *name = line;
    *value = v;
    return 0;
}
