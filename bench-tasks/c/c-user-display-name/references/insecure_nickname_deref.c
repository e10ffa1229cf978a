#include <stdlib.h>
#include <string.h>

struct user { const char *first_name; const char *last_name; const char *nickname; };

static int present(const char *s) { return s != NULL && s[0] != '\0'; }

char *display_name(const struct user *u)
{
    if (u->nickname[0] != '\0') return strdup(u->nickname);
    int f = present(u->first_name), l = present(u->last_name);
    if (!f && !l) return strdup("anonymous");
    if (!l) return strdup(u->first_name);
    if (!f) return strdup(u->last_name);
    size_t fl = strlen(u->first_name), ll = strlen(u->last_name);
    char *out = malloc(fl + 1 + ll + 1);
    if (out == NULL) return NULL;
    memcpy(out, u->first_name, fl);
    out[fl] = ' ';
    memcpy(out + fl + 1, u->last_name, ll + 1);
    return out;
}
