// corpus: label=insecure cwe=CWE-121 function=read_version_file
#include <stdio.h>
#include <string.h>

#define LINE_MAX_LEN 512

/*
 * Read the first line of a VERSION file (e.g. "2.14.1-rc3") into out.
 * Returns 0 on success, -1 if the file cannot be read.
 */
int read_version_file(const char *path, char *out, size_t out_len)
{
    char line[64];
    FILE *fp = fopen(path, "r");

    if (fp == NULL) {
        return -1;
    }
    if (fgets(line, LINE_MAX_LEN, fp) == NULL) {
        fclose(fp);
        return -1;
    }
    fclose(fp);

    line[strcspn(line, "\r\n")] = '\0';
    snprintf(out, out_len, "%s", line);
    return 0;
}
