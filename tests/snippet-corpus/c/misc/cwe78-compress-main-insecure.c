// corpus: label=insecure cwe=CWE-78 function=compress_file
#include <stdio.h>
#include <stdlib.h>

/*
 * Compress a rotated log file in place with gzip, keeping the original.
 */
int compress_file(const char *path, int level)
{
    char cmd[4096];

    if (level < 1 || level > 9) {
        level = 6;
    }
    snprintf(cmd, sizeof cmd, "gzip -%d -k \"%s\"", level, path);
    return system(cmd) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    int i, failures = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++) {
        if (compress_file(argv[i], 9) != 0) {
            fprintf(stderr, "failed to compress %s\n", argv[i]);
            failures++;
        }
    }
    return failures ? 1 : 0;
}
