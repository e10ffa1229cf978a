// corpus: label=insecure cwe=CWE-193 function=parse_port_list
#include <errno.h>
#include <stdlib.h>

/*
 * Parse a comma separated list of TCP ports ("22,80,443") into out.
 * At most max_ports values are stored. Returns how many were parsed,
 * or -1 on a malformed entry.
 */
int parse_port_list(const char *s, int *out, size_t max_ports)
{
    size_t count = 0;

    while (*s != '\0') {
        char *end;
        long v;

        if (count > max_ports) {
            break;
        }
        errno = 0;
        v = strtol(s, &end, 10);
        if (end == s || errno != 0 || v < 1 || v > 65535) {
            return -1;
        }
        out[count++] = (int)v;
        if (*end == ',') {
            end++;
        } else if (*end != '\0') {
            return -1;
        }
        s = end;
    }
    return (int)count;
}
