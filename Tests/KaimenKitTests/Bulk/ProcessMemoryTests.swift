#if canImport(Glibc)
import Foundation
import Glibc
import Synchronization
import Testing
@testable import KaimenKit

/// `ProcessMemory.keepFreedBlocks()`: a block freed by one stage is reused by the next without
/// its pages being faulted in again. Page faults are counted for this thread only
/// (`RUSAGE_THREAD`), so other tests running at the same time do not count. (The settings stay
/// for the rest of the test process: they are the executable's own.)
@Suite("Process memory: freed blocks are reused, not faulted in again")
struct ProcessMemoryTests {
    private static func threadFaults() -> Int {
        var usage = rusage()
        // RUSAGE_THREAD (1), which the Glibc module leaves out: it needs _GNU_SOURCE.
        getrusage(__rusage_who_t(1), &usage)
        return usage.ru_minflt
    }

    private static func touch(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        for offset in stride(from: 0, to: bytes, by: 4096) { p.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self) }
    }

    /// The page faults of touching a 16 MiB block allocated right after one of the same size was
    /// touched and freed; `nil` when the allocator has no such block at all.
    private static func faultsOfReallocation(_ bytes: Int) -> Int? {
        guard let first = malloc(bytes) else { return nil }
        touch(first, bytes)
        free(first)
        let before = threadFaults()
        guard let second = malloc(bytes) else { return nil }
        touch(second, bytes)
        let faults = threadFaults() - before
        free(second)
        return faults
    }

    /// `body` on a thread of its own, started for it: its first allocation gives it an arena
    /// no other thread is attached to (glibc makes one, or takes one whose threads have all
    /// ended), so no test running beside it can take the freed block in between.
    private static func onOwnThread(_ body: @escaping @Sendable () -> [Int?]) -> [Int?] {
        final class Result: Sendable { let value = Mutex<[Int?]>([]) }
        let result = Result(), done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let v = body()
            result.value.withLock { $0 = v }
            done.signal()
        }
        thread.start()
        done.wait()
        return result.value.withLock { $0 }
    }

    @Test("the settings are taken, and a 16 MiB block freed and allocated again brings next to no fresh page faults",
          .enabled(if: MemoryLayout<Int>.size == 8, "glibc takes a 32 MiB threshold on 64-bit systems only"))
    func reuse() throws {
        #expect(ProcessMemory.keepFreedBlocks())
        let bytes = 16 << 20, pages = bytes / 4096
        // Unmapped and mapped again (glibc's default for a block this size), each of the 4 096
        // pages would fault, every time; reused, none need to. Another thread sharing the
        // arena could take the freed block in between (in the full suite, on a busy machine,
        // it did three times running; twenty times in 0.4 s while a busy bulk test shared the
        // arena, session 41; every one of a hundred tries in 5 s in session 53's CI): so on a
        // thread of its own, and the best of up to ten.
        let faults = Self.onOwnThread {
            var faults: [Int?] = []
            for attempt in 0 ..< 10 {
                if attempt > 0 { usleep(50_000) }
                faults.append(Self.faultsOfReallocation(bytes))
                if let last = faults.last ?? nil, last < pages / 8 { break }
            }
            return faults
        }.compactMap { $0 }
        #expect(!faults.isEmpty)
        #expect((faults.min() ?? pages) < pages / 8, "\(faults) page faults for \(pages) pages")
    }
}
#endif
