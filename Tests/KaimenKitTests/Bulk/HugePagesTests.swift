import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KaimenKit

/// `HugePages`: which part of an array is advised onto 2 MB pages, and that the large arrays
/// the readers, the scorer and the ranking make are advised (Linux marks such a range `hg` in
/// `/proc/self/smaps`' `VmFlags`, whatever the system's setting; a kernel without transparent
/// huge pages has no such flag, and the second test then checks nothing).
@Suite("Large arrays on 2 MB pages")
struct HugePagesTests {
    private static let mb2 = 2 << 20

    private func interior(_ address: UInt, _ count: Int) -> (start: UInt, count: Int)? {
        let p = UnsafeMutableRawPointer(bitPattern: address)
        return HugePages.interior(of: UnsafeMutableRawBufferPointer(start: p, count: count)).map {
            (UInt(bitPattern: $0.baseAddress), $0.count)
        }
    }

    @Test("the whole 2 MB pages inside a range, and none in one too small or unlucky")
    func wholePages() {
        let base: UInt = 0x7f00_0000_0000  // 2 MB aligned; never dereferenced
        #expect(interior(base, Self.mb2)! == (base, Self.mb2))
        #expect(interior(base + 16, 6 << 20)! == (base + UInt(Self.mb2), 4 << 20))
        #expect(interior(base + 16, 4 << 20)! == (base + UInt(Self.mb2), Self.mb2))
        #expect(interior(base, 5 << 20)! == (base, 4 << 20))
        #expect(interior(base + 16, 4 << 20 - 16)! == (base + UInt(Self.mb2), Self.mb2))
        #expect(interior(base + 16, 4 << 20 - 17) == nil)  // ends one byte before the second page ends
        #expect(interior(base, Self.mb2 - 1) == nil)
        #expect(interior(base + 1, Self.mb2) == nil)
        #expect(interior(base, 0) == nil)
        #expect(HugePages.interior(of: UnsafeMutableRawBufferPointer(start: nil, count: 0)) == nil)
    }

    /// The `VmFlags` of the mapping that holds `address`, from `/proc/self/smaps`.
    private func flags(at address: UnsafeRawPointer) throws -> [String] {
        // Read to its end: a file of /proc has no size to read by.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? file.close() }
        let smaps = String(decoding: try #require(try file.readToEnd()), as: UTF8.self)
        let a = UInt(bitPattern: address)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if let range = fields.first, fields.count >= 5, range.contains("-"), !range.hasSuffix(":") {
                let ends = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = ends.count == 2 && ends[0] <= a && a < ends[1]
            } else if inside, fields.first == "VmFlags:" {
                return fields.dropFirst().map(String.init)
            }
        }
        Issue.record("no mapping holds \(address)")
        return []
    }

    private func isAdvised(_ address: UnsafeRawPointer) throws -> Bool {
        try flags(at: address).contains("hg")
    }

    /// Where the middle of `array`'s elements lies (inside a whole 2 MB page of it: every array
    /// here is at least 8 MB).
    private func middle<T>(_ array: [T]) -> UnsafeRawPointer {
        array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress! + $0.count / 2) }
    }

    @Test("asked for directly, the whole pages of a fresh mapping are advised",
          .enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage"), "no transparent huge pages here"))
    func forced() throws {
        // A mapping of its own (not the allocator's, whose blocks an earlier test may have advised).
        let bytes = 8 << 20
        let p = try #require(mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        defer { munmap(p, bytes) }
        #expect(p != MAP_FAILED)
        #expect(try !isAdvised(p + bytes / 2))
        HugePages.advise(UnsafeMutableRawBufferPointer(start: p, count: bytes), wanted: true)
        #expect(try isAdvised(p + bytes / 2))
        #expect(try isAdvised(p + bytes - 1) == (Int(bitPattern: p) % HugePages.size == 0))
    }

    @Test("columns, tables and scores of 8 MB and more are advised where this machine wants it, before they are written",
          .enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage"), "no transparent huge pages here"))
    func advised() throws {
        let wanted = HugePages.wanted
        let n = 1 << 20  // 8 MB of Int64, 4 MB of Int32
        let filled: [Int64] = LargeArray.filled(repeating: 7, count: n)
        #expect(filled.allSatisfy { $0 == 7 })
        #expect(try isAdvised(middle(filled)) == wanted)
        let names: [String] = LargeArray.filled(repeating: "", count: n)
        #expect(names.allSatisfy { $0.isEmpty })
        #expect(try isAdvised(middle(names)) == wanted)
        let column: [Int64] = LargeArray.uninitialized(n)
        #expect(try isAdvised(middle(column)) == wanted)
        let later = LargeArray.make(repeating: Int64(0), count: n, filledLater: true)
        #expect(try isAdvised(middle(later)) == wanted)
        let store = ScoreStore(capacity: 4 << 20)
        #expect(try isAdvised(UnsafeRawPointer(store.base + (2 << 20))) == wanted)
    }

    /// A sysfs of a few files, in `scratch`.
    private func sysfs(_ files: [String: String], in scratch: ScratchFolder) throws -> String {
        for (path, text) in files {
            let url = scratch.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return scratch.url.path
    }

    @Test("a machine that reports free blocks of 2 MB or less to its host is told by its balloon's features and the reporting order")
    func freePageReporting() throws {
        let balloon = "bus/virtio/drivers/virtio_balloon/virtio0/features", order = "module/page_reporting/parameters/page_reporting_order"
        // This project's host: bit 5 (reporting) set, order 9.
        let host = "0110010100000000000000000000000010000000"
        func reports(_ files: [String: String], pageSize: Int = 4096) throws -> Bool {
            let scratch = ScratchFolder()
            defer { scratch.cleanUp() }
            return HugePages.reportsFreeBlocks(sys: try sysfs(files, in: scratch), pageSize: pageSize)
        }
        #expect(try reports([balloon: host + "\n", order: "9\n"]))
        #expect(try reports([balloon: host]))  // no order said: the kernel's 9
        #expect(try reports([balloon: host, order: "0"]))
        #expect(try !reports([balloon: host, order: "10"]))  // 4 MB blocks: a 2 MB page can come from elsewhere
        #expect(try reports([balloon: host, order: "5"], pageSize: 65_536))  // 2 MB of 64 KiB pages
        #expect(try !reports([balloon: host, order: "9"], pageSize: 65_536))
        #expect(try !reports([balloon: "0110000100000000", order: "9"]))  // a balloon without reporting
        #expect(try !reports([balloon: "01100", order: "9"]))  // too short to say
        #expect(try !reports([order: "9"]))  // no balloon
        #expect(try !reports(["bus/virtio/drivers/virtio_balloon/module/features": host, order: "9"]))  // not a device
        #expect(try !reports([:]))
    }
}
