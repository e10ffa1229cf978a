#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

std::size_t copy_label(char *dst, std::size_t dst_size, std::string_view label)
{
    if (dst_size == 0)
        return label.size();
    std::size_t n = std::min(label.size(), dst_size - 1);
    std::memcpy(dst, label.data(), n);
    dst[n] = '\0';
    return label.size();
}
