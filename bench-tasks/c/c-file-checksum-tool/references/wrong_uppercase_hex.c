#include <ctype.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int file_sha256(const char *path, char hex[65])
{
    int fds[2];
    if (pipe(fds) != 0) return -1;
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
        /* argv, not a command line: the name reaches sha256sum as one argument, never a shell. */
        char *const argv[] = {"sha256sum", "--", (char *)path, NULL};
        execvp("sha256sum", argv);
        _exit(127);
    }
    close(fds[1]);
    char out[256];
    size_t len = 0;
    ssize_t r;
    while (len < sizeof out - 1 && (r = read(fds[0], out + len, sizeof out - 1 - len)) > 0) len += (size_t)r;
    char sink[256];
    while (read(fds[0], sink, sizeof sink) > 0) {}
    close(fds[0]);
    out[len] = '\0';
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    if (len < 64) return -1;
    for (int i = 0; i < 64; i++) {
        char c = out[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return -1;
        hex[i] = (char)toupper((unsigned char)c);
    }
    hex[64] = '\0';
    return 0;
}
