#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

char *json_quote(const char *s);

DG_TEST(quotes_plain_text) {
    char *q = json_quote("hello world");
    DG_ASSERT_STR_EQ(q, "\"hello world\"");
    free(q);
    q = json_quote("");
    DG_ASSERT_STR_EQ(q, "\"\"");
    free(q);
}

DG_TEST(escapes_quotes_and_backslashes) {
    char *q = json_quote("say \"hi\" \\ bye");
    DG_ASSERT_STR_EQ(q, "\"say \\\"hi\\\" \\\\ bye\"");
    free(q);
}

DG_TEST(escapes_control_characters) {
    char *q = json_quote("user=alice\taction=login\nid=42\x01 end of record");
    DG_ASSERT_STR_EQ(q, "\"user=alice\\taction=login\\nid=42\\u0001 end of record\"");
    free(q);
    q = json_quote("caf\xc3\xa9");
    DG_ASSERT_STR_EQ(q, "\"caf\xc3\xa9\"");
    free(q);
}

DG_TEST(many_control_characters) {
    char in[101], expect[603];
    memset(in, 1, 100);
    in[100] = '\0';
    expect[0] = '"';
    for (int i = 0; i < 100; i++) memcpy(expect + 1 + 6 * i, "\\u0001", 6);
    expect[601] = '"';
    expect[602] = '\0';
    char *q = json_quote(in);
    DG_ASSERT_STR_EQ(q, expect);
    free(q);
}

DG_TEST(mixed_escapes_exact_size) {
    char in[81], expect[400];
    size_t e = 0;
    expect[e++] = '"';
    for (int i = 0; i < 40; i++) {
        in[2 * i] = '\x1f';
        in[2 * i + 1] = '"';
        memcpy(expect + e, "\\u001f\\\"", 8);
        e += 8;
    }
    in[80] = '\0';
    expect[e++] = '"';
    expect[e] = '\0';
    char *q = json_quote(in);
    DG_ASSERT_STR_EQ(q, expect);
    free(q);
}
