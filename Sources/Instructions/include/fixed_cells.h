// The summary's cells of points (`,1.600000`) eight at a time on AVX-512, for kaimen's
// CSVChunkWriter (Sources/KaimenKit/CSV/CSVChunkWriter.swift), which keeps its digits a word
// at a time as the reference and the path everywhere else.
#ifndef KAIMEN_FIXED_CELLS_H
#define KAIMEN_FIXED_CELLS_H

#include <stdint.h>

/// 1 when this processor and system run AVX-512 F and DQ (CPUID, and XGETBV for the vector
/// registers' state), else 0.
int kaimen_fixed_cells_available(void);

/// For each of the `count` values at `values` in turn, a comma and the value at `places` (1…6)
/// decimals: one or two digits, the point and the places (`1600000` at 6: `,1.600000`), from
/// `out` on, with nothing between cells. Returns how many bytes that is, or −1 when `places` is
/// not 1…6 or a value is not in 0 ..< 100 × 10^places (then the caller writes them its own
/// way; bytes from `out` may have been written over). Each cell is stored as sixteen bytes, so
/// sixteen bytes from where any cell starts may be written: `count` × 24 bytes of room are
/// enough. Only where `kaimen_fixed_cells_available()` is 1.
long kaimen_fixed_cells(const int64_t *values, long count, int places, uint8_t *out);

#endif
