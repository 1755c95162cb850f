#if canImport(Glibc)
import Glibc
#endif

/// Large arrays on 2 MB pages: Linux's transparent huge pages, asked for (`MADV_HUGEPAGE`) on
/// the whole 2 MB pages inside an array before anything is written to it.
///
/// A million units' score table, columns and tables are some 500 MB written once: on 4 KiB
/// pages, each of about 120 000 pages is a fault of its own, and reading the table in rank order
/// misses the address cache at almost every unit. On 2 MB pages the faults are some 500 times
/// fewer and the rank-order reads stay within pages the processor has at hand
/// (Benchmarks/README.md, "Session 38"). Where the system's setting is `never`, or the kernel
/// has no such pages, the advice changes nothing; where it is `always`, it is what happens
/// anyway. An array smaller than 2 MB has no whole page inside it and is left as it is.
enum HugePages {
    static let size = 2 << 20

    /// The whole 2 MB pages inside `bytes` (`nil`: none).
    static func interior(of bytes: UnsafeMutableRawBufferPointer) -> UnsafeMutableRawBufferPointer? {
        guard let p = bytes.baseAddress else { return nil }
        let mask = UInt(size - 1), address = UInt(bitPattern: p)
        let start = (address + mask) & ~mask, end = (address + UInt(bytes.count)) & ~mask
        guard end > start else { return nil }
        return UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: start), count: Int(end - start))
    }

    /// Asks for 2 MB pages for the whole pages inside `bytes`, which nothing has written yet.
    static func advise(_ bytes: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let inside = interior(of: bytes) else { return }
        _ = madvise(inside.baseAddress, inside.count, MADV_HUGEPAGE)
        #endif
    }

    static func advise<T>(_ buffer: UnsafeMutableBufferPointer<T>) { advise(UnsafeMutableRawBufferPointer(buffer)) }
}
