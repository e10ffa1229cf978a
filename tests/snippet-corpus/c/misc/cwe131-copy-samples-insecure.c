// corpus: label=insecure cwe=CWE-131 function=resample_copy
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Copy an audio frame's 16-bit samples into a new buffer, applying a
 * fixed gain (in 1/256 steps). Returns the new buffer or NULL.
 */
int16_t *resample_copy(const int16_t *samples, size_t count, int gain_q8)
{
    int16_t *dst = malloc(count);
    size_t i;

    if (dst == NULL) {
        return NULL;
    }
    for (i = 0; i < count; i++) {
        int32_t v = ((int32_t)samples[i] * gain_q8) / 256;
        if (v > INT16_MAX) v = INT16_MAX;
        if (v < INT16_MIN) v = INT16_MIN;
        dst[i] = (int16_t)v;
    }
    return dst;
}
