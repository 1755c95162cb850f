import Foundation
import Testing
@testable import KaimenKit

@Suite("Bulk units reader: Int32 columns, and Int64 where a value needs it")
struct BulkWidthTests {
    typealias F = BulkFixtures

    func bulk(_ bytes: [UInt8], threads: Int = 1, threshold: Int = 4 << 20) -> BulkUnitsReader.Result? {
        BulkUnitsReader.read(bytes, fileName: "units.csv", rules: F.xicheng, threads: threads, parallelThreshold: threshold)
    }

    /// The generated units with cells replaced: (row, column, text), row 0 the first unit.
    func edited(_ edits: [(Int, String, String)]) -> [UInt8] {
        var lines = String(decoding: F.generated.units, as: UTF8.self).components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        for (row, column, text) in edits {
            var cells = lines[row + 1].components(separatedBy: ",")
            cells[header.firstIndex(of: column)!] = text
            lines[row + 1] = cells.joined(separator: ",")
        }
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    var fundsDue: Int { F.xicheng.metrics.firstIndex { $0.id == "funds_due" }! }

    /// The checked reader's values, on every thread count; once narrowed (as `BulkRun` does),
    /// every column `Int32` but `wide`. Without `wide`, the columns come narrow already.
    func expectRead(_ bytes: [UInt8], wide: Int?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let checked = try #require(F.checkedUnits(bytes, rules: F.xicheng).table, sourceLocation: sourceLocation)
        let one = try #require(bulk(bytes), sourceLocation: sourceLocation)
        F.expectSame(one, checked, sourceLocation: sourceLocation)
        var narrowed = one.columns
        narrowed.narrowColumns()
        for m in 0 ..< one.columns.metricCount {
            #expect(narrowed.isNarrow(m) == (m != wide), "metric \(m)", sourceLocation: sourceLocation)
            if wide == nil { #expect(one.columns.isNarrow(m), "metric \(m)", sourceLocation: sourceLocation) }
        }
        for threads in [2, 3] {
            F.expectIdentical(one, try #require(bulk(bytes, threads: threads, threshold: 0), sourceLocation: sourceLocation),
                              sourceLocation: sourceLocation)
        }
    }

    @Test("every column of the generated units is stored as Int32")
    func narrow() throws {
        try expectRead(F.generated.units, wide: nil)
    }

    @Test("a value beyond Int32 keeps its column Int64, anywhere in the file",
          arguments: [0, F.generatedUnits / 2, F.generatedUnits - 1])
    func beyondInt32(row: Int) throws {
        try expectRead(edited([(row, "funds_due", "3000000000")]), wide: fundsDue)
    }

    @Test("Int32.max still fits")
    func int32Max() throws {
        try expectRead(edited([(7, "funds_due", "2147483647")]), wide: nil)
    }

    @Test("a value that only outgrows Int32 when its column is rescaled keeps its column Int64",
          arguments: [(10, 20), (20, 10), (10, F.generatedUnits - 10), (F.generatedUnits - 10, 10)])
    func rescaledBeyondInt32(big: Int, decimal: Int) throws {
        try expectRead(edited([(big, "funds_due", "2000000000"), (decimal, "funds_due", "1.5")]), wide: fundsDue)
    }

    @Test("a value that outgrows Int64 when rescaled still hands over")
    func rescaledBeyondInt64() {
        let bytes = edited([(10, "funds_due", "900000000000000000"), (F.generatedUnits * 2 / 3, "funds_due", "1.55")])
        #expect(bulk(bytes) == nil)
        #expect(bulk(bytes, threads: 3, threshold: 0) == nil)
    }
}
