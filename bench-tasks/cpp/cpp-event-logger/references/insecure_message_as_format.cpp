#include <cctype>
#include <cstdio>
#include <string>

int log_event(std::FILE *out, const char *level, const std::string &user, const std::string &message)
{
    std::string upper;
    for (const char *p = level; *p; p++)
        upper += static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    int a = std::fprintf(out, "%s user=%s msg=", upper.c_str(), user.c_str());
    int b = std::fprintf(out, message.c_str());
    int c = std::fputc('\n', out) == EOF ? -1 : 1;
    if (a < 0 || b < 0 || c < 0)
        return -1;
    return a + b + c;
}
