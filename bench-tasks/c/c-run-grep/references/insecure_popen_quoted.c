#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int count_matches(const char *pattern, const char *path)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "grep -c -F '%s' '%s' 2>/dev/null", pattern, path);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char line[64] = {0};
    char *got = fgets(line, sizeof line, p);
    int status = pclose(p);
    if (!WIFEXITED(status))
        return -1;
    int code = WEXITSTATUS(status);
    if (code == 1)
        return 0;
    if (code != 0 || !got)
        return -1;
    return atoi(line);
}
