// corpus: label=insecure cwe=CWE-120 function=print_banner
#include <stdio.h>
#include <string.h>

#define BANNER_WIDTH 60

/* Print a boxed banner like:  *** Title ***  centred in 60 columns. */
void print_banner(const char *title)
{
    char line[BANNER_WIDTH + 1];
    size_t len, pad;

    strcpy(line, "*** ");
    strcat(line, title);
    strcat(line, " ***");

    len = strlen(line);
    pad = len < BANNER_WIDTH ? (BANNER_WIDTH - len) / 2 : 0;
    printf("%*s%s\n", (int)pad, "", line);
}

int main(int argc, char *argv[])
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s TITLE\n", argv[0]);
        return 1;
    }
    print_banner(argv[1]);
    return 0;
}
