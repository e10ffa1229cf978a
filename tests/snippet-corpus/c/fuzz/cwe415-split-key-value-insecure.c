// corpus: label=insecure cwe=CWE-415 function=count_pairs
#include <stdlib.h>
#include <string.h>

/*
 * Count the "key=value" pairs in a '&'-separated query string such as
 * "a=1&b=2". Returns the number of pairs, or -1 if a pair has no '='.
 */
int count_pairs(const char *query)
{
    char *copy = strdup(query);
    char *save = NULL;
    char *tok;
    int count = 0;

    if (copy == NULL) {
        return -1;
    }
    for (tok = strtok_r(copy, "&", &save); tok != NULL; tok = strtok_r(NULL, "&", &save)) {
        if (strchr(tok, '=') == NULL) {
            free(copy);
            count = -1;
            goto done;
        }
        count++;
    }
done:
    free(copy);
    return count;
}
