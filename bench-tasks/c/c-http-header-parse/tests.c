#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

struct http_header {
    char name[32];
    char value[128];
};

int parse_header_line(const char *line, struct http_header *out);

/* Headers are parsed into heap structs of exactly the struct's size so any write past it is visible to ASan. */
static struct http_header *new_header(void) {
    struct http_header *h = malloc(sizeof *h);
    memset(h, 'x', sizeof *h);
    return h;
}

static char *repeat(char c, size_t n, const char *prefix, const char *suffix) {
    size_t p = strlen(prefix), s = strlen(suffix);
    char *r = malloc(p + n + s + 1);
    memcpy(r, prefix, p);
    memset(r + p, c, n);
    memcpy(r + p + n, suffix, s + 1);
    return r;
}

DG_TEST(parses_simple_header) {
    struct http_header *h = new_header();
    DG_ASSERT_INT_EQ(parse_header_line("Host: example.com\r\n", h), 0);
    DG_ASSERT_STR_EQ(h->name, "Host");
    DG_ASSERT_STR_EQ(h->value, "example.com");
    free(h);
}

DG_TEST(trims_value_whitespace) {
    struct http_header *h = new_header();
    DG_ASSERT_INT_EQ(parse_header_line("Content-Type: \t text/html; charset=utf-8  \t\n", h), 0);
    DG_ASSERT_STR_EQ(h->name, "Content-Type");
    DG_ASSERT_STR_EQ(h->value, "text/html; charset=utf-8");
    DG_ASSERT_INT_EQ(parse_header_line("X-Empty:", h), 0);
    DG_ASSERT_STR_EQ(h->name, "X-Empty");
    DG_ASSERT_STR_EQ(h->value, "");
    free(h);
}

DG_TEST(rejects_malformed_lines) {
    struct http_header *h = new_header();
    DG_ASSERT_INT_EQ(parse_header_line("NoColonHere\r\n", h), -1);
    DG_ASSERT_INT_EQ(parse_header_line(": value\r\n", h), -1);
    DG_ASSERT_INT_EQ(parse_header_line("Bad Name: value\r\n", h), -1);
    free(h);
}

DG_TEST(accepts_fields_that_exactly_fit) {
    struct http_header *h = new_header();
    char *line = repeat('v', 127, "X-Abcdefghijklmnopqrstuvwxyz-12: ", "\r\n");
    DG_ASSERT_INT_EQ(parse_header_line(line, h), 0);
    DG_ASSERT_INT_EQ(strlen(h->name), 31);
    DG_ASSERT_INT_EQ(strlen(h->value), 127);
    DG_ASSERT(h->value[0] == 'v' && h->value[126] == 'v', "value content was not copied");
    free(line);
    free(h);
}

DG_TEST(oversized_value_rejected) {
    struct http_header *h = new_header();
    char *line = repeat('A', 600, "Cookie: ", "\r\n");
    int rc = parse_header_line(line, h);
    free(line);
    free(h);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(oversized_name_rejected) {
    struct http_header *h = new_header();
    char *line = repeat('N', 400, "X-", ": short\r\n");
    int rc = parse_header_line(line, h);
    free(line);
    free(h);
    DG_ASSERT_INT_EQ(rc, -1);
}

DG_TEST(value_one_byte_too_long_rejected) {
    struct http_header *h = new_header();
    char *line = repeat('B', 128, "Referer: ", "\r\n");
    int rc = parse_header_line(line, h);
    free(line);
    free(h);
    DG_ASSERT_INT_EQ(rc, -1);
}
