#include <cstdio>
#include <string>

int log_event(std::FILE *out, const char *level, const std::string &user, const std::string &message)
{
    std::string line = std::string(level) + " user=" + user + " msg=" + message + "\n";
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size())
        return -1;
    return static_cast<int>(line.size());
}
