import Foundation
import Testing
@testable import KaimenKit

/// `ProcessMemory.keepFreedBlocks()`: a block freed by one stage is reused by the next without
/// its pages being faulted in again. Page faults are counted for this thread only
/// (`RUSAGE_THREAD`), so other tests running at the same time do not count.
@Suite("Process memory: freed blocks are reused, not faulted in again")
struct ProcessMemoryTests {
    private func threadFaults() -> Int {
        var usage = rusage()
        // RUSAGE_THREAD (1), which the Glibc module leaves out: it needs _GNU_SOURCE.
        getrusage(__rusage_who_t(1), &usage)
        return usage.ru_minflt
    }

    private func touch(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        for offset in stride(from: 0, to: bytes, by: 4096) { p.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self) }
    }

    @Test("the settings are taken, and a 16 MiB block freed and allocated again brings next to no fresh page faults")
    func reuse() throws {
        #expect(ProcessMemory.keepFreedBlocks())
        let bytes = 16 << 20, pages = bytes / 4096
        let first = try #require(malloc(bytes))
        touch(first, bytes)
        free(first)
        let before = threadFaults()
        let second = try #require(malloc(bytes))
        touch(second, bytes)
        let faults = threadFaults() - before
        free(second)
        // Unmapped and mapped again (glibc's default for a block this size), each of the 4 096
        // pages would fault; reused, none need to.
        #expect(faults < pages / 8, "\(faults) page faults for \(pages) pages")
    }
}
