import Foundation
import Testing
@testable import KaimenKit

/// The long form's own pass (`BallotChunk.parseLong`), against the checked reader: row orders,
/// repeated standard ids, quoted cells, line ends, a byte order mark, a missing last line end
/// and recusals.
@Suite("Bulk ballots reader: the long form's own pass reads what the checked reader reads")
struct BulkBallotsLongTests {
    typealias S = BulkBallotsReaderTests
    typealias F = BulkFixtures

    /// The generated wide ballots (`BulkFixtures.generatedUnits` units, recusals among them) as long rows
    /// `unit,representative,standard,score`, one per non-empty score cell, in `order`.
    enum Order { case unitThenRepresentative, unitThenStandard, byRepresentative }

    static func long(_ order: Order, end: String = "\r\n") -> [UInt8] {
        // The generator writes a byte order mark, as spreadsheets do.
        let bytes = F.generated.ballots.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(F.generated.ballots.dropFirst(3)) : F.generated.ballots
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        let repCol = ColumnNames.find(ColumnNames.representative, in: header)!
        let unitCol = ColumnNames.find(ColumnNames.ballotUnit, in: header)!
        let itemCols = header.indices.filter { $0 != repCol && $0 != unitCol }
        var rows: [(unit: String, rep: String, item: Int, text: String)] = []
        for cells in lines {
            for c in itemCols where !cells[c].isEmpty {
                rows.append((cells[unitCol], cells[repCol], c, "\(cells[unitCol]),\(cells[repCol]),\(header[c]),\(cells[c])"))
            }
        }
        switch order {
        case .unitThenRepresentative: break  // the wide file's order
        case .unitThenStandard:
            // Stable: within a unit, by standard, then as before (the peers' files look like this).
            var seen: [String: Int] = [:]
            for r in rows where seen[r.unit] == nil { seen[r.unit] = seen.count }
            rows = rows.enumerated().sorted { a, b in
                (seen[a.element.unit]!, a.element.item, a.offset) < (seen[b.element.unit]!, b.element.item, b.offset)
            }.map(\.element)
        case .byRepresentative:
            rows = rows.enumerated().sorted { ($0.element.rep, $0.offset) < ($1.element.rep, $1.offset) }.map(\.element)
        }
        return Array(((["unit,representative,standard,score"] + rows.map(\.text)).joined(separator: end) + end).utf8)
    }

    @Test("reads the generated units' long rows, within a unit by representative or by standard, recusals included",
          arguments: [Order.unitThenRepresentative, .unitThenStandard])
    func grouped(order: Order) throws {
        let bytes = Self.long(order)
        try S.generated.expectSame(bytes)
        #expect(!S.generated.checked(bytes).box!.recusals.isEmpty)
    }

    @Test("reads long rows out of order (each unit's rows scattered) to the same scores as grouped ones")
    func outOfOrder() throws {
        let scattered = Self.long(.byRepresentative)
        try S.generated.expectSame(scattered)
        let grouped = try #require(S.generated.bulk(Self.long(.unitThenStandard)))
        let other = try #require(S.generated.bulk(scattered, threads: 2, threshold: 0))
        #expect(other.offsets == grouped.offsets && other.scores == grouped.scores && other.scale == grouped.scale)
    }

    @Test("LF or CRLF, with or without a byte order mark, with or without a last line end",
          arguments: ["\n", "\r\n"], [false, true])
    func lineEnds(end: String, bom: Bool) throws {
        let rows = ["representative,unit,standard,score", "R01,X01,rights.ballot,3.5", "R02,X01,rights.ballot,4", "R02,X01,publicity,1.5",
                    "R04,X01,publicity,0.5", "R01,X02,rights.ballot,2"]
        let text = rows.joined(separator: end)
        let prefix: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        try S.xicheng.expectSame(prefix + Array((text + end).utf8))
        try S.xicheng.expectSame(prefix + Array(text.utf8))
        // Empty lines between rows, and at the end.
        try S.xicheng.expectSame(prefix + Array((rows[0] + end + rows[1] + end + end + rows[2] + end + end).utf8))
    }

    @Test("a standard named by its item key on one row and by its standard id on the next is one item")
    func repeatedStandardIDs() throws {
        let item = BallotItem.items(of: F.xicheng).first { $0.key == "publicity" }!
        let id = F.xicheng.standards[item.standard].id
        #expect(id == "publicity.ballot")
        // The same id row after row (the previous-row comparison), then alternating names.
        let text = "representative,unit,standard,score\nR01,X01,\(id),1\nR02,X01,\(id),1.5\nR04,X01,publicity,2\n"
            + "R01,X01,rights.ballot,1\nR02,X01,rights.ballot,1.5\nR01,X02,publicity,2\nR02,X02,\(id),0.5\n"
        try S.xicheng.expectSame(Array(text.utf8))
        // One representative, the same item under both names: a duplicate, handed over.
        S.xicheng.expectHandOver(Array("representative,unit,standard,score\nR01,X01,\(id),1\nR01,X01,publicity,2\n".utf8))
    }

    @Test("columns in any order, with columns of their own: the fields are found wherever they are")
    func columnOrders() throws {
        try S.xicheng.expectSame(Array("score,standard,表号,representative,unit\n3.5,rights.ballot,0001-8,R01,X01\n1,publicity,,R02,X01\n".utf8))
        try S.xicheng.expectSame(Array("standard,unit,score,representative\nrights.ballot,X01,3,R01\nrights.ballot,X02,2,R03\n".utf8))
    }

    @Test("a quoted cell is left to the checked reader, which reads it")
    func quotedCells() throws {
        for text in ["representative,unit,standard,score\nR01,X01,rights.ballot,\"3\"\n",
                     "representative,unit,standard,score\n\"R01\",X01,rights.ballot,3\n",
                     "representative,unit,standard,score,note\nR01,X01,rights.ballot,3,\"a, b\"\n"] {
            let bytes = Array(text.utf8)
            #expect(S.xicheng.checked(bytes).diagnostics.filter { $0.severity == .error }.isEmpty, "\(text)")
            #expect(S.xicheng.bulk(bytes) == nil)
            #expect(S.xicheng.tryRead(bytes) == .quotedCell)
        }
    }

    @Test("recusals in long rows keep the checked reader's lines and columns, the representative in any column")
    func recusals() throws {
        // R03 belongs to X02.
        let text = "standard,score,unit,representative\r\nrights.ballot,3,X02,R03\r\nrights.ballot,3,X01,R03\r\npublicity,1.5,X02, R03\r\n"
        try S.xicheng.expectSame(Array(text.utf8))
        let bulk = try #require(S.xicheng.bulk(Array(text.utf8)))
        #expect(bulk.recusals.map(\.location.line) == [2, 4])
        // `rights.ballot,3,X02,` is 20 scalars, `publicity,1.5,X02,` 18: the representative's
        // cells start at columns 21 and 19 (the space before ` R03` is in the cell).
        #expect(bulk.recusals.map(\.location.column) == [21, 19])
    }
}
