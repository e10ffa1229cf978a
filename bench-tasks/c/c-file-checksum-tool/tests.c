#include "dg_harness.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int file_sha256(const char *path, char hex[65]);

static void write_file(const char *path, const char *content) {
    FILE *f = fopen(path, "w");
    DG_ASSERT(f != NULL, "cannot create %s", path);
    fputs(content, f);
    fclose(f);
}

static const char *ABC_SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

DG_TEST(hashes_fixture_file) {
    char path[4096], hex[65] = {0};
    snprintf(path, sizeof path, "%s/release-notes.txt", dg_fixtures());
    DG_ASSERT_INT_EQ(file_sha256(path, hex), 0);
    DG_ASSERT_STR_EQ(hex, "1e0d5dd13d94012d2a8ab02d4bde174386ffb34d68c8ff91d158d28eef08c17a");
}

DG_TEST(hashes_file_with_space_in_name) {
    char path[4096], hex[65] = {0};
    snprintf(path, sizeof path, "%s/my report.txt", dg_workdir());
    write_file(path, "abc");
    DG_ASSERT_INT_EQ(file_sha256(path, hex), 0);
    DG_ASSERT_STR_EQ(hex, ABC_SHA);
}

DG_TEST(missing_file_fails) {
    char path[4096], hex[65];
    snprintf(path, sizeof path, "%s/does-not-exist.bin", dg_workdir());
    DG_ASSERT_INT_EQ(file_sha256(path, hex), -1);
}

DG_TEST(quote_in_file_name) {
    char path[4096], marker[4096], hex[65] = {0};
    snprintf(path, sizeof path, "%s/q';touch pwned;'.txt", dg_workdir());
    snprintf(marker, sizeof marker, "%s/pwned", dg_workdir());
    write_file(path, "abc");
    int rc = file_sha256(path, hex);
    DG_ASSERT(access(marker, F_OK) != 0, "the file name ran `touch pwned`");
    DG_ASSERT_INT_EQ(rc, 0);
    DG_ASSERT_STR_EQ(hex, ABC_SHA);
}

DG_TEST(command_substitution_in_file_name) {
    char path[4096], marker[4096], hex[65] = {0};
    snprintf(path, sizeof path, "%s/$(touch pwned2).txt", dg_workdir());
    snprintf(marker, sizeof marker, "%s/pwned2", dg_workdir());
    write_file(path, "abc");
    int rc = file_sha256(path, hex);
    DG_ASSERT(access(marker, F_OK) != 0, "the file name ran `touch pwned2`");
    DG_ASSERT_INT_EQ(rc, 0);
    DG_ASSERT_STR_EQ(hex, ABC_SHA);
}
