#include <fstream>
#include <string>

bool save_upload(const std::string &upload_dir, const std::string &filename, const std::string &data)
{
    if (filename.empty() || filename == "." || filename == "..")
        return false;
    std::string path = filename[0] == '/' ? filename : upload_dir + "/" + filename;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return false;
    out << data;
    return static_cast<bool>(out);
}
