// SHA-256's block function on the processor's SHA extensions (x86-64 SHA-NI), for kaimen's
// SHA256 (Sources/KaimenKit/Support/SHA256.swift), which keeps the portable rounds as the
// reference and the path everywhere else.
#ifndef KAIMEN_SHA_INSTRUCTIONS_H
#define KAIMEN_SHA_INSTRUCTIONS_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor runs the SHA extensions (CPUID: SHA, SSSE3 and SSE4.1), else 0.
int kaimen_sha256_available(void);

/// Compresses `count` 64-byte blocks at `blocks` into `state` (the eight words a…h), with
/// the 64 round constants `k` (the Swift side's table, so they are written once).
/// Only where `kaimen_sha256_available()` is 1.
void kaimen_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count, const uint32_t k[64]);

/// `count` blocks at `blocksA` into `stateA` and as many at `blocksB` into `stateB`, the two
/// messages' rounds interleaved (about 1.8 times the speed of one after the other). Only where
/// `kaimen_sha256_available()` is 1.
void kaimen_sha256_blocks2(uint32_t stateA[8], const uint8_t *blocksA, uint32_t stateB[8], const uint8_t *blocksB,
                           size_t count, const uint32_t k[64]);

#endif
