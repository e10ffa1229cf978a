#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user { const char *first_name; const char *last_name; const char *nickname; };

char *display_name(const struct user *u)
{
    if (u->nickname != NULL && u->nickname[0] != '\0') return strdup(u->nickname);
    size_t fl = strlen(u->first_name), ll = strlen(u->last_name);
    if (fl == 0 && ll == 0) return strdup("anonymous");
    char *out = malloc(fl + ll + 2);
    if (out == NULL) return NULL;
    if (fl && ll) sprintf(out, "%s %s", u->first_name, u->last_name);
    else strcpy(out, fl ? u->first_name : u->last_name);
    return out;
}
