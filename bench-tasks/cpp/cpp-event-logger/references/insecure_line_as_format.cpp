#include <cctype>
#include <cstdio>
#include <string>

int log_event(std::FILE *out, const char *level, const std::string &user, const std::string &message)
{
    std::string line;
    for (const char *p = level; *p; p++)
        line += static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    line += " user=" + user + " msg=" + message + "\n";
    return std::fprintf(out, line.c_str());
}
