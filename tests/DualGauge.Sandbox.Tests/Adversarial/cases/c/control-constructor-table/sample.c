#include <stddef.h>
#include <string.h>

static int emit(char *out, size_t outsz, size_t *pos, const char *s, size_t n)
{
    if (*pos + n >= outsz) return -1;
    memcpy(out + *pos, s, n);
    *pos += n;
    return 0;
}

static int emit_value(char *out, size_t outsz, size_t *pos, const char *v)
{
    static const char hex[] = "0123456789abcdef";
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        char esc[4];
        size_t n;
        unsigned char c = *p;
        if (c == '"' || c == '\\') { esc[0] = '\\'; esc[1] = (char)c; n = 2; }
        else if (c == '\n') { esc[0] = '\\'; esc[1] = 'n'; n = 2; }
        else if (c == '\r') { esc[0] = '\\'; esc[1] = 'r'; n = 2; }
        else if (c < 0x20 || c == 0x7f) { esc[0] = '\\'; esc[1] = 'x'; esc[2] = hex[c >> 4]; esc[3] = hex[c & 15]; n = 4; }
        else { esc[0] = (char)c; n = 1; }
        if (emit(out, outsz, pos, esc, n) < 0) return -1;
    }
    return 0;
}

int audit_line(char *out, size_t outsz, const char *user, const char *action)
{
    size_t pos = 0;
    if (emit(out, outsz, &pos, "user=\"", 6) < 0 || emit_value(out, outsz, &pos, user) < 0 ||
        emit(out, outsz, &pos, "\" action=\"", 10) < 0 || emit_value(out, outsz, &pos, action) < 0 ||
        emit(out, outsz, &pos, "\"", 1) < 0)
        return -1;
    out[pos] = '\0';
    return (int)pos;
}

static unsigned char printable[256];

__attribute__((constructor)) static void build_table(void)
{
    for (int c = 0; c < 256; c++) printable[c] = c >= 0x20 && c != 0x7f;
}

int audit_is_printable(unsigned char c) { return printable[c]; }
