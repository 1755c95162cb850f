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

// Four rounds, group i (0…15), of the message whose state is `abef`, `cdgh`, on its message
// registers: `cur` holds words 4i…4i+3, `prev` the group before, `next` the group after (three
// groups behind, half made by msg1).
#define GROUP(i, cur, prev, next, abef, cdgh)                                            \
    do {                                                                                 \
        __m128i wk = _mm_add_epi32(cur, _mm_loadu_si128((const __m128i *)&k[4 * (i)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                                    \
        if ((i) >= 3 && (i) <= 14)                                                       \
            next = _mm_sha256msg2_epu32(_mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4)), cur); \
        wk = _mm_shuffle_epi32(wk, 0x0E);                                                \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);                                    \
        if ((i) >= 1 && (i) <= 12) prev = _mm_sha256msg1_epu32(prev, cur);              \
    } while (0)

// The sixteen groups of one block; `s` names the message (its registers x0s…x3s, abefs, cdghs).
#define BLOCK(s)                                                                                              \
    GROUP(0, x0##s, x3##s, x1##s, abef##s, cdgh##s);  GROUP(1, x1##s, x0##s, x2##s, abef##s, cdgh##s);        \
    GROUP(2, x2##s, x1##s, x3##s, abef##s, cdgh##s);  GROUP(3, x3##s, x2##s, x0##s, abef##s, cdgh##s);        \
    GROUP(4, x0##s, x3##s, x1##s, abef##s, cdgh##s);  GROUP(5, x1##s, x0##s, x2##s, abef##s, cdgh##s);        \
    GROUP(6, x2##s, x1##s, x3##s, abef##s, cdgh##s);  GROUP(7, x3##s, x2##s, x0##s, abef##s, cdgh##s);        \
    GROUP(8, x0##s, x3##s, x1##s, abef##s, cdgh##s);  GROUP(9, x1##s, x0##s, x2##s, abef##s, cdgh##s);        \
    GROUP(10, x2##s, x1##s, x3##s, abef##s, cdgh##s); GROUP(11, x3##s, x2##s, x0##s, abef##s, cdgh##s);       \
    GROUP(12, x0##s, x3##s, x1##s, abef##s, cdgh##s); GROUP(13, x1##s, x0##s, x2##s, abef##s, cdgh##s);       \
    GROUP(14, x2##s, x1##s, x3##s, abef##s, cdgh##s); GROUP(15, x3##s, x2##s, x0##s, abef##s, cdgh##s)

// A block's sixteen big-endian words, in four registers named for message `s`.
#define LOAD_BLOCK(s, p)                                                                      \
    __m128i x0##s = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)((p) + 0)), swap);     \
    __m128i x1##s = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)((p) + 16)), swap);    \
    __m128i x2##s = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)((p) + 32)), swap);    \
    __m128i x3##s = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)((p) + 48)), swap)

// The state's eight words a…h as the two registers the rounds use, and back.
SHA_TARGET static inline void load_state(const uint32_t state[8], __m128i *abef, __m128i *cdgh) {
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i badc = _mm_shuffle_epi32(dcba, 0xB1);      // lanes b a d c → C D A B from the top
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);      // lanes h g f e
    *abef = _mm_alignr_epi8(badc, efgh, 8);            // lanes f e b a
    *cdgh = _mm_blend_epi16(efgh, badc, 0xF0);         // lanes h g d c
}

SHA_TARGET static inline void store_state(uint32_t state[8], __m128i abef, __m128i cdgh) {
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));  // lanes a b c d
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));     // lanes e f g h
}

SHA_TARGET
void kaimen_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count, const uint32_t k[64]) {
    // Bytes of each big-endian word reversed.
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i abefA, cdghA;
    load_state(state, &abefA, &cdghA);
    for (size_t n = 0; n < count; n++, blocks += 64) {
        const __m128i savedABEF = abefA, savedCDGH = cdghA;
        LOAD_BLOCK(A, blocks);
        BLOCK(A);
        abefA = _mm_add_epi32(abefA, savedABEF);
        cdghA = _mm_add_epi32(cdghA, savedCDGH);
    }
    store_state(state, abefA, cdghA);
}

// Two messages' rounds interleaved: each sha256rnds2 waits for the one before it in its own
// message, and the other message's fill the wait (on this project's AMD EPYC, 1.8 times the
// bytes a second of one message alone). Sixteen vector registers hold both, as x86-64 has.
SHA_TARGET
void kaimen_sha256_blocks2(uint32_t stateA[8], const uint8_t *blocksA, uint32_t stateB[8], const uint8_t *blocksB,
                           size_t count, const uint32_t k[64]) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i abefA, cdghA, abefB, cdghB;
    load_state(stateA, &abefA, &cdghA);
    load_state(stateB, &abefB, &cdghB);
    for (size_t n = 0; n < count; n++, blocksA += 64, blocksB += 64) {
        const __m128i savedABEFA = abefA, savedCDGHA = cdghA, savedABEFB = abefB, savedCDGHB = cdghB;
        LOAD_BLOCK(A, blocksA);
        LOAD_BLOCK(B, blocksB);
        GROUP(0, x0A, x3A, x1A, abefA, cdghA);   GROUP(0, x0B, x3B, x1B, abefB, cdghB);
        GROUP(1, x1A, x0A, x2A, abefA, cdghA);   GROUP(1, x1B, x0B, x2B, abefB, cdghB);
        GROUP(2, x2A, x1A, x3A, abefA, cdghA);   GROUP(2, x2B, x1B, x3B, abefB, cdghB);
        GROUP(3, x3A, x2A, x0A, abefA, cdghA);   GROUP(3, x3B, x2B, x0B, abefB, cdghB);
        GROUP(4, x0A, x3A, x1A, abefA, cdghA);   GROUP(4, x0B, x3B, x1B, abefB, cdghB);
        GROUP(5, x1A, x0A, x2A, abefA, cdghA);   GROUP(5, x1B, x0B, x2B, abefB, cdghB);
        GROUP(6, x2A, x1A, x3A, abefA, cdghA);   GROUP(6, x2B, x1B, x3B, abefB, cdghB);
        GROUP(7, x3A, x2A, x0A, abefA, cdghA);   GROUP(7, x3B, x2B, x0B, abefB, cdghB);
        GROUP(8, x0A, x3A, x1A, abefA, cdghA);   GROUP(8, x0B, x3B, x1B, abefB, cdghB);
        GROUP(9, x1A, x0A, x2A, abefA, cdghA);   GROUP(9, x1B, x0B, x2B, abefB, cdghB);
        GROUP(10, x2A, x1A, x3A, abefA, cdghA);  GROUP(10, x2B, x1B, x3B, abefB, cdghB);
        GROUP(11, x3A, x2A, x0A, abefA, cdghA);  GROUP(11, x3B, x2B, x0B, abefB, cdghB);
        GROUP(12, x0A, x3A, x1A, abefA, cdghA);  GROUP(12, x0B, x3B, x1B, abefB, cdghB);
        GROUP(13, x1A, x0A, x2A, abefA, cdghA);  GROUP(13, x1B, x0B, x2B, abefB, cdghB);
        GROUP(14, x2A, x1A, x3A, abefA, cdghA);  GROUP(14, x2B, x1B, x3B, abefB, cdghB);
        GROUP(15, x3A, x2A, x0A, abefA, cdghA);  GROUP(15, x3B, x2B, x0B, abefB, cdghB);
        abefA = _mm_add_epi32(abefA, savedABEFA);
        cdghA = _mm_add_epi32(cdghA, savedCDGHA);
        abefB = _mm_add_epi32(abefB, savedABEFB);
        cdghB = _mm_add_epi32(cdghB, savedCDGHB);
    }
    store_state(stateA, abefA, cdghA);
    store_state(stateB, abefB, cdghB);
}

#else

int kaimen_sha256_available(void) { return 0; }

void kaimen_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count, const uint32_t k[64]) {
    (void)state; (void)blocks; (void)count; (void)k;
    __builtin_trap();  // never called: kaimen_sha256_available() is 0 here
}

void kaimen_sha256_blocks2(uint32_t stateA[8], const uint8_t *blocksA, uint32_t stateB[8], const uint8_t *blocksB,
                           size_t count, const uint32_t k[64]) {
    (void)stateA; (void)blocksA; (void)stateB; (void)blocksB; (void)count; (void)k;
    __builtin_trap();  // never called: kaimen_sha256_available() is 0 here
}

#endif
