#include <stdio.h>

int format_log_line(char *out, size_t outsz, const char *level, const char *component, const char *message)
{
    return snprintf(out, outsz, "[%s] %s: %s", level, component, message);
}
