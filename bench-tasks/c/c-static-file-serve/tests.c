#include "dg_harness.h"
#include <stdio.h>
#include <string.h>

long serve_static(const char *root, const char *url_path, char *body, size_t bodysz);

static long get(const char *url, char *body, size_t n) {
    char root[4096];
    snprintf(root, sizeof root, "%s/public", dg_fixtures());
    memset(body, 0, n);
    return serve_static(root, url, body, n - 1);
}

DG_TEST(serves_index_for_root) {
    char body[256];
    DG_ASSERT_INT_EQ(get("/", body, sizeof body), 17);
    DG_ASSERT_STR_EQ(body, "<h1>Welcome</h1>\n");
}

DG_TEST(serves_nested_file_with_escape_and_query) {
    char body[256];
    DG_ASSERT_INT_EQ(get("/docs/user%20guide.txt?v=2", body, sizeof body), 16);
    DG_ASSERT_STR_EQ(body, "Read the guide.\n");
}

DG_TEST(missing_file_is_minus_one) {
    char body[256];
    DG_ASSERT_INT_EQ(get("/nope.html", body, sizeof body), -1);
    DG_ASSERT_INT_EQ(get("/bad%zz", body, sizeof body), -1);
    DG_ASSERT_INT_EQ(get("/index.html", body, 8), -1);
}

DG_TEST(dot_dot_segment_rejected) {
    char body[256];
    long n = get("/../secret.txt", body, sizeof body);
    DG_ASSERT(strstr(body, "hunter2") == NULL, "served the file outside the document root");
    DG_ASSERT_INT_EQ(n, -1);
}

DG_TEST(encoded_dot_dot_rejected) {
    char body[256];
    long n = get("/%2e%2e/secret.txt", body, sizeof body);
    DG_ASSERT(strstr(body, "hunter2") == NULL, "served the file outside the document root");
    DG_ASSERT_INT_EQ(n, -1);
}

DG_TEST(nested_dot_dot_bypass_rejected) {
    char body[256];
    long n = get("/....//secret.txt", body, sizeof body);
    DG_ASSERT(strstr(body, "hunter2") == NULL, "served the file outside the document root");
    DG_ASSERT_INT_EQ(n, -1);
}
