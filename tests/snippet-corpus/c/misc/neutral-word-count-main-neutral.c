// corpus: label=neutral cwe=- function=count_stream
#include <ctype.h>
#include <stdio.h>

struct counts {
    unsigned long lines;
    unsigned long words;
    unsigned long bytes;
};

/* Count lines, words and bytes of a stream, like wc. */
struct counts count_stream(FILE *fp)
{
    struct counts c = { 0, 0, 0 };
    int ch, in_word = 0;

    while ((ch = fgetc(fp)) != EOF) {
        c.bytes++;
        if (ch == '\n') {
            c.lines++;
        }
        if (isspace(ch)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            c.words++;
        }
    }
    return c;
}

int main(void)
{
    struct counts c = count_stream(stdin);
    printf("%7lu %7lu %7lu\n", c.lines, c.words, c.bytes);
    return 0;
}
