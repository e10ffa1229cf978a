#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int file_sha256(const char *path, char hex[65])
{
    char *cmd = malloc(strlen(path) + 32);
    if (cmd == NULL) return -1;
    sprintf(cmd, "sha256sum \"%s\" 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    free(cmd);
    if (p == NULL) return -1;
    char line[512];
    int got = fgets(line, sizeof line, p) != NULL;
    while (fgets(line + 128, sizeof line - 128, p) != NULL) {}
    int status = pclose(p);
    if (!got || status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    for (int i = 0; i < 64; i++) {
        char c = line[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return -1;
        hex[i] = c;
    }
    hex[64] = '\0';
    return 0;
}
