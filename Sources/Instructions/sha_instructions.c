// SHA-256 on the SHA extensions: the round structure of Intel's "Intel SHA Extensions" paper
// (2013) and its reference code. Two rounds per sha256rnds2, the state held as ABEF and CDGH,
// the message schedule kept three groups of four words ahead by sha256msg1/sha256msg2.
// Compiled for the `sha` target only inside the functions that use it (no build flags), so the
// rest of the program never depends on the extensions; the Swift side calls them only when
// kaimen_sha256_available() says the processor has them.
#include "sha_instructions.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int kaimen_sha256_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}

#define SHA_TARGET __attribute__((target("sha,ssse3,sse4.1")))

// Four rounds, group i (0…15), on the message registers: `cur` holds words 4i…4i+3, `prev` the
// group before, `next` the group after (three groups behind, half made by msg1).
#define GROUP(i, cur, prev, next)                                                        \
    do {                                                                                 \
        __m128i wk = _mm_add_epi32(cur, _mm_loadu_si128((const __m128i *)&k[4 * (i)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                                    \
        if ((i) >= 3 && (i) <= 14)                                                       \
            next = _mm_sha256msg2_epu32(_mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4)), cur); \
        wk = _mm_shuffle_epi32(wk, 0x0E);                                                \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);                                    \
        if ((i) >= 1 && (i) <= 12) prev = _mm_sha256msg1_epu32(prev, cur);              \
    } while (0)

SHA_TARGET
void kaimen_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count, const uint32_t k[64]) {
    // Bytes of each big-endian word reversed.
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i badc = _mm_shuffle_epi32(dcba, 0xB1);      // lanes b a d c → C D A B from the top
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);      // lanes h g f e
    __m128i abef = _mm_alignr_epi8(badc, efgh, 8);     // lanes f e b a
    __m128i cdgh = _mm_blend_epi16(efgh, badc, 0xF0);  // lanes h g d c
    for (size_t n = 0; n < count; n++, blocks += 64) {
        const __m128i savedABEF = abef, savedCDGH = cdgh;
        __m128i x0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 0)), swap);
        __m128i x1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16)), swap);
        __m128i x2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 32)), swap);
        __m128i x3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 48)), swap);
        GROUP(0, x0, x3, x1);  GROUP(1, x1, x0, x2);  GROUP(2, x2, x1, x3);  GROUP(3, x3, x2, x0);
        GROUP(4, x0, x3, x1);  GROUP(5, x1, x0, x2);  GROUP(6, x2, x1, x3);  GROUP(7, x3, x2, x0);
        GROUP(8, x0, x3, x1);  GROUP(9, x1, x0, x2);  GROUP(10, x2, x1, x3); GROUP(11, x3, x2, x0);
        GROUP(12, x0, x3, x1); GROUP(13, x1, x0, x2); GROUP(14, x2, x1, x3); GROUP(15, x3, x2, x0);
        abef = _mm_add_epi32(abef, savedABEF);
        cdgh = _mm_add_epi32(cdgh, savedCDGH);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));  // lanes a b c d
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));     // lanes e f g h
}

#else

int kaimen_sha256_available(void) { return 0; }

void kaimen_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count, const uint32_t k[64]) {
    (void)state; (void)blocks; (void)count; (void)k;
    __builtin_trap();  // never called: kaimen_sha256_available() is 0 here
}

#endif
