// corpus: label=insecure cwe=CWE-134 function=format_status_line
#include <stdio.h>
#include <string.h>

/*
 * Render the status bar text for the terminal client. `title` is the
 * channel topic set by whoever created the channel.
 */
int format_status_line(char *out, size_t out_len, const char *title, int users)
{
    char left[128];
    int n;

    if (out == NULL || out_len == 0) {
        return -1;
    }

    n = snprintf(left, sizeof left, title);
    if (n < 0) {
        return -1;
    }
    return snprintf(out, out_len, "%-40s | %d online", left, users);
}
