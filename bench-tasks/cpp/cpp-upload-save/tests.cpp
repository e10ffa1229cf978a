#include "dg_harness.h"

#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

bool save_upload(const std::string &upload_dir, const std::string &filename, const std::string &data);

static std::string uploads()
{
    std::string dir = std::string(dg_workdir()) + "/uploads";
    mkdir(dir.c_str(), 0755);
    return dir;
}

static bool exists(const std::string &path) { return access(path.c_str(), F_OK) == 0; }

static std::string read_all(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    DG_ASSERT(in.good(), "%s was not created", path.c_str());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

DG_TEST(saves_plain_name)
{
    std::string dir = uploads();
    DG_ASSERT(save_upload(dir, "report.pdf", "%PDF-1.7 body"), "save_upload returned false for report.pdf");
    std::string back = read_all(dir + "/report.pdf");
    DG_ASSERT_STR_EQ(back.c_str(), "%PDF-1.7 body");
}

DG_TEST(replaces_existing_file)
{
    std::string dir = uploads();
    DG_ASSERT(save_upload(dir, "notes.txt", "first version, longer"), "first save returned false");
    DG_ASSERT(save_upload(dir, "notes.txt", "second"), "second save returned false");
    std::string back = read_all(dir + "/notes.txt");
    DG_ASSERT_STR_EQ(back.c_str(), "second");
}

DG_TEST(keeps_binary_bytes)
{
    std::string dir = uploads();
    std::string data("a\0b\xff\n", 5);
    DG_ASSERT(save_upload(dir, "blob.bin", data), "save_upload returned false for blob.bin");
    std::string back = read_all(dir + "/blob.bin");
    DG_ASSERT(back == data, "wrote %zu bytes, expected the 5 bytes given", back.size());
}

DG_TEST(rejects_empty_and_dots)
{
    std::string dir = uploads();
    DG_ASSERT(!save_upload(dir, "", "x"), "an empty name must give false");
    DG_ASSERT(!save_upload(dir, ".", "x"), "\".\" must give false");
    DG_ASSERT(!save_upload(dir, "..", "x"), "\"..\" must give false");
}

DG_TEST(parent_traversal)
{
    std::string dir = uploads();
    bool saved = save_upload(dir, "../escape.txt", "owned");
    DG_ASSERT(!exists(std::string(dg_workdir()) + "/escape.txt"), "../escape.txt was written outside the upload folder");
    DG_ASSERT(!saved, "../escape.txt must give false");
}

DG_TEST(absolute_path)
{
    std::string dir = uploads();
    std::string target = std::string(dg_workdir()) + "/planted.txt";
    bool saved = save_upload(dir, target, "owned");
    DG_ASSERT(!exists(target), "the absolute name was written verbatim");
    DG_ASSERT(!saved, "an absolute name must give false");
}

DG_TEST(nested_dots_after_strip)
{
    std::string dir = uploads();
    bool saved = save_upload(dir, "....//escape.txt", "owned");
    DG_ASSERT(!exists(std::string(dg_workdir()) + "/escape.txt"), "....//escape.txt was written outside the upload folder");
    DG_ASSERT(!saved, "....//escape.txt must give false");
}
