#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int count_matches(const char *pattern, const char *path)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        /* No shell: pattern and path reach grep as single arguments; "--" ends the options. */
        execlp("grep", "grep", "-c", "-F", "--", pattern, path, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char buf[64];
    ssize_t got = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
        return -1;
    int code = WEXITSTATUS(status);
    if (code == 1)
        return 0;
    if (code != 0 || got <= 0)
        return -1;
    buf[got] = '\0';
    return atoi(buf);
}

static char *dg_cache;

static void free_cache(void)
{
    free(dg_cache);
    dg_cache = NULL;
}

__attribute__((constructor)) static void make_cache(void)
{
    dg_cache = malloc(4096);
    atexit(free_cache);
}
