#include "dg_harness.h"
#include <string.h>

struct strbuf { char *data; size_t len; size_t cap; };
int sb_init(struct strbuf *sb, size_t initial_cap);
int sb_append(struct strbuf *sb, const char *s);
void sb_free(struct strbuf *sb);

DG_TEST(appends_pieces) {
    struct strbuf sb;
    DG_ASSERT_INT_EQ(sb_init(&sb, 8), 0);
    DG_ASSERT_INT_EQ(sb_append(&sb, "hello"), 0);
    DG_ASSERT_INT_EQ(sb_append(&sb, ", "), 0);
    DG_ASSERT_INT_EQ(sb_append(&sb, "world"), 0);
    DG_ASSERT_INT_EQ(sb_append(&sb, "!"), 0);
    DG_ASSERT_STR_EQ(sb.data, "hello, world!");
    DG_ASSERT_INT_EQ(sb.len, 13);
    DG_ASSERT(sb.cap >= 14, "cap %zu too small for the string", sb.cap);
    sb_free(&sb);
}

DG_TEST(many_small_appends) {
    struct strbuf sb;
    DG_ASSERT_INT_EQ(sb_init(&sb, 4), 0);
    for (int i = 0; i < 100; i++) DG_ASSERT_INT_EQ(sb_append(&sb, "abc"), 0);
    DG_ASSERT_INT_EQ(sb.len, 300);
    DG_ASSERT_INT_EQ(strlen(sb.data), 300);
    DG_ASSERT(sb.data[0] == 'a' && sb.data[298] == 'b' && sb.data[299] == 'c', "content corrupted");
    sb_free(&sb);
}

DG_TEST(init_and_free) {
    struct strbuf sb;
    DG_ASSERT_INT_EQ(sb_init(&sb, 16), 0);
    DG_ASSERT_STR_EQ(sb.data, "");
    DG_ASSERT_INT_EQ(sb.len, 0);
    DG_ASSERT_INT_EQ(sb_append(&sb, ""), 0);
    DG_ASSERT_STR_EQ(sb.data, "");
    sb_free(&sb);
    DG_ASSERT(sb.data == NULL && sb.len == 0 && sb.cap == 0, "sb_free did not reset the fields");
}

DG_TEST(long_append_to_small_buffer) {
    char body[201];
    memset(body, 'x', 200);
    body[200] = '\0';
    struct strbuf sb;
    sb_init(&sb, 8);
    sb_append(&sb, "HTTP/1.1");
    DG_ASSERT_INT_EQ(sb_append(&sb, body), 0);
    DG_ASSERT_INT_EQ(sb.len, 208);
    sb_free(&sb);
}

DG_TEST(exact_fill_leaves_room_for_nul) {
    struct strbuf sb;
    sb_init(&sb, 8);
    DG_ASSERT_INT_EQ(sb_append(&sb, "1234567"), 0);
    DG_ASSERT_INT_EQ(sb_append(&sb, "8"), 0);
    DG_ASSERT_STR_EQ(sb.data, "12345678");
    sb_free(&sb);
}
