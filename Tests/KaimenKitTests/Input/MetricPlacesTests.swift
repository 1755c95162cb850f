import Foundation
import Testing
@testable import KaimenKit

/// A unit table keeps where each metric value was read (for the messages that name a cell
/// after reading, such as a ratio above one) in a short form: a line and column a cell, the
/// spreadsheet row a unit, the column and header a metric. These tests check that the short
/// form answers what the whole places said, read back from the CSV table, and by hand.
@Suite("Where a unit's metric values were read (MetricPlaces)")
struct MetricPlacesTests {
    static let rules = RulesText.make(
        metrics: RulesText.metric("n") + ", " + RulesText.metric("m", missing: "zero") + ", " + RulesText.metric("k", missing: "zero"),
        areas: RulesText.area("a", points: "10"),
        standards: RulesText.standard("a.n", area: "a", points: "10", #""method": "count", "metric": "n", "perUnit": 1"#))

    static func load(_ text: String) throws -> Rules {
        try RulesLoader(readFile: { _ in text }).load("rules.jsonc").rules
    }

    static func read(_ text: String, file: String = "units.csv") throws -> (UnitTable, [Diagnostic]) {
        let rules = try load(Self.rules)
        let read = UnitsReader(rules: rules).read(Data(text.utf8), fileName: file)
        return (try #require(read.table), read.diagnostics)
    }

    // A quoted name over two lines moves the later rows' lines but not their spreadsheet rows;
    // the full-width name moves the columns by characters, not bytes; `k` has no column; U2 is
    // there twice (the second row is not a unit).
    static let csv = "id,name,m,n\nU1,\"甲\n乙\",3,4\nU2,全角名称,5,6\nU2,重复,7,8\nU3,丙,,9\n"

    @Test("a CSV file's places: every cell as the table locates it, and two worked by hand")
    func csvPlaces() throws {
        let (table, _) = try Self.read(Self.csv)
        let parsed = try #require(CSVReader.read(Data(Self.csv.utf8), fileName: "units.csv").table)
        #expect(table.units.map(\.id) == ["U1", "U2", "U3"])
        // Units 0, 1, 2 are the CSV's rows 0, 1, 3; metrics n, m, k are its columns 3, 2 and none.
        for (u, row) in [0, 1, 3].enumerated() {
            #expect(table.location(metric: 0, unit: u) == parsed.location(row: row, column: 3))
            #expect(table.location(metric: 1, unit: u) == parsed.location(row: row, column: 2))
            // No column for k: the unit's own place (its id cell).
            #expect(table.places.location(metric: 2, unit: u) == nil)
            #expect(table.location(metric: 2, unit: u) == parsed.location(row: row, column: 0))
        }
        // U2's n: line 4 (the name took two), spreadsheet row 3, column D, after `U2,全角名称,5,`.
        let n2 = table.location(metric: 0, unit: 1)
        #expect(n2 == SourceLocation(file: "units.csv", line: 4, column: 11, cell: CellPosition(row: 3, column: 3, header: "n")))
        #expect(n2.rendered(.zh) == "units.csv 第 3 行 D 列（n）")
        // U3's m is an empty cell: still a place, where the cell would start (at the comma that ends it).
        #expect(table.location(metric: 1, unit: 2) == SourceLocation(file: "units.csv", line: 6, column: 6, cell: CellPosition(row: 5, column: 2, header: "m")))
    }

    @Test("a JSON file's places: each value's own line and column, none where a unit lacks the key")
    func jsonPlaces() throws {
        let json = """
        { "units": [
          { "id": "U1", "name": "甲", "metrics": { "n": 4, "m": 3 } },
          { "id": "U2", "name": "乙",
            "n": 6 }
        ] }
        """
        let (table, _) = try Self.read(json, file: "units.json")
        #expect(table.location(metric: 0, unit: 0) == SourceLocation(file: "units.json", line: 2, column: 48))
        #expect(table.location(metric: 1, unit: 0) == SourceLocation(file: "units.json", line: 2, column: 56))
        #expect(table.location(metric: 0, unit: 1) == SourceLocation(file: "units.json", line: 4, column: 10))
        // U2 has no m: the unit's own place (its object).
        #expect(table.places.location(metric: 1, unit: 1) == nil)
        #expect(table.location(metric: 1, unit: 1) == SourceLocation(file: "units.json", line: 3, column: 3))
    }

    @Test("a ratio above one is reported at its cell after the table is made")
    func ratioAtItsCell() throws {
        let rules = try Self.load(RulesText.make(
            metrics: RulesText.metric("due") + ", " + RulesText.metric("done"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("a.r", area: "a", points: "10", """
                "method": "bands", "ratio": { "numerator": "done", "denominator": "due", "zero": 0, "maxOne": true },
                "bands": [ { "min": 0.9, "points": 10 } ]
                """)))
        let text = "id,name,due,done\nU1,甲,10,9\nU2,\"乙\n二\",10,12\n"
        let read = UnitsReader(rules: rules).read(Data(text.utf8), fileName: "units.csv")
        let e = try #require(read.diagnostics.first { $0.code == "ratio-above-one" })
        #expect(e.location == SourceLocation(file: "units.csv", line: 4, column: 7, cell: CellPosition(row: 3, column: 3, header: "done")))
    }

    @Test("a ratio above one whose numerator has no column (missing as zero, over a negative denominator) is reported at the unit's id")
    func ratioWithoutItsColumn() throws {
        // Found by review: the place of a metric without a column was the unit's id until the
        // places were kept short, then none, and the message lost its place.
        let rules = try Self.load(RulesText.make(
            metrics: RulesText.metric("due", "number") + ", " + RulesText.metric("done", missing: "zero"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("a.r", area: "a", points: "10", """
                "method": "bands", "ratio": { "numerator": "done", "denominator": "due", "zero": 0, "maxOne": true },
                "bands": [ { "min": 0.9, "points": 10 } ]
                """)))
        let csv = UnitsReader(rules: rules).read(Data("id,name,due\nU1,甲,10\nU2,乙,-2\n".utf8), fileName: "units.csv")
        let e = try #require(csv.diagnostics.first { $0.code == "ratio-above-one" })
        #expect(e.location == SourceLocation(file: "units.csv", line: 3, column: 1, cell: CellPosition(row: 3, column: 0, header: "id")))
        let json = UnitsReader(rules: rules).read(Data(#"[ { "id": "U1", "name": "甲", "due": 10 },\#n  { "id": "U2", "name": "乙", "due": -2 } ]"#.utf8),
                                                  fileName: "units.json")
        let j = try #require(json.diagnostics.first { $0.code == "ratio-above-one" })
        #expect(j.location == SourceLocation(file: "units.json", line: 2, column: 3))
    }

    @Test("places that do not fit the short form are kept whole")
    func kept() {
        var places = MetricPlaces(file: "units.csv", columns: [(index: 2, header: "n"), nil])
        let far = SourceLocation(file: "units.csv", line: 5_000_000_000, column: 3, cell: CellPosition(row: 5_000_000_000, column: 2, header: "n"))
        var row = MetricPlaces.Row(sheetRow: 2, metrics: 2)
        row.append(line: 2, column: 4, whole: far)
        row.appendAbsent()
        #expect(row.whole.isEmpty)
        places.append(row)
        // A spreadsheet row past 32 bits: its places are kept whole, line and column short or not.
        row = MetricPlaces.Row(sheetRow: 5_000_000_000, metrics: 2)
        row.append(line: 7, column: 1, whole: far)
        row.appendAbsent()
        #expect(row.cells == [.absent, .absent] && row.whole == [0: far])
        places.append(row)
        #expect(MetricPlaces.LineColumn(line: 5_000_000_000, column: 1) == nil)
        #expect(places.location(metric: 0, unit: 0) == SourceLocation(file: "units.csv", line: 2, column: 4, cell: CellPosition(row: 2, column: 2, header: "n")))
        #expect(places.location(metric: 1, unit: 0) == nil)
        #expect(places.location(metric: 0, unit: 1) == far)
        #expect(places.location(metric: 1, unit: 1) == nil)

        // Places given whole (a rules file's test unit) come back as given.
        let given = SourceLocation(file: "rules.jsonc", line: 40, column: 7)
        let whole = MetricPlaces([[given], [nil], [far]])
        #expect(whole.location(metric: 0, unit: 0) == given)
        #expect(whole.location(metric: 1, unit: 0) == nil)
        #expect(whole.location(metric: 2, unit: 0) == far)

        // A JSON row's place in another file, or with a cell, is kept whole too.
        let odd = MetricPlaces.Row([given, nil], file: "units.json")
        #expect(odd.cells == [.absent, .absent] && odd.whole[0] == given)
        let plain = MetricPlaces.Row([SourceLocation(file: "units.json", line: 3, column: 9), nil], file: "units.json")
        #expect(plain.cells == [MetricPlaces.LineColumn(line: 3, column: 9)!, .absent] && plain.whole.isEmpty)
    }
}
