// corpus: label=insecure cwe=CWE-416 function=session_purge_user
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
    struct session *prev = NULL;
    struct session *cur = *head;
    int removed = 0;

    while (cur != NULL) {
        if (strcmp(cur->user, user) == 0) {
            if (prev == NULL) {
                *head = cur->next;
            } else {
                prev->next = cur->next;
            }
            free(cur);
            removed++;
        } else {
            prev = cur;
        }
        cur = cur->next;
    }
    return removed;
}
