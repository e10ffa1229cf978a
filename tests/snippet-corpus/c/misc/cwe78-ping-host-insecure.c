// corpus: label=insecure cwe=CWE-78 function=probe_host
#include <stdio.h>
#include <stdlib.h>

/*
 * Check whether a monitored host answers ICMP echo.
 * Returns 1 if reachable, 0 if not, -1 on error.
 */
int probe_host(const char *host, int count)
{
    char cmd[512];
    int status;

    if (host == NULL || count <= 0) {
        return -1;
    }

    snprintf(cmd, sizeof cmd, "ping -c %d -W 2 %s > /dev/null 2>&1", count, host);
    status = system(cmd);
    if (status == -1) {
        return -1;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
