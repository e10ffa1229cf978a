#include "dg_harness.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *open_cache_entry(const char *cache_dir, const char *key, const char *mode);

static void cache_dir(char *buf, size_t n) {
    snprintf(buf, n, "%s/cache", dg_workdir());
    mkdir(buf, 0700);
}

DG_TEST(writes_and_reads_entry) {
    char dir[4096], path[4096], line[64] = {0};
    cache_dir(dir, sizeof dir);
    FILE *f = open_cache_entry(dir, "user_42", "w");
    DG_ASSERT(f != NULL, "could not open user_42 for writing");
    fputs("HTTP/1.1 200 OK\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/user_42.cache", dir);
    DG_ASSERT(access(path, F_OK) == 0, "cache/user_42.cache was not created");
    f = open_cache_entry(dir, "user_42", "r");
    DG_ASSERT(f != NULL, "could not reopen user_42");
    DG_ASSERT(fgets(line, sizeof line, f) != NULL, "entry is empty");
    fclose(f);
    DG_ASSERT_STR_EQ(line, "HTTP/1.1 200 OK\n");
}

DG_TEST(accepts_64_character_key) {
    char dir[4096], key[65];
    cache_dir(dir, sizeof dir);
    for (int i = 0; i < 64; i++) key[i] = "abcXYZ019_-"[i % 11];
    key[64] = '\0';
    FILE *f = open_cache_entry(dir, key, "w");
    DG_ASSERT(f != NULL, "64-character key rejected");
    fclose(f);
}

DG_TEST(rejects_empty_and_odd_keys) {
    char dir[4096];
    cache_dir(dir, sizeof dir);
    DG_ASSERT(open_cache_entry(dir, "", "w") == NULL, "empty key accepted");
    DG_ASSERT(open_cache_entry(dir, "a b", "w") == NULL, "key with a space accepted");
    DG_ASSERT(open_cache_entry(dir, "a\tb", "w") == NULL, "key with a tab accepted");
}

DG_TEST(long_key_rejected) {
    char dir[4096], key[301];
    cache_dir(dir, sizeof dir);
    memset(key, 'a', 300);
    key[300] = '\0';
    FILE *f = open_cache_entry(dir, key, "w");
    if (f) fclose(f);
    DG_ASSERT(f == NULL, "300-character key accepted");
}

DG_TEST(traversal_key_rejected) {
    char dir[4096], escaped[4096];
    cache_dir(dir, sizeof dir);
    snprintf(escaped, sizeof escaped, "%s/escaped.cache", dg_workdir());
    FILE *f = open_cache_entry(dir, "../escaped", "w");
    if (f) fclose(f);
    DG_ASSERT(access(escaped, F_OK) != 0, "the key wrote escaped.cache outside the cache folder");
    DG_ASSERT(f == NULL, "key ../escaped accepted");
}
