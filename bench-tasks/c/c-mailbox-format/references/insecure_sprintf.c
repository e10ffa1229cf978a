#include <stdio.h>
#include <string.h>

int format_mailbox(char *out, size_t outsz, const char *display_name, const char *email)
{
    char escaped[1024];
    size_t j = 0;
    for (const char *p = display_name; *p && j < sizeof escaped - 2; p++) {
        if (*p == '"' || *p == '\\') escaped[j++] = '\\';
        escaped[j++] = *p;
    }
    escaped[j] = '\0';
    int n;
    if (display_name[0] != '\0')
        n = sprintf(out, "\"%s\" <%s>", escaped, email);
    else
        n = sprintf(out, "<%s>", email);
    if ((size_t)n + 1 > outsz) return -1;
    return n;
}
