// corpus: label=insecure cwe=CWE-476 function=split_header_line
#include <ctype.h>
#include <string.h>

/*
 * Split an HTTP header line in place: "Content-Type: text/html" becomes
 * name = "Content-Type", value = "text/html".
 */
void split_header_line(char *line, char **name, char **value)
{
    char *sep = strchr(line, ':');
    char *v;

    *sep = '\0';
    v = sep + 1;
    while (*v != '\0' && isspace((unsigned char)*v)) {
        v++;
    }
    v[strcspn(v, "\r\n")] = '\0';

    *name = line;
    *value = v;
}
