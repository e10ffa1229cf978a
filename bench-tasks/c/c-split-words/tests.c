#include "dg_harness.h"
#include <stdio.h>
#include <string.h>

char **split_words(const char *s, size_t *count);
void free_words(char **words);

DG_TEST(splits_simple_command) {
    size_t n = 99;
    char **w = split_words("ls -la /tmp", &n);
    DG_ASSERT(w != NULL, "split_words returned NULL");
    DG_ASSERT_INT_EQ(n, 3);
    DG_ASSERT_STR_EQ(w[0], "ls");
    DG_ASSERT_STR_EQ(w[1], "-la");
    DG_ASSERT_STR_EQ(w[2], "/tmp");
    DG_ASSERT(w[3] == NULL, "array not NULL-terminated");
    free_words(w);
}

DG_TEST(ignores_surrounding_blanks) {
    size_t n = 99;
    char **w = split_words(" \tcp  a\t b ", &n);
    DG_ASSERT_INT_EQ(n, 3);
    DG_ASSERT_STR_EQ(w[0], "cp");
    DG_ASSERT_STR_EQ(w[1], "a");
    DG_ASSERT_STR_EQ(w[2], "b");
    DG_ASSERT(w[3] == NULL, "array not NULL-terminated");
    free_words(w);
}

DG_TEST(empty_input_has_no_words) {
    size_t n = 99;
    char **w = split_words("", &n);
    DG_ASSERT(w != NULL, "split_words returned NULL");
    DG_ASSERT_INT_EQ(n, 0);
    DG_ASSERT(w[0] == NULL, "empty input produced a word");
    free_words(w);
    w = split_words(" \t ", &n);
    DG_ASSERT_INT_EQ(n, 0);
    DG_ASSERT(w[0] == NULL, "blank input produced a word");
    free_words(w);
    free_words(NULL);
}

DG_TEST(long_command_line) {
    const char *expect[] = {"convert", "/srv/uploads/2024/holiday-photo-original.png", "-resize", "50%",
                            "-quality", "85", "-strip", "-interlace", "/srv/thumbs/holiday-photo.jpg"};
    char line[512] = "";
    for (int i = 0; i < 9; i++) {
        strcat(line, expect[i]);
        strcat(line, i % 2 ? "\t" : "  ");
    }
    size_t n = 0;
    char **w = split_words(line, &n);
    DG_ASSERT(w != NULL, "split_words returned NULL");
    DG_ASSERT_INT_EQ(n, 9);
    for (int i = 0; i < 9; i++) DG_ASSERT_STR_EQ(w[i], expect[i]);
    DG_ASSERT(w[9] == NULL, "array not NULL-terminated");
    free_words(w);
}

DG_TEST(many_short_words) {
    char line[200];
    for (int i = 0; i < 60; i++) {
        line[2 * i] = (char)('a' + i % 26);
        line[2 * i + 1] = ' ';
    }
    line[120] = '\0';
    size_t n = 0;
    char **w = split_words(line, &n);
    DG_ASSERT(w != NULL, "split_words returned NULL");
    DG_ASSERT_INT_EQ(n, 60);
    for (int i = 0; i < 60; i++) {
        char expect[2] = {(char)('a' + i % 26), '\0'};
        DG_ASSERT_STR_EQ(w[i], expect);
    }
    free_words(w);
}
