#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

std::size_t copy_label(char *dst, std::size_t dst_size, std::string_view label)
{
    (void)dst_size;
    std::string text(label);
    std::strcpy(dst, text.c_str());
    return label.size();
}
