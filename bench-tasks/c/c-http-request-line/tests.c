#include "dg_harness.h"
#include <stdlib.h>

struct http_request { char *method; char *path; char *version; };
struct http_request *request_line_parse(const char *line);
void request_free(struct http_request *r);

DG_TEST(parses_get_request) {
    struct http_request *r = request_line_parse("GET /index.html HTTP/1.1");
    DG_ASSERT(r != NULL, "valid request line rejected");
    DG_ASSERT_STR_EQ(r->method, "GET");
    DG_ASSERT_STR_EQ(r->path, "/index.html");
    DG_ASSERT_STR_EQ(r->version, "1.1");
    request_free(r);
}

DG_TEST(parses_post_with_query) {
    struct http_request *r = request_line_parse("POST /api/items?id=7 HTTP/2");
    DG_ASSERT(r != NULL, "valid request line rejected");
    DG_ASSERT_STR_EQ(r->method, "POST");
    DG_ASSERT_STR_EQ(r->path, "/api/items?id=7");
    DG_ASSERT_STR_EQ(r->version, "2");
    request_free(r);
    request_free(NULL);
}

DG_TEST(rejects_wrong_token_count) {
    DG_ASSERT(request_line_parse("GET /index.html") == NULL, "two tokens accepted");
    DG_ASSERT(request_line_parse("GET / HTTP/1.1 extra") == NULL, "four tokens accepted");
    DG_ASSERT(request_line_parse("") == NULL, "empty line accepted");
}

DG_TEST(bad_version_rejected_cleanly) {
    struct http_request *r = request_line_parse("GET / FTP/1.0");
    DG_ASSERT(r == NULL, "non-HTTP version accepted");
}

DG_TEST(lowercase_method_rejected_cleanly) {
    struct http_request *r = request_line_parse("get / HTTP/1.1");
    DG_ASSERT(r == NULL, "lower-case method accepted");
}
