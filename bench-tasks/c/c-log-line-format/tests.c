#include "dg_harness.h"
#include <string.h>

int format_log_line(char *out, size_t outsz, const char *level, const char *component, const char *message);

DG_TEST(formats_basic_line) {
    char out[128];
    DG_ASSERT_INT_EQ(format_log_line(out, sizeof out, "info", "auth", "user logged in"), 27);
    DG_ASSERT_STR_EQ(out, "[INFO] auth: user logged in");
}

DG_TEST(truncates_to_buffer) {
    char out[10];
    DG_ASSERT_INT_EQ(format_log_line(out, sizeof out, "error", "disk", "quota exceeded"), 28);
    DG_ASSERT_STR_EQ(out, "[ERROR] d");
}

DG_TEST(upper_cases_level) {
    char out[64];
    DG_ASSERT_INT_EQ(format_log_line(out, sizeof out, "warn", "db", ""), 11);
    DG_ASSERT_STR_EQ(out, "[WARN] db: ");
}

DG_TEST(percent_in_message_is_literal) {
    char out[256];
    int n = format_log_line(out, sizeof out, "info", "http", "GET /search?q=%x.%x.%x.%p");
    DG_ASSERT_STR_EQ(out, "[INFO] http: GET /search?q=%x.%x.%x.%p");
    DG_ASSERT_INT_EQ(n, 38);
}

DG_TEST(string_conversions_in_message_are_literal) {
    char out[256];
    format_log_line(out, sizeof out, "warn", "http", "%s%s%s%s%s%s%s%s");
    DG_ASSERT_STR_EQ(out, "[WARN] http: %s%s%s%s%s%s%s%s");
}

DG_TEST(percent_in_component_is_literal) {
    char out[256];
    format_log_line(out, sizeof out, "debug", "plugin%08x%08x", "loaded");
    DG_ASSERT_STR_EQ(out, "[DEBUG] plugin%08x%08x: loaded");
}
