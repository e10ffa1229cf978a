// corpus: label=secure cwe=CWE-120 function=account_set_name
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
 * Returns 0 on success, -1 if the arguments are invalid or the name
 * does not fit (NAME_MAX_LEN - 1 characters at most).
 */
int account_set_name(struct account *acct, const char *name)
{
    size_t len;

    if (acct == NULL || name == NULL || name[0] == '\0') {
        return -1;
    }

    len = strnlen(name, NAME_MAX_LEN);
    if (len >= NAME_MAX_LEN) {
        return -1;
    }

    memcpy(acct->name, name, len);
    acct->name[len] = '\0';
    acct->updated_at = time(NULL);
    return 0;
}
