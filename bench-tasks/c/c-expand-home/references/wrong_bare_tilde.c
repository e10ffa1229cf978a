#include <stdlib.h>
#include <string.h>

char *expand_home(const char *path)
{
    if (!(path[0] == '~' && path[1] == '/')) return strdup(path);
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0') return NULL;
    size_t hl = strlen(home), rl = strlen(path + 1);
    char *out = malloc(hl + rl + 1);
    if (out == NULL) return NULL;
    memcpy(out, home, hl);
    memcpy(out + hl, path + 1, rl + 1);
    return out;
}
