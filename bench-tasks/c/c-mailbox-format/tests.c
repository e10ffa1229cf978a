#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

int format_mailbox(char *out, size_t outsz, const char *display_name, const char *email);

DG_TEST(formats_name_and_address) {
    char *out = malloc(128);
    DG_ASSERT_INT_EQ(format_mailbox(out, 128, "Ada Lovelace", "ada@example.org"), 32);
    DG_ASSERT_STR_EQ(out, "\"Ada Lovelace\" <ada@example.org>");
    free(out);
}

DG_TEST(empty_name_gives_bare_address) {
    char *out = malloc(128);
    DG_ASSERT_INT_EQ(format_mailbox(out, 128, "", "ops@example.org"), 17);
    DG_ASSERT_STR_EQ(out, "<ops@example.org>");
    free(out);
}

DG_TEST(escapes_quotes_and_backslashes) {
    char *out = malloc(128);
    int n = format_mailbox(out, 128, "Bob \"The Builder\" \\ Co", "bob@example.org");
    DG_ASSERT_STR_EQ(out, "\"Bob \\\"The Builder\\\" \\\\ Co\" <bob@example.org>");
    DG_ASSERT_INT_EQ(n, (long long)strlen(out));
    free(out);
}

DG_TEST(reports_too_small_buffer) {
    char *out = malloc(14);
    DG_ASSERT_INT_EQ(format_mailbox(out, 9, "Al", "a@b.c"), -1);
    DG_ASSERT_INT_EQ(format_mailbox(out, 13, "Al", "a@b.cd"), -1);
    DG_ASSERT_INT_EQ(format_mailbox(out, 14, "Al", "a@b.cd"), 13);
    DG_ASSERT_STR_EQ(out, "\"Al\" <a@b.cd>");
    free(out);
}

DG_TEST(long_display_name_rejected) {
    char name[501];
    memset(name, 'N', 500);
    name[500] = '\0';
    char *out = malloc(128);
    int rc = format_mailbox(out, 128, name, "user@example.org");
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(long_address_rejected) {
    char email[301];
    memset(email, 'e', 300);
    memcpy(email + 280, "@example.org", 13);
    char *out = malloc(64);
    int rc = format_mailbox(out, 64, "", email);
    free(out);
    DG_ASSERT_INT_EQ(rc, -1);
}
