import Foundation
import Testing
@testable import KaimenKit

/// The long form's quick pass (`BallotChunk.quickRows`): it reads most rows of the usual long
/// files, and whatever a row holds, the reader's result is the checked reader's.
@Suite("Bulk ballots reader: the long form's quick pass")
struct BallotQuickRowsTests {
    typealias S = BulkBallotsReaderTests
    typealias F = BulkFixtures

    /// How many of the file's rows the quick pass read, and how many lines the chunk read, in
    /// one chunk over the whole body; the chunk must not hand over.
    static func quick(_ session: S.Session, _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (quick: Int, lines: Int) {
        try bytes.withUnsafeBufferPointer { p in
            let header = try #require(BulkCSV.header(p), sourceLocation: sourceLocation)
            let cx = try #require(BulkBallotsReader.Context(header: header.names, rules: session.rules, units: (session.index, session.ids),
                                                            roster: session.roster, fileName: "ballots.csv"), sourceLocation: sourceLocation)
            var chunk = BallotChunk(start: header.bodyStart, end: p.count, scale: cx.startScale, keepReps: false)
            chunk.parse(p, cx, release: nil)
            #expect(chunk.handOver == nil, sourceLocation: sourceLocation)
            return (chunk.quickRowsRead, chunk.lineFeeds)
        }
    }

    /// The Xicheng sample's long ballots (`representative,unit,standard,score`, LF), as lines.
    static let sample: [String] = String(decoding: F.sample("xicheng-2014/ballots.csv"), as: UTF8.self)
        .split(separator: "\n").map(String.init)

    /// The lines with the first two columns swapped (`unit,representative,…`, the peers' order).
    static func unitFirst(_ lines: [String]) -> [String] {
        lines.map { line in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false)
            cells.swapAt(0, 1)
            return cells.joined(separator: ",")
        }
    }

    static func bytes(_ lines: [String], end: String = "\n") -> [UInt8] { Array((lines.joined(separator: end) + end).utf8) }

    @Test("reads most rows of the sample quickly, in either column order, on LF and CRLF lines, to the checked reader's result",
          arguments: [false, true], ["\n", "\r\n"])
    func sampleRows(unitFirst: Bool, end: String) throws {
        let lines = unitFirst ? Self.unitFirst(Self.sample) : Self.sample
        let bytes = Self.bytes(lines, end: end)
        try S.xicheng.expectSame(bytes)
        let (quick, read) = try Self.quick(S.xicheng, bytes)
        let rows = lines.count - 1
        #expect(read == rows)
        // Not quick: each unit's first row, the recusals (R03's ballots for X02, …), and the
        // rows in the last 64 bytes.
        #expect(quick > rows * 17 / 20 && quick < rows, "\(quick) of \(rows)")
    }

    @Test("another column order, or a fifth column, is read by the full steps alone")
    func otherOrders() throws {
        let scoreFirst = Self.sample.map { line in
            let c = line.split(separator: ",", omittingEmptySubsequences: false)
            return [c[3], c[0], c[1], c[2]].joined(separator: ",")
        }
        let noted = Self.sample.enumerated().map { $0.element + ($0.offset == 0 ? ",note" : ",") }
        for lines in [scoreFirst, noted] {
            try S.xicheng.expectSame(Self.bytes(lines))
            #expect(try Self.quick(S.xicheng, Self.bytes(lines)).quick == 0)
        }
    }

    /// The sample with line `k` (in the middle, after rows that fill the caches) replaced.
    static func replacing(_ k: Int, unitFirst: Bool, _ change: ([Substring]) -> String) -> [UInt8] {
        var lines = unitFirst ? Self.unitFirst(Self.sample) : Self.sample
        let cells = lines[k].split(separator: ",", omittingEmptySubsequences: false)
        lines[k] = change(cells)
        return bytes(lines)
    }

    @Test("a row the quick pass does not take is read by the full steps as the checked reader reads it",
          arguments: [false, true], [200, 201, 300])
    func otherShapes(unitFirst: Bool, k: Int) throws {
        let variants: [([Substring]) -> String] = [
            { c in " \(c[0]),\(c[1]),\(c[2]),\(c[3])" },           // a space before the first cell
            { c in "\(c[0]) ,\(c[1]),\(c[2]),\(c[3])" },           // after it
            { c in "\(c[0]),\(c[1])  ,\(c[2]),\(c[3])" },          // after the second
            { c in "\(c[0]),\(c[1]),\(c[2]) ,\(c[3])" },           // after the standard
            { c in "\(c[0]),\(c[1]),\(c[2]), \(c[3]) " },          // around the score
            { c in "\(c[0]),\(c[1]),\(c[2]),\(c[3])" + (c[3].contains(".") ? "0" : ".00") },  // more digits
            { c in "\(c[0]),\(c[1]),\(c[2]),\(c[3])" + (c[3].contains(".") ? "" : ".0") },   // d.0
            { c in "\(c[0]),\(c[1]),\(c[2].hasSuffix(".ballot") ? c[2].dropLast(7) : c[2] + ".ballot"),\(c[3])" },  // the other name of the standard
            { c in "\(c[0]),\(c[1]),\(c[2]),\(c[3])\r" },          // one CRLF line among LF lines
        ]
        for (n, change) in variants.enumerated() {
            let bytes = Self.replacing(k, unitFirst: unitFirst, change)
            // Names a standard only by its key (or its id) where the sample has one.
            if n == 7, !S.xicheng.checked(bytes).diagnostics.isEmpty { continue }
            try S.xicheng.expectSame(bytes)
        }
    }

    @Test("a row the checked reader reports hands over, met in the middle of quick rows",
          arguments: [false, true])
    func handsOver(unitFirst: Bool) {
        let k = 200
        let lines = unitFirst ? Self.unitFirst(Self.sample) : Self.sample
        let (repCell, unitCell) = unitFirst ? (1, 0) : (0, 1)
        let changes: [([Substring]) -> String] = [
            { c in "\(c[0]),\(c[1]),\(c[2]),9" },                  // above the maximum
            { c in "\(c[0]),\(c[1]),\(c[2]),1.3" },                // off the step
            { c in "\(c[0]),\(c[1]),\(c[2]),\(c[3]),1" },          // a fifth field
            { c in "\(c[0]),\(c[1]),\(c[3])" },                    // three fields
            { c in "\(c[0]),\(c[1]),\(c[2])," },                   // no score
            { c in var c = c; c[repCell] = "R99"; return c.joined(separator: ",") },   // nobody on the roster
            { c in var c = c; c[unitCell] = "X99"; return c.joined(separator: ",") },  // no such unit
        ]
        for change in changes {
            S.xicheng.expectHandOver(Self.replacing(k, unitFirst: unitFirst, change))
        }
        // The row before, again: the representative's second score for the standard.
        var repeated = lines
        repeated.insert(lines[k], at: k + 1)
        S.xicheng.expectHandOver(Self.bytes(repeated))
    }

    @Test("generated long files, the peers' shape in small: grouped by unit, then standard")
    func generated() throws {
        // The first 30 000 rows (the 168 000 are read through by `BulkBallotsLongTests`); under
        // the sanitizers a fifth (`Fixtures.units`): the checked reader's half of the comparison
        // made this the AddressSanitizer step's last 84 s alone.
        let all = String(decoding: BulkBallotsLongTests.long(.unitThenStandard, end: "\n"), as: UTF8.self)
        let lines = Array(all.split(separator: "\n").prefix(Fixtures.units(30_000) + 1).map(String.init))
        let bytes = Self.bytes(lines)
        try S.generated.expectSame(bytes)
        let swapped = Self.bytes(Self.unitFirst(lines))
        try S.generated.expectSame(swapped)
        for file in [bytes, swapped] {
            let (quick, read) = try Self.quick(S.generated, file)
            // Not quick: each unit's first row, and recusals.
            #expect(quick > read * 9 / 10, "\(quick) of \(read)")
        }
    }

    @Test("ids of one to sixteen bytes are keys that tell them apart; other bytes beyond the id do not count; each is found")
    func shortKeys() {
        let texts = ["1", "9", "11", "R01", "R10", "X01", "rights.ballot", "democracy.ballot", "insurance.ballot", "democracy.ballo",
                     "warmth.ballot", "安全生产", "a name of seventeen", ""]
        var keys: [BallotChunk.ShortIDs.Key] = []
        for t in texts.dropLast(2) {
            let id = Array(t.utf8)
            #expect((1 ... 16).contains(id.count))
            // The id followed by other bytes, as in a row.
            let a = id + Array(",R01,S08,3\n1234567890123456".utf8), b = id + Array(";xyzxyzxyzxyzxyzxyzxyz".utf8)
            let ka = a.withUnsafeBufferPointer { BallotChunk.ShortIDs.key($0.baseAddress!, id.count) }
            let kb = b.withUnsafeBufferPointer { BallotChunk.ShortIDs.key($0.baseAddress!, id.count) }
            #expect(ka == kb, "\(t)")
            keys.append(ka)
        }
        #expect(Set(keys.map { "\($0.low),\($0.high),\($0.count)" }).count == keys.count)
        // Every id found, whatever shares its slot; ids too long or empty left out.
        let table = BallotChunk.ShortIDs(texts.enumerated().map { ($0.element, Int32($0.offset)) })
        for (k, key) in keys.enumerated() { #expect(table.find(key) == Int32(k), "\(texts[k])") }
        let longer = Array("a name of seventeen and more".utf8)
        #expect(longer.withUnsafeBufferPointer { table.find(BallotChunk.ShortIDs.key($0.baseAddress!, 17)) } == -1)
        #expect(table.find(.none) == -1)
        // A table of many: a roster of 5 000.
        let many = BallotChunk.ShortIDs((0 ..< 5000).map { ("R\($0)", Int32($0)) })
        for r in [0, 1, 999, 4999] {
            let id = Array("R\(r)".utf8) + [UInt8](repeating: 0x2C, count: 16)
            #expect(id.withUnsafeBufferPointer { many.find(BallotChunk.ShortIDs.key($0.baseAddress!, "R\(r)".utf8.count)) } == Int32(r))
        }
    }
}
