// corpus: label=secure cwe=CWE-78 function=count_log_matches
#include <stdio.h>
#include <string.h>

/*
 * Count lines in the access log containing `needle`.
 * Done in-process: no shell, no external command.
 * Returns the count or -1 on failure.
 */
long count_log_matches(const char *logfile, const char *needle)
{
    char line[4096];
    FILE *fp;
    long count = 0;

    if (logfile == NULL || needle == NULL) {
        return -1;
    }
    fp = fopen(logfile, "r");
    if (fp == NULL) {
        return -1;
    }
    while (fgets(line, sizeof line, fp) != NULL) {
        if (strstr(line, needle) != NULL) {
            count++;
        }
        /* skip the rest of over-long lines so they are counted once */
        while (strchr(line, '\n') == NULL && fgets(line, sizeof line, fp) != NULL) {
        }
    }
    fclose(fp);
    return count;
}
