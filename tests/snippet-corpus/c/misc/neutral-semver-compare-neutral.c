// corpus: label=neutral cwe=- function=semver_compare
#include <stdio.h>

/*
 * Compare two "MAJOR.MINOR.PATCH" version strings.
 * Missing components count as 0 ("1.2" == "1.2.0").
 * Returns <0, 0 or >0 like strcmp.
 */
int semver_compare(const char *a, const char *b)
{
    unsigned long va[3] = { 0, 0, 0 };
    unsigned long vb[3] = { 0, 0, 0 };
    int i;

    sscanf(a, "%lu.%lu.%lu", &va[0], &va[1], &va[2]);
    sscanf(b, "%lu.%lu.%lu", &vb[0], &vb[1], &vb[2]);

    for (i = 0; i < 3; i++) {
        if (va[i] != vb[i]) {
            return va[i] < vb[i] ? -1 : 1;
        }
    }
    return 0;
}
