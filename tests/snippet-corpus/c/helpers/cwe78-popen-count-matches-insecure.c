// corpus: label=insecure cwe=CWE-78 function=count_log_matches
#include <stdio.h>
#include <stdlib.h>

/*
 * Count lines in the access log containing `needle` by running grep.
 * The needle is wrapped in single quotes so spaces work.
 * Returns the count or -1 on failure.
 */
long count_log_matches(const char *logfile, const char *needle)
{
    char cmd[1024];
    char out[64];
    FILE *p;
    long count = -1;

    snprintf(cmd, sizeof cmd, "grep -c -F '%s' %s", needle, logfile);
    p = popen(cmd, "r");
    if (p == NULL) {
        return -1;
    }
    if (fgets(out, sizeof out, p) != NULL) {
        count = strtol(out, NULL, 10);
    }
    pclose(p);
    return count;
}
