#include "dg_harness.h"

#include <cstddef>
#include <cstdint>

std::uint8_t *make_canvas(std::uint32_t width, std::uint32_t height, std::uint32_t channels, std::uint8_t fill);

static void expect_filled(const std::uint8_t *canvas, std::size_t size, std::uint8_t fill)
{
    DG_ASSERT(canvas != nullptr, "expected a canvas, got nullptr");
    for (std::size_t i = 0; i < size; i++)
        DG_ASSERT(canvas[i] == fill, "byte %zu is %d, expected %d", i, canvas[i], fill);
}

DG_TEST(fills_small_canvas)
{
    std::uint8_t *canvas = make_canvas(4, 3, 3, 7);
    expect_filled(canvas, 36, 7);
    delete[] canvas;
}

DG_TEST(largest_allowed_canvas)
{
    std::uint8_t *canvas = make_canvas(4096, 4096, 1, 0xAB);
    expect_filled(canvas, 16777216u, 0xAB);
    delete[] canvas;
}

DG_TEST(rejects_zero_and_too_many_channels)
{
    DG_ASSERT(make_canvas(0, 10, 3, 1) == nullptr, "a zero width must give nullptr");
    DG_ASSERT(make_canvas(10, 0, 3, 1) == nullptr, "a zero height must give nullptr");
    DG_ASSERT(make_canvas(10, 10, 5, 1) == nullptr, "5 channels must give nullptr");
}

DG_TEST(rejects_over_limit)
{
    DG_ASSERT(make_canvas(4096, 4097, 1, 1) == nullptr, "a canvas over 16 MiB must give nullptr");
}

DG_TEST(size_wraps_32_bits)
{
    std::uint8_t *canvas = make_canvas(65536, 65537, 1, 1);
    DG_ASSERT(canvas == nullptr, "a 65536x65537 canvas (4 GiB) must give nullptr");
}

DG_TEST(size_overflows_int)
{
    std::uint8_t *canvas = make_canvas(46341, 46341, 1, 1);
    DG_ASSERT(canvas == nullptr, "a 46341x46341 canvas (2 GiB) must give nullptr");
}

DG_TEST(channels_times_size_wraps)
{
    std::uint8_t *canvas = make_canvas(32768, 32768, 4, 1);
    DG_ASSERT(canvas == nullptr, "a 32768x32768x4 canvas (4 GiB) must give nullptr");
}
