// corpus: label=neutral cwe=- function=fnv1a_64
#include <stddef.h>
#include <stdint.h>

#define FNV_OFFSET_BASIS 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/* 64-bit FNV-1a hash, used for hash-table bucketing of string keys. */
uint64_t fnv1a_64(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t hash = FNV_OFFSET_BASIS;
    size_t i;

    for (i = 0; i < len; i++) {
        hash ^= p[i];
        hash *= FNV_PRIME;
    }
    return hash;
}

size_t bucket_for(const char *key, size_t key_len, size_t nbuckets)
{
    return nbuckets ? (size_t)(fnv1a_64(key, key_len) % nbuckets) : 0;
}
