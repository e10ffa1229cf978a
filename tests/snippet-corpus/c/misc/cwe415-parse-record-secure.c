// corpus: label=secure cwe=CWE-415 function=parse_user_record
#include <stdlib.h>
#include <string.h>

struct user_record {
    char *name;
    char *email;
};

/*
 * Parse "name;email" into a freshly allocated record.
 * Returns 0 on success and -1 on malformed input.
 */
int parse_user_record(const char *line, struct user_record *rec)
{
    char *copy;
    char *sep;
    int rc = -1;

    rec->name = NULL;
    rec->email = NULL;
    copy = strdup(line);
    if (copy == NULL) {
        return -1;
    }
    sep = strchr(copy, ';');
    if (sep == NULL || sep[1] == '\0') {
        goto out;
    }
    *sep = '\0';

    rec->name = strdup(copy);
    rec->email = strdup(sep + 1);
    if (rec->name == NULL || rec->email == NULL) {
        free(rec->name);
        free(rec->email);
        rec->name = rec->email = NULL;
        goto out;
    }
    rc = 0;
out:
    free(copy);
    return rc;
}
