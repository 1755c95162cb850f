// The summary's cells of points eight at a time: the digits of eight values worked out in the
// lanes of one AVX-512 register the way CSVChunkWriter.eightDigits works out one value's in a
// word, then each cell stored as two words. Compiled for AVX-512 only inside the function
// that uses it (no build flags), so the rest of the program never depends on it; the Swift
// side calls it only when kaimen_fixed_cells_available() says the processor has it.
#include "fixed_cells.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int kaimen_fixed_cells_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    // The system saves the vector registers (OSXSAVE), and all of them: XMM, YMM, the mask
    // registers, the upper halves of ZMM0–15 and ZMM16–31 (XCR0 bits 1, 2, 5, 6, 7).
    if (!((c >> 27) & 1)) return 0;
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    (void)high;
    if ((low & 0xE6) != 0xE6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int f = (b >> 16) & 1, dq = (b >> 17) & 1;
    return f && dq;
}

__attribute__((target("avx512f,avx512dq")))
long kaimen_fixed_cells(const int64_t *values, long count, int places, uint8_t *out) {
    if (places < 1 || places > 6 || count < 0) return -1;
    int64_t power = 1;
    for (int i = 0; i < places; i++) power *= 10;
    const __m512i zero = _mm512_setzero_si512(), below = _mm512_set1_epi64(100 * power), twoFrom = _mm512_set1_epi64(10 * power);
    // x / 10 000 for x below 2^32 is (x × 3 518 437 209) >> 45; the rest are eightDigits' constants.
    const __m512i magic = _mm512_set1_epi64(3518437209LL), m10000 = _mm512_set1_epi64(10000);
    const __m512i m10486 = _mm512_set1_epi64(10486), m100 = _mm512_set1_epi64(100), m103 = _mm512_set1_epi64(103), m10 = _mm512_set1_epi64(10);
    const __m512i mask7F = _mm512_set1_epi64(0x0000007F0000007FLL), maskF = _mm512_set1_epi64(0x000F000F000F000FLL);
    const __m512i ascii = _mm512_set1_epi64(0x3030303030303030LL), twoBytes = _mm512_set1_epi64(0xFFFF);
    const __m512i headTwo = _mm512_set1_epi64(0x2C | 0x2E << 24), headOne = _mm512_set1_epi64(0x2C | 0x2E << 16);
    const __m512i lengthTwo = _mm512_set1_epi64(places + 4), lengthOne = _mm512_set1_epi64(places + 3);
    const unsigned fractionShift = 8 * (8 - places), wholeShift = 8 * (6 - places);
    uint8_t *start = out;
    for (long at = 0; at < count; at += 8) {
        long left = count - at;
        int lanes = left >= 8 ? 8 : (int)left;
        __mmask8 used = (__mmask8)((1u << lanes) - 1);
        __m512i x = _mm512_maskz_loadu_epi64(used, values + at);
        __mmask8 inside = _mm512_mask_cmpge_epi64_mask(used, x, zero) & _mm512_mask_cmplt_epi64_mask(used, x, below);
        if (inside != used) return -1;
        // The eight digits of x (below 10^8), the first in the lowest byte of each lane.
        __m512i q = _mm512_srli_epi64(_mm512_mul_epu32(x, magic), 45);
        __m512i halves = _mm512_or_si512(q, _mm512_slli_epi64(_mm512_sub_epi64(x, _mm512_mullo_epi64(q, m10000)), 32));
        __m512i hundreds = _mm512_and_si512(_mm512_srli_epi64(_mm512_mullo_epi64(halves, m10486), 20), mask7F);
        __m512i pairs = _mm512_or_si512(hundreds, _mm512_slli_epi64(_mm512_sub_epi64(halves, _mm512_mullo_epi64(hundreds, m100)), 16));
        __m512i tens = _mm512_and_si512(_mm512_srli_epi64(_mm512_mullo_epi64(pairs, m103), 10), maskF);
        __m512i digits = _mm512_or_si512(_mm512_or_si512(tens, _mm512_slli_epi64(_mm512_sub_epi64(pairs, _mm512_mullo_epi64(tens, m10)), 8)), ascii);
        // The places are the last `places` digits; the whole part the two before them (the
        // first a leading zero below 10 × 10^places).
        __m512i fraction = _mm512_srli_epi64(digits, fractionShift);
        __m512i whole = _mm512_and_si512(_mm512_srli_epi64(digits, wholeShift), twoBytes);
        __mmask8 two = _mm512_cmpge_epi64_mask(x, twoFrom);
        // Two digits: `,` W W `.` and the places from byte 4; one: `,` W `.` and the places from byte 3.
        __m512i lowTwo = _mm512_or_si512(_mm512_or_si512(headTwo, _mm512_slli_epi64(whole, 8)), _mm512_slli_epi64(fraction, 32));
        __m512i lowOne = _mm512_or_si512(_mm512_or_si512(headOne, _mm512_slli_epi64(_mm512_srli_epi64(whole, 8), 8)), _mm512_slli_epi64(fraction, 24));
        uint64_t low[8], high[8], length[8];
        _mm512_storeu_si512(low, _mm512_mask_blend_epi64(two, lowOne, lowTwo));
        _mm512_storeu_si512(high, _mm512_mask_blend_epi64(two, _mm512_srli_epi64(fraction, 40), _mm512_srli_epi64(fraction, 32)));
        _mm512_storeu_si512(length, _mm512_mask_blend_epi64(two, lengthOne, lengthTwo));
        for (int i = 0; i < lanes; i++) {
            memcpy(out, &low[i], 8);
            memcpy(out + 8, &high[i], 8);
            out += length[i];
        }
    }
    return (long)(out - start);
}
#else
int kaimen_fixed_cells_available(void) { return 0; }

long kaimen_fixed_cells(const int64_t *values, long count, int places, uint8_t *out) {
    (void)values; (void)count; (void)places; (void)out;
    return -1;
}
#endif
