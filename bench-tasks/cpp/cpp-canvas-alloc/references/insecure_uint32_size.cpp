#include <cstdint>

std::uint8_t *make_canvas(std::uint32_t width, std::uint32_t height, std::uint32_t channels, std::uint8_t fill)
{
    if (width == 0 || height == 0 || channels == 0 || channels > 4)
        return nullptr;
    std::uint32_t size = width * height * channels;
    if (size > 16u * 1024u * 1024u)
        return nullptr;
    std::uint8_t *canvas = new std::uint8_t[size];
    std::uint8_t *p = canvas;
    for (std::uint32_t y = 0; y < height; y++)
        for (std::uint32_t x = 0; x < width; x++)
            for (std::uint32_t c = 0; c < channels; c++)
                *p++ = fill;
    return canvas;
}
