#include <cstddef>
#include <cstdint>

std::uint8_t *make_canvas(std::uint32_t width, std::uint32_t height, std::uint32_t channels, std::uint8_t fill)
{
    constexpr std::uint64_t limit = 16u * 1024u * 1024u;
    if (width == 0 || height == 0 || channels == 0 || channels > 4)
        return nullptr;
    std::uint64_t size = static_cast<std::uint64_t>(width) * height * channels;
    if (size >= limit)
        return nullptr;
    std::uint8_t *canvas = new std::uint8_t[static_cast<std::size_t>(size)];
    for (std::size_t i = 0; i < size; i++)
        canvas[i] = fill;
    return canvas;
}
