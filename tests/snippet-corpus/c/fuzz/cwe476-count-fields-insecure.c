// corpus: label=insecure cwe=CWE-476 function=count_fields
#include <stddef.h>
#include <string.h>

/*
 * Count the fields of a delimited record ("a,b,,c" has 4 fields for ',').
 * Optionally stores the length of the longest field in *longest.
 * Returns the number of fields, or -1 when record is NULL.
 */
int count_fields(const char *record, const char *delims, size_t *longest)
{
    int fields = 1;
    size_t run = 0, best = 0;

    if (record == NULL) {
        return -1;
    }
    for (const char *p = record; *p != '\0'; p++) {
        if (strchr(delims, *p) != NULL) {
            fields++;
            run = 0;
        } else if (++run > best) {
            best = run;
        }
    }
    *longest = best;
    return fields;
}
