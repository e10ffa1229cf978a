#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *expand_home(const char *path)
{
    if (!(path[0] == '~' && (path[1] == '\0' || path[1] == '/'))) return strdup(path);
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0') return NULL;
    char buf[256];
    sprintf(buf, "%s%s", home, path + 1);
    return strdup(buf);
}
