import Foundation
import Testing
@testable import KaimenKit

/// The checked readers find the places of a row's cells one from the other; whatever order
/// they are asked in, each is the place counted from its line's start.
@Suite("CSV places found in order equal those counted from the line's start")
struct CSVLocatorTests {
    /// Chinese text, a quoted cell across lines (LF, CRLF and a lone CR), a row short of cells,
    /// a last row without its line end.
    static let text = "编号,名称,人数,备注\r\nU1,甲工会,12,\"两行\n的备注\"\r\nU2,\"乙,工会\",7,说明\rU3,丙,\r\nU4,丁丁丁,9,\"a\r\nb\",多\nU5,戊,3,末"

    @Test("in row order, backwards, and at random, with a header's column past a row's end")
    func anyOrder() throws {
        let table = try #require(CSVReader.read(Data(Self.text.utf8), fileName: "u.csv").table)
        let cells = table.rows.indices.flatMap { r in (0 ..< table.header.count + 1).map { (r, $0) } }
        var rng = SystemRandomNumberGenerator()
        for order in [cells, cells.reversed(), cells.shuffled(using: &rng), cells.shuffled(using: &rng)] {
            var locator = CSVLocator(table)
            for (r, c) in order {
                let counted = table.buffer.location(ofByte: table.start(row: r, column: c))
                let found = locator.location(row: r, column: c)
                #expect(found.line == counted.line && found.column == counted.column, "row \(r), column \(c)")
                #expect(found.cell?.row == table.spreadsheetRows[r] && found.cell?.column == c)
            }
        }
        // By hand: U2's 人数 is on line 4 (U1's quoted 备注 spans lines 2–3), column 11
        // (`U2,"乙,工会",` is 10 characters), spreadsheet row 3; U4's quoted 备注 spans lines
        // 6–7, so the extra cell 多 is on line 7 at column 4 (after `b",`).
        var locator = CSVLocator(table)
        #expect(locator.location(row: 1, column: 2) == SourceLocation(file: "u.csv", line: 4, column: 11, cell: CellPosition(row: 3, column: 2, header: "人数")))
        let extra = locator.location(row: 3, column: 4)
        #expect(extra.line == 7 && extra.column == 4 && extra.cell?.row == 5 && extra.cell?.header == nil)
    }
}
