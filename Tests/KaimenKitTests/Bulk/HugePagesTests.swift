import Foundation
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

    @Test("columns, tables and scores of 8 MB and more are advised, before they are written",
          .enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage"), "no transparent huge pages here"))
    func advised() throws {
        let n = 1 << 20  // 8 MB of Int64, 4 MB of Int32
        let filled: [Int64] = LargeArray.filled(repeating: 7, count: n)
        #expect(filled.allSatisfy { $0 == 7 })
        #expect(try isAdvised(middle(filled)))
        let names: [String] = LargeArray.filled(repeating: "", count: n)
        #expect(names.allSatisfy { $0.isEmpty })
        #expect(try isAdvised(middle(names)))
        let column: [Int64] = LargeArray.uninitialized(n)
        #expect(try isAdvised(middle(column)))
        let later = LargeArray.make(repeating: Int64(0), count: n, filledLater: true)
        #expect(try isAdvised(middle(later)))
        let store = ScoreStore(capacity: 4 << 20)
        #expect(try isAdvised(UnsafeRawPointer(store.base + (2 << 20))))
    }
}
