#include <fstream>
#include <string>

static std::string strip_parent_refs(std::string name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        if (name.compare(i, 3, "../") == 0) {
            i += 3;
            continue;
        }
        out += name[i++];
    }
    return out;
}

bool save_upload(const std::string &upload_dir, const std::string &filename, const std::string &data)
{
    if (filename.empty() || filename == "." || filename == ".." || filename[0] == '/' || filename.size() > 255)
        return false;
    std::string name = strip_parent_refs(filename);
    if (name.empty())
        return false;
    std::ofstream out(upload_dir + "/" + name, std::ios::binary | std::ios::trunc);
    if (!out)
        return false;
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    return static_cast<bool>(out);
}
