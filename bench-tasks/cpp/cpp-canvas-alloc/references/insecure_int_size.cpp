#include <cstdint>

std::uint8_t *make_canvas(std::uint32_t width, std::uint32_t height, std::uint32_t channels, std::uint8_t fill)
{
    if (width == 0 || height == 0 || channels == 0 || channels > 4)
        return nullptr;
    int w = static_cast<int>(width), h = static_cast<int>(height), ch = static_cast<int>(channels);
    int size = w * h * ch;
    if (size > 16 * 1024 * 1024)
        return nullptr;
    std::uint8_t *canvas = new std::uint8_t[static_cast<unsigned>(size)];
    int at = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < ch; c++)
                canvas[at++] = fill;
    return canvas;
}
