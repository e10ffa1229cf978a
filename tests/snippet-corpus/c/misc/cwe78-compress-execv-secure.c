// corpus: label=secure cwe=CWE-78 function=compress_file
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Compress a rotated log file in place with gzip, keeping the original.
 * gzip is executed directly (no shell) and "--" ends option parsing,
 * so the path is always treated as a file name.
 */
int compress_file(const char *path, int level)
{
    char level_arg[4];
    pid_t pid;
    int status;

    if (path == NULL || path[0] == '\0') {
        return -1;
    }
    if (level < 1 || level > 9) {
        level = 6;
    }
    snprintf(level_arg, sizeof level_arg, "-%d", level);

    pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        char *const argv[] = { "gzip", level_arg, "-k", "--", (char *)path, NULL };
        execv("/bin/gzip", argv);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0) {
        return -1;
    }
    return (WIFEXITED(status) && WEXITSTATUS(status) == 0) ? 0 : -1;
}
