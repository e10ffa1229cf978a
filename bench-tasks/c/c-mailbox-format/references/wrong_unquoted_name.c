#include <string.h>

static int put(char *out, size_t outsz, size_t *pos, char c)
{
    if (*pos + 1 >= outsz) return -1;
    out[(*pos)++] = c;
    return 0;
}

static int puts_(char *out, size_t outsz, size_t *pos, const char *s)
{
    for (; *s; s++)
        if (put(out, outsz, pos, *s) < 0) return -1;
    return 0;
}

int format_mailbox(char *out, size_t outsz, const char *display_name, const char *email)
{
    size_t pos = 0;
    if (outsz == 0) return -1;
    if (display_name[0] != '\0') {
        for (const char *p = display_name; *p; p++) {
            if ((*p == '"' || *p == '\\') && put(out, outsz, &pos, '\\') < 0) return -1;
            if (put(out, outsz, &pos, *p) < 0) return -1;
        }
        if (put(out, outsz, &pos, ' ') < 0) return -1;
    }
    if (put(out, outsz, &pos, '<') < 0 || puts_(out, outsz, &pos, email) < 0 || put(out, outsz, &pos, '>') < 0)
        return -1;
    out[pos] = '\0';
    return (int)pos;
}
