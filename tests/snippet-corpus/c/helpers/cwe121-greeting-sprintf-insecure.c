// corpus: label=insecure cwe=CWE-121 function=build_greeting
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Build the greeting shown at the top of the dashboard, e.g.
 * "Good morning, Alice! You have 3 unread messages."
 * The caller owns the returned string.
 */
char *build_greeting(const char *first_name, int unread, int hour)
{
    char line[64];
    const char *part;

    if (hour < 12) {
        part = "morning";
    } else if (hour < 18) {
        part = "afternoon";
    } else {
        part = "evening";
    }

    sprintf(line, "Good %s, %s! You have %d unread messages.", part, first_name, unread);
    return strdup(line);
}
