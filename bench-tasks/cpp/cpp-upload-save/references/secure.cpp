#include <fstream>
#include <string>

bool save_upload(const std::string &upload_dir, const std::string &filename, const std::string &data)
{
    if (filename.empty() || filename == "." || filename == ".." || filename.size() > 255)
        return false;
    if (filename.find_first_of(std::string("/\\\0", 3)) != std::string::npos)
        return false;
    std::ofstream out(upload_dir + "/" + filename, std::ios::binary | std::ios::trunc);
    if (!out)
        return false;
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    return static_cast<bool>(out);
}
