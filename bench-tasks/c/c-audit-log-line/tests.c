#include "dg_harness.h"
#include <string.h>

int audit_line(char *out, size_t outsz, const char *user, const char *action);

DG_TEST(formats_simple_record) {
    char out[256];
    DG_ASSERT_INT_EQ(audit_line(out, sizeof out, "alice", "login"), 27);
    DG_ASSERT_STR_EQ(out, "user=\"alice\" action=\"login\"");
}

DG_TEST(keeps_spaces_and_unicode) {
    char out[256];
    int n = audit_line(out, sizeof out, "Zo\xc3\xab Smith", "export report 7");
    DG_ASSERT_STR_EQ(out, "user=\"Zo\xc3\xab Smith\" action=\"export report 7\"");
    DG_ASSERT_INT_EQ(n, (long long)strlen(out));
}

DG_TEST(reports_too_small_buffer) {
    char out[64];
    DG_ASSERT_INT_EQ(audit_line(out, 27, "alice", "login"), -1);
    DG_ASSERT_INT_EQ(audit_line(out, 28, "alice", "login"), 27);
    DG_ASSERT_STR_EQ(out, "user=\"alice\" action=\"login\"");
}

DG_TEST(newline_in_user_is_escaped) {
    char out[512];
    audit_line(out, sizeof out, "bob\nuser=\"admin\" action=\"grant_root\"", "login");
    DG_ASSERT(strchr(out, '\n') == NULL, "record contains a raw newline: %s", out);
    DG_ASSERT_STR_EQ(out, "user=\"bob\\nuser=\\\"admin\\\" action=\\\"grant_root\\\"\" action=\"login\"");
}

DG_TEST(carriage_return_and_controls_escaped) {
    char out[512];
    audit_line(out, sizeof out, "carol", "view\r\x1b[2Kdelete_all\x7f");
    DG_ASSERT_STR_EQ(out, "user=\"carol\" action=\"view\\r\\x1b[2Kdelete_all\\x7f\"");
}

DG_TEST(quote_in_user_is_escaped) {
    char out[512];
    audit_line(out, sizeof out, "alice\" action=\"delete_all", "login");
    DG_ASSERT_STR_EQ(out, "user=\"alice\\\" action=\\\"delete_all\" action=\"login\"");
}
