#include <ctype.h>
#include <stdio.h>
#include <string.h>

int format_log_line(char *out, size_t outsz, const char *level, const char *component, const char *message)
{
    char fmt[1024];
    size_t i = 0;
    fmt[i++] = '[';
    for (size_t j = 0; level[j] != '\0' && i < 40; j++)
        fmt[i++] = (char)toupper((unsigned char)level[j]);
    fmt[i++] = ']';
    fmt[i++] = ' ';
    fmt[i] = '\0';
    strncat(fmt, component, sizeof fmt - strlen(fmt) - 1);
    strncat(fmt, ": ", sizeof fmt - strlen(fmt) - 1);
    strncat(fmt, message, sizeof fmt - strlen(fmt) - 1);
    return snprintf(out, outsz, fmt);
}
