// corpus: label=secure cwe=CWE-78 function=probe_host
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int valid_host(const char *h)
{
    size_t i, n = strlen(h);
    if (n == 0 || n > 253 || h[0] == '-') return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)h[i];
        if (!isalnum(c) && c != '.' && c != '-' && c != ':') return 0;
    }
    return 1;
}

/*
 * Check whether a monitored host answers ICMP echo.
 * Returns 1 if reachable, 0 if not, -1 on error.
 */
int probe_host(const char *host, int count)
{
    char count_arg[16];
    pid_t pid;
    int status;

    if (host == NULL || count <= 0 || count > 100 || !valid_host(host)) {
        return -1;
    }
    snprintf(count_arg, sizeof count_arg, "%d", count);

    pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0) { dup2(devnull, 1); dup2(devnull, 2); }
        execlp("ping", "ping", "-c", count_arg, "-W", "2", "--", host, (char *)NULL);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
