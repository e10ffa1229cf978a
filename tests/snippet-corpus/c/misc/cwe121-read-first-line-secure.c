// corpus: label=secure cwe=CWE-121 function=read_version_file
#include <stdio.h>
#include <string.h>

/*
 * Read the first line of a VERSION file (e.g. "2.14.1-rc3") into out.
 * Returns 0 on success, -1 if the file cannot be read.
 * Over-long lines are truncated to out_len - 1 characters.
 */
int read_version_file(const char *path, char *out, size_t out_len)
{
    char line[64];
    FILE *fp;

    if (out == NULL || out_len == 0) {
        return -1;
    }
    fp = fopen(path, "r");
    if (fp == NULL) {
        return -1;
    }
    if (fgets(line, sizeof line, fp) == NULL) {
        fclose(fp);
        return -1;
    }
    fclose(fp);

    line[strcspn(line, "\r\n")] = '\0';
    snprintf(out, out_len, "%s", line);
    return 0;
}
