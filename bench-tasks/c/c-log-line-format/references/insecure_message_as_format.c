#include <ctype.h>
#include <stdio.h>
#include <string.h>

int format_log_line(char *out, size_t outsz, const char *level, const char *component, const char *message)
{
    char upper[32];
    size_t i = 0;
    for (; level[i] != '\0' && i < sizeof upper - 1; i++)
        upper[i] = (char)toupper((unsigned char)level[i]);
    upper[i] = '\0';
    int n = snprintf(out, outsz, "[%s] %s: ", upper, component);
    size_t used = (size_t)n < outsz ? (size_t)n : outsz - 1;
    return n + snprintf(out + used, outsz - used, message);
}
