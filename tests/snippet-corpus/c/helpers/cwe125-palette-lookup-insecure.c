// corpus: label=insecure cwe=CWE-125 function=palette_to_rgb
#include <stddef.h>
#include <stdint.h>

struct rgb {
    uint8_t r, g, b;
};

/*
 * Convert one row of an 8-bit indexed image to RGB using the palette read
 * from the file's PLTE chunk (3 bytes per entry, palette_len bytes total).
 */
void palette_to_rgb(const uint8_t *indices, size_t width,
                    const uint8_t *palette, size_t palette_len,
                    struct rgb *out)
{
    size_t x;

    (void)palette_len;
    for (x = 0; x < width; x++) {
        const uint8_t *entry = palette + (size_t)indices[x] * 3;
        out[x].r = entry[0];
        out[x].g = entry[1];
        out[x].b = entry[2];
    }
}
