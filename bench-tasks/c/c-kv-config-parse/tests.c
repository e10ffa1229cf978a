#include "dg_harness.h"
#include <stdlib.h>
#include <string.h>

struct kv { char *key; char *value; struct kv *next; };
struct kv *kv_parse(const char *text, int *err_line);
void kv_free(struct kv *list);

/* Stale pointers left on the stack by the parser would hide a leak from LeakSanitizer; overwrite them. */
__attribute__((noinline)) static void scrub_stack(void) {
    volatile char buf[32768];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = 0;
}

DG_TEST(parses_entries_in_order) {
    int line = -1;
    struct kv *l = kv_parse("# server\nport = 8080\n\n  host\t=  example.org \r\n# end\nlog.level=debug\n", &line);
    DG_ASSERT(l != NULL, "valid config rejected at line %d", line);
    DG_ASSERT_STR_EQ(l->key, "port");
    DG_ASSERT_STR_EQ(l->value, "8080");
    DG_ASSERT(l->next != NULL, "second entry missing");
    DG_ASSERT_STR_EQ(l->next->key, "host");
    DG_ASSERT_STR_EQ(l->next->value, "example.org");
    DG_ASSERT(l->next->next != NULL, "third entry missing");
    DG_ASSERT_STR_EQ(l->next->next->key, "log.level");
    DG_ASSERT_STR_EQ(l->next->next->value, "debug");
    DG_ASSERT(l->next->next->next == NULL, "unexpected fourth entry");
    kv_free(l);
}

DG_TEST(reports_malformed_line_number) {
    int line = -1;
    struct kv *l = kv_parse("# c\n\n\nthis line = broken\nb = 2\n", &line);
    DG_ASSERT(l == NULL, "malformed config accepted");
    DG_ASSERT_INT_EQ(line, 4);
    l = kv_parse("\nbad-key = 2\n", &line);
    DG_ASSERT(l == NULL, "key with '-' accepted");
    DG_ASSERT_INT_EQ(line, 2);
}

DG_TEST(empty_text_has_no_entries) {
    int line = -1;
    DG_ASSERT(kv_parse("# nothing\n\n   \n", &line) == NULL, "comment-only config returned entries");
    DG_ASSERT_INT_EQ(line, 0);
    struct kv *l = kv_parse("empty =\n", &line);
    DG_ASSERT(l != NULL, "empty value rejected");
    DG_ASSERT_STR_EQ(l->key, "empty");
    DG_ASSERT_STR_EQ(l->value, "");
    kv_free(l);
    kv_free(NULL);
}

/* The daemon reloads many times; repeating the reload also keeps one stale stack slot from hiding every leak. */
DG_TEST(error_after_entries_frees_them) {
    for (int i = 0; i < 16; i++) {
        int line = -1;
        struct kv *l = kv_parse("user = svc\ngroup = svc\n= 3\n", &line);
        DG_ASSERT(l == NULL, "config with empty key accepted");
        DG_ASSERT_INT_EQ(line, 3);
    }
    scrub_stack();
}

DG_TEST(error_on_line_without_equals_frees_everything) {
    for (int i = 0; i < 16; i++) {
        int line = -1;
        struct kv *l = kv_parse("a=1\nnokeyvalue\n", &line);
        DG_ASSERT(l == NULL, "line without '=' accepted");
        DG_ASSERT_INT_EQ(line, 2);
    }
    scrub_stack();
}
