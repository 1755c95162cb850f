#if canImport(Glibc)
import Glibc
#endif

/// How the process's allocator keeps freed memory: set once by the executable, before any work.
public enum ProcessMemory {
    /// Keeps freed blocks below 32 MiB with the allocator for the next stage, instead of
    /// giving them back to the kernel.
    ///
    /// By default glibc maps each block above a threshold that adapts (up to 32 MiB) on its
    /// own and unmaps it when it is freed, and gives back the heap's top when that is freed.
    /// A large session's stages each allocate and free blocks the size of a column, so every
    /// page of each was faulted in afresh: a quarter of a million page faults for a million
    /// units. With these two settings the pages are reused: about 63 000 fewer faults and
    /// a tenth of a second less system time, for 21 MB more at the peak (Benchmarks/README.md,
    /// "Session 17"). Blocks of 32 MiB and more are still mapped and unmapped on their own.
    ///
    /// `mallopt` is glibc's (`malloc.h`, which Swift's Glibc module leaves out), so it is
    /// looked up by name; elsewhere, or when it is not found, nothing changes. Returns whether
    /// both settings were taken.
    @discardableResult
    public static func keepFreedBlocks() -> Bool {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let mallopt: Mallopt = systemFunction("mallopt") else { return false }
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        let mapped = mallopt(mmapThreshold, 32 << 20), trimmed = mallopt(trimThreshold, Int32.max)
        return mapped == 1 && trimmed == 1
        #else
        return false
        #endif
    }
}
