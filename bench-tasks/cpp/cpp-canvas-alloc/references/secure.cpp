#include <cstddef>
#include <cstdint>

std::uint8_t *make_canvas(std::uint32_t width, std::uint32_t height, std::uint32_t channels, std::uint8_t fill)
{
    constexpr std::uint64_t limit = 16u * 1024u * 1024u;
    if (width == 0 || height == 0 || channels == 0 || channels > 4)
        return nullptr;
    // Each factor is below 2^32 and channels at most 4, so the 64-bit product of width and height
    // cannot wrap; it is checked against the limit before channels multiply it.
    std::uint64_t pixels = static_cast<std::uint64_t>(width) * height;
    if (pixels > limit || pixels * channels > limit)
        return nullptr;
    std::size_t size = static_cast<std::size_t>(pixels * channels);
    std::uint8_t *canvas = new std::uint8_t[size];
    std::size_t at = 0;
    for (std::uint32_t y = 0; y < height; y++)
        for (std::uint32_t x = 0; x < width; x++)
            for (std::uint32_t c = 0; c < channels; c++)
                canvas[at++] = fill;
    return canvas;
}
