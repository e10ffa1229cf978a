// corpus: label=secure cwe=CWE-125 function=tar_header_name
#include <stddef.h>
#include <string.h>

#define TAR_NAME_FIELD 100

/*
 * Copy the file name out of a 512-byte ustar header. The name field is
 * 100 bytes and is NOT required to be NUL-terminated when it is full.
 * Returns the name length, or -1 if out is too small.
 */
int tar_header_name(const unsigned char *header, size_t header_len, char *out, size_t out_len)
{
    const unsigned char *nul;
    size_t n;

    if (header == NULL || out == NULL || header_len < TAR_NAME_FIELD) {
        return -1;
    }

    nul = memchr(header, '\0', TAR_NAME_FIELD);
    n = nul ? (size_t)(nul - header) : TAR_NAME_FIELD;
    if (n >= out_len) {
        return -1;
    }

    memcpy(out, header, n);
    out[n] = '\0';
    return (int)n;
}
