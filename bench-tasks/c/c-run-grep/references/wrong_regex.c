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
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("grep", "grep", "-c", "--", pattern, path, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char buf[64];
    ssize_t got = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status))
        return -1;
    if (WEXITSTATUS(status) == 1)
        return 0;
    if (WEXITSTATUS(status) != 0 || got <= 0)
        return -1;
    buf[got] = '\0';
    return atoi(buf);
}
