// corpus: label=secure cwe=CWE-121 function=build_greeting
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Build the greeting shown at the top of the dashboard, e.g.
 * "Good morning, Alice! You have 3 unread messages."
 * The caller owns the returned string; NULL on allocation failure.
 */
char *build_greeting(const char *first_name, int unread, int hour)
{
    const char *part;
    char *out;
    int needed;

    if (first_name == NULL) {
        first_name = "there";
    }
    part = hour < 12 ? "morning" : (hour < 18 ? "afternoon" : "evening");

    needed = snprintf(NULL, 0, "Good %s, %s! You have %d unread messages.", part, first_name, unread);
    if (needed < 0) {
        return NULL;
    }
    out = malloc((size_t)needed + 1);
    if (out == NULL) {
        return NULL;
    }
    snprintf(out, (size_t)needed + 1, "Good %s, %s! You have %d unread messages.", part, first_name, unread);
    return out;
}
