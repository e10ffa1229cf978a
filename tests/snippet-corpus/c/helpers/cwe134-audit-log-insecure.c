// corpus: label=insecure cwe=CWE-134 function=audit_log
#include <stdio.h>
#include <time.h>

/*
 * Write one audit record: timestamp, actor and the free-text action
 * description supplied by the admin UI.
 */
void audit_log(FILE *fp, const char *actor, const char *action)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm_utc;

    gmtime_r(&now, &tm_utc);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm_utc);

    fprintf(fp, "%s [%s] ", stamp, actor);
    fprintf(fp, action);
    fputc('\n', fp);
    fflush(fp);
}
