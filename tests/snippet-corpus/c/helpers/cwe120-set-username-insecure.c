// corpus: label=insecure cwe=CWE-120 function=account_set_name
#include <string.h>
#include <time.h>

#define NAME_MAX_LEN 32

struct account {
    int id;
    char name[NAME_MAX_LEN];
    char email[64];
    time_t updated_at;
};

/*
 * Update the display name of an account.
 * Returns 0 on success, -1 if the arguments are invalid.
 */
int account_set_name(struct account *acct, const char *name)
{
    if (acct == NULL || name == NULL || name[0] == '\0') {
        return -1;
    }

    strcpy(acct->name, name);
    acct->updated_at = time(NULL);
    return 0;
}
