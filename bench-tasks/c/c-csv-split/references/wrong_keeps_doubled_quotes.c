#include <string.h>

int csv_split(char *line, char **fields, int max_fields)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == max_fields) return -1;
        char *start = p;
        if (*p == '"') {
            char *w = p;
            p++;
            for (;;) {
                if (*p == '\0') return -1;
                if (*p == '"') {
                    if (p[1] == '"') { *w++ = '"'; *w++ = '"'; p += 2; continue; }
                    p++;
                    break;
                }
                *w++ = *p++;
            }
            char sep = *p;
            if (sep != ',' && sep != '\0') return -1;
            *w = '\0';
            fields[n++] = start;
            if (sep == '\0') return n;
            p++;
        } else {
            char *comma = strchr(p, ',');
            fields[n++] = start;
            if (comma == NULL) return n;
            *comma = '\0';
            p = comma + 1;
        }
    }
}
