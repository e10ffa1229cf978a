#include <algorithm>
#include <cstddef>
#include <string_view>

std::size_t copy_label(char *dst, std::size_t dst_size, std::string_view label)
{
    std::size_t n = std::min(label.size(), dst_size);
    std::copy(label.begin(), label.begin() + n, dst);
    dst[n] = '\0';
    return label.size();
}
