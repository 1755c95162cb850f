import Foundation
import Testing
@testable import KaimenKit

/// The wide rows read at once (`plainScores`) and the per-item buckets with their duplicate
/// check, against the checked reader.
@Suite("Bulk ballots reader: wide rows read at once, and the duplicate check")
struct BulkBallotsFastPathTests {
    typealias S = BulkBallotsReaderTests

    /// Three of the Xicheng sample's eight ballot standards read, the other five's columns
    /// after them and empty (a wide file has a column for every ballot standard).
    static let header = "representative,unit,rights.ballot,publicity,safety.ballot" + rest
    static let rest = ",democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot"
    /// A row (or rows) with the five empty cells of `rest` after each.
    static func filled(_ rows: String) -> String { rows.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + ",,,,," }.joined(separator: "\n") }

    @Test("every score shape, on LF and CRLF lines, with and without a last line end", arguments: ["\n", "\r\n"])
    func shapes(end: String) throws {
        let rows = ["R01,X01,2,1.5,0", "R02,X01,2.0,,1.5", "R04,X01, 1 ,0.5,", "R01,X02,3.50,1,1.0", "R02,X02,,,", "R04,X02,3,1.5,2"].map(Self.filled)
        let text = ([Self.header] + rows).joined(separator: end)
        try S.xicheng.expectSame(Array((text + end).utf8))
        try S.xicheng.expectSame(Array(text.utf8))
    }

    @Test("hands over on what the checked reader reports, in a row read at once", arguments: [
        "R01,X01,2,1.5,9",      // above the maximum
        "R01,X01,2,1.3,1",      // off the step
        "R01,X01,2,1.5,1,1,1,1,1,1,1",  // ragged: a cell beyond the header holds something (empty ones beyond it lose nothing)
        "R01,X01,2,1.5",        // short
        "R01,X01,2,x,1",        // not a number
        "R01,X01,2,1.5,1\nR01,X01,1,,",  // a duplicate on the next row
    ])
    func handsOver(row: String) {
        S.xicheng.expectHandOver(Array((Self.header + "\n" + Self.filled(row) + "\n").utf8))
    }

    @Test("a column named by item key and one by its standard are the same item: a header error, handed over, even where each row fills one")
    func sameItemTwice() throws {
        let item = BallotItem.items(of: F.xicheng).first { $0.key == "publicity" }!
        let name = F.xicheng.standards[item.standard].name
        for text in ["representative,unit,publicity,\(name)\nR01,X01,1,\n", "representative,unit,publicity,\(name)\nR01,X01,1,1.5\n"] {
            S.xicheng.expectHandOver(Array(text.utf8))
            #expect(S.xicheng.checked(Array(text.utf8)).diagnostics.map(\.code) == ["standard-column-twice"])
        }
    }

    typealias F = BulkFixtures

    /// The generated session's representatives.
    var reps: [String] {
        String(decoding: F.generated.roster, as: UTF8.self).components(separatedBy: "\r\n").dropFirst()
            .compactMap { $0.split(separator: ",").first.map(String.init) }
    }

    @Test("a unit with more than 64 representatives: the same results, a duplicate found before and after the 64th")
    func manyRepresentatives() throws {
        let session = S.generated
        let unit = session.ids[5], reps = Array(self.reps.prefix(70))
        try #require(reps.count == 70)
        var rows = reps.enumerated().map { k, r in Self.filled("\(r),\(unit),\(k % 3 == 0 ? "" : "2.5"),1,\(k % 2 == 0 ? "0.5" : "")") }
        let header = Self.header
        try session.expectSame(Array(([header] + rows).joined(separator: "\n").utf8))
        // The same representative twice, for different items: no duplicate.
        rows.append(Self.filled("\(reps[0]),\(unit),2,,"))
        try session.expectSame(Array(([header] + rows).joined(separator: "\n").utf8))
        // And for the same item, before and after the 64th: a duplicate.
        for r in [reps[1], reps[69]] {
            session.expectHandOver(Array(([header] + rows + [Self.filled("\(r),\(unit),,0.5,")]).joined(separator: "\n").utf8))
        }
    }
}
