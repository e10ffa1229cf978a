#include <stdio.h>

int audit_line(char *out, size_t outsz, const char *user, const char *action)
{
    int n = snprintf(out, outsz, "user=\"%s\" action=\"%s\"", user, action);
    if (n < 0 || (size_t)n >= outsz) return -1;
    return n;
}
