import Testing
@testable import KaimenKit

@Suite("IDTable: built at once, on several threads")
struct IDTableBulkTests {
    /// `ids` as parts of the given sizes.
    func parts(_ ids: [String], sizes: [Int]) -> [(bytes: [UInt8], ends: [Int])] {
        var out: [(bytes: [UInt8], ends: [Int])] = []
        var at = 0
        for n in sizes {
            var part: (bytes: [UInt8], ends: [Int]) = ([], [])
            for id in ids[at ..< at + n] {
                part.bytes += Array(id.utf8)
                part.ends.append(part.bytes.count)
            }
            out.append(part)
            at += n
        }
        return out
    }

    let ids = (0 ..< 20000).map { "U\($0)" } + ["单位甲", "a-much-longer-id-than-eight-bytes-0001"]

    @Test("finds every id at its index, on any thread count", arguments: [1, 2, 3, 4, 64])
    func finds(threads: Int) throws {
        var table = try #require(IDTable.unique(parts(ids, sizes: [7000, 0, 13002]), threads: threads))
        #expect(table.count == ids.count)
        for (i, id) in ids.enumerated() { #expect(table.find(id) == Int32(i)) }
        #expect(table.find("U20000") == nil)
        #expect(table.find("") == nil)
        // Inserting afterwards works as in any table.
        #expect(table.insert("U5") == (5, false))
        #expect(table.insert("new") == (Int32(ids.count), true))
        for (i, id) in ids.enumerated() where i % 97 == 0 { #expect(table.find(id) == Int32(i)) }
        #expect(table.find("new") == Int32(ids.count))
    }

    @Test("refuses a repeated id, within a part or across parts", arguments: [1, 2, 4])
    func repeats(threads: Int) {
        #expect(IDTable.unique(parts(ids + ["U19999"], sizes: [7000, 13003]), threads: threads) == nil)
        #expect(IDTable.unique(parts(ids + ["U3"], sizes: [7000, 13003]), threads: threads) == nil)
        #expect(IDTable.unique(parts(["U3"] + ids, sizes: [1, 20002]), threads: threads) == nil)
        #expect(IDTable.uniqueInOneRegion(parts(ids + ["U3"], sizes: [7000, 13003])) == nil)
    }

    @Test("ids that all fall in one of two regions fill it past half: built in one region instead, the same")
    func unevenRegions() throws {
        // 9 000 ids whose hashes all have their top bit clear: with two threads the table has
        // two regions of 16 384 slots, and the first would take 9 000 keys, over half.
        var ids: [String] = []
        var k = 0
        while ids.count < 9000 {
            let id = "K\(k)"
            k += 1
            let bytes = Array(id.utf8)
            if IDTable.region(bytes.withUnsafeBufferPointer { IDTable.hash($0.baseAddress!, $0.count) }, 1) == 0 { ids.append(id) }
        }
        let table = try #require(IDTable.unique(parts(ids, sizes: [4000, 5000]), threads: 2))
        #expect(table.count == ids.count)
        for (i, id) in ids.enumerated() { #expect(table.find(id) == Int32(i)) }
        #expect(IDTable.unique(parts(ids + [ids[17]], sizes: [4000, 5001]), threads: 2) == nil)
    }

    @Test("one region gives the same indices")
    func oneRegion() throws {
        let table = try #require(IDTable.uniqueInOneRegion(parts(ids, sizes: [7000, 13002])))
        for (i, id) in ids.enumerated() { #expect(table.find(id) == Int32(i)) }
    }
}
