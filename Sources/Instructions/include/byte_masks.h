// Where a byte occurs in sixteen bytes, as a bit per byte: the vector compare and the mask
// move (SSE2's pcmpeqb and pmovmskb, on every x86-64), which Swift cannot name. `static
// inline` in a header, so the Swift code that calls it gets the two instructions in place,
// not a call. Elsewhere the same bits are worked out a word at a time.
#ifndef KAIMEN_BYTE_MASKS_H
#define KAIMEN_BYTE_MASKS_H

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit k set when `p[k] == byte`, for k in 0…15, a word at a time: what the compare gives,
/// worked out with integer arithmetic (kept on every processor, so tests compare the two).
/// Sixteen bytes from `p` must be readable.
static inline uint32_t kaimen_byte_mask16_words(const uint8_t *p, uint8_t byte) {
    uint32_t bits = 0;
    for (int half = 0; half < 2; half++) {
        uint64_t w;
        memcpy(&w, p + 8 * half, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        w ^= 0x0101010101010101ULL * byte;
        // The high bit of each zero byte, exactly (no carry between bytes), moved to bit k
        // for byte k by the multiply (byte k in bits 8k…8k+7 of `w`).
        uint64_t zero = ~(((w & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | w | 0x7F7F7F7F7F7F7F7FULL);
        bits |= (uint32_t)(((zero >> 7) * 0x0102040810204080ULL) >> 56) << (8 * half);
    }
    return bits;
}

/// Bit k set when `p[k] == byte`, for k in 0…15; sixteen bytes from `p` must be readable.
static inline uint32_t kaimen_byte_mask16(const uint8_t *p, uint8_t byte) {
#if defined(__x86_64__) && defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)byte)));
#else
    return kaimen_byte_mask16_words(p, byte);
#endif
}

#endif
