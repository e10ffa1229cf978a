// corpus: label=secure cwe=CWE-416 function=session_purge_user
#include <stdlib.h>
#include <string.h>

struct session {
    char token[65];
    char user[32];
    long expires;
    struct session *next;
};

/*
 * Remove every session that belongs to `user` (e.g. after a password
 * change). Returns the number of sessions removed.
 */
int session_purge_user(struct session **head, const char *user)
{
    struct session **link = head;
    int removed = 0;

    while (*link != NULL) {
        struct session *cur = *link;
        if (strcmp(cur->user, user) == 0) {
            *link = cur->next;   /* unlink before freeing */
            free(cur);
            removed++;
        } else {
            link = &cur->next;
        }
    }
    return removed;
}
