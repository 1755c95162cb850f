import Foundation
import Testing
@testable import KaimenKit

/// Issue 9, item 2: a NUL after a UTF-8 byte order mark was taken in (`事业\0单位` became a new
/// category), ESC and BEL reached the terminal, and `\u0000` from a units JSON reached
/// summary.csv. Now every control character is a located error, tabs and line breaks are
/// allowed only inside quoted text cells, and no message prints one.
@Suite("Control characters in the inputs: located errors, never printed")
struct ControlCharacterTests {
    static let rules = RulesText.make(
        metrics: RulesText.metric("n"),
        areas: RulesText.area("a", points: "10"),
        standards: RulesText.standard("a.n", area: "a", points: "6", #""method": "count", "metric": "n", "perUnit": 1"#)
            + ", " + RulesText.standard("a.b", area: "a", points: "4", #""method": "ballot""#),
        more: #""ballots": { "aggregate": "mean", "minBallots": 1 },"#)
    static let ballots = "representative,unit,standard,score\nR1,U1,a.b,2\nR1,U2,a.b,3\n"

    func failures(units: String, unitsFile: String = "units.csv", roster: String? = nil, ballots: String = Self.ballots,
                  bytes: [String: Data] = [:]) -> [Diagnostic] {
        var t = TestSession(rules: Self.rules, units: units, unitsFile: unitsFile, roster: roster, ballots: ballots)
        t.bytes = bytes
        return t.failures()
    }

    /// No control character in any rendered message, in either language.
    func expectPrintable(_ ds: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for d in ds {
            for text in [d.rendered(.zh), d.rendered(.en)] {
                #expect(!text.unicodeScalars.contains(where: Echo.isControl), "\(text.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("a NUL after a UTF-8 byte order mark is an error at its place, not a new category")
    func nulAfterBOM() {
        let units = Data([0xEF, 0xBB, 0xBF] + Array("id,name,category,n\nU1,甲,企业,1\nU2,乙,事业\0单位,2\n".utf8))
        let d = failures(units: "", bytes: ["units.csv": units])
        #expect(d.map(\.code) == ["control-character"])
        // `U2,乙,事业` is seven characters: the NUL is the eighth, on line 3.
        #expect(d.first.map { [$0.location?.line, $0.location?.column] } == [3, 8])
        #expect(d.first?.location?.file == "/mem/units.csv")
        #expect(d.first?.path == "category")
        #expect(d.first?.message.contains("U+0000 NUL") == true)
        expectPrintable(d)
    }

    @Test("a NUL without a byte order mark is still refused as not text")
    func nulWithoutBOM() {
        let d = failures(units: "id,name,category,n\nU1,甲,事业\0单位,1\n")
        #expect(d.map(\.code) == ["csv-encoding"])
    }

    @Test("a NUL in UTF-16 text is an error at its place")
    func nulInUTF16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "id,name,n\nU1,甲\0乙,1\nU2,丙,2\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let d = failures(units: "", bytes: ["units.csv": Data(bytes)])
        #expect(d.filter { $0.severity == .error }.map(\.code) == ["control-character"])
        #expect(d.first { $0.code == "control-character" }.map { [$0.location?.line, $0.location?.column] } == [2, 5])
    }

    @Test("ESC, BEL, DEL and C1 controls in ids, names and categories are errors, and no message prints them", arguments: [
        "id,name,category,n\nU1,\u{1B}[2J甲,企业,1\nU2,乙,企业,2\n",
        "id,name,category,n\nU1,甲\u{07},企业,1\nU2,乙,企业,2\n",
        "id,name,category,n\nU1\u{7F},甲,企业,1\nU2,乙,企业,2\n",
        "id,name,category,n\nU1,甲,企\u{9B}31m业,1\nU2,乙,企业,2\n",
        "id,name,category,n\nU1,\"甲\u{1B}]0;pwned\u{07}\",企业,1\nU2,乙,企业,2\n",
    ])
    func controls(units: String) {
        let d = failures(units: units)
        #expect(d.contains { $0.code == "control-character" && $0.location?.line == 2 })
        expectPrintable(d)
    }

    @Test("a tab inside an unquoted name is an error; quoted, a tab or line break is kept")
    func tabsAndLineBreaks() throws {
        let bad = failures(units: "id,name,category,n\nU1,甲\t乙,企业,1\nU2,乙,企业,2\n")
        #expect(bad.map(\.code) == ["control-character"])
        #expect(bad.first?.path == "name")
        expectPrintable(bad)
        let s = try TestSession(rules: Self.rules, units: "id,name,category,n\nU1,\"甲\t乙\",企业,1\nU2,\"第一\n第二\",企业,2\n",
                                ballots: Self.ballots).run()
        #expect(s.table.units.map(\.name) == ["甲\t乙", "第一\n第二"])
        // On the terminal the table keeps one line per unit.
        let table = SummaryExport.table(s).text()
        #expect(table.split(separator: "\n").count == 4)
    }

    @Test("an id may hold no tab or line break, even in quotes")
    func layoutInIDs() {
        let d = failures(units: "id,name,n\n\"U\t1\",甲,1\n\"U\n2\",乙,2\n", ballots: "representative,unit,standard,score\nR1,U3,a.b,2\n")
        #expect(d.filter { $0.code == "control-character" }.map(\.location?.line) == [2, 3])
        expectPrintable(d)
    }

    @Test("the roster's ids, names, groups and own units are checked the same way")
    func roster() {
        let roster = "id,name,group,units,role\nR1,代表\u{1B}一,一组,,代表\n\"R\t2\",代表二,一组,,代表\nR3,代表三,一\t组,,代表\nR4,代表四,一组,\"U1\nU2\",代表\n"
        let d = failures(units: "id,name,n\nU1,甲,1\nU2,乙,2\n", roster: roster)
        #expect(d.filter { $0.code == "control-character" }.map(\.path) == ["name", "id", "group", "units"])
        expectPrintable(d)
    }

    @Test("a control character in a ballot is reported, and the unknown id it makes is quoted visibly")
    func ballots() {
        let d = failures(units: "id,name,n\nU1,甲,1\nU2,乙,2\n", ballots: "representative,unit,standard,score\nR1\u{1B}[31m,U1,a.b,2\n")
        #expect(d.map(\.code).contains("control-character"))
        let unknown = d.first { $0.code == "unknown-representative" }
        #expect(unknown?.rendered(.en).contains(#"R1\u{1B}[31m"#) == true)
        expectPrintable(d)
    }

    @Test("a units JSON file: escaped controls are errors at their place; tabs only in names")
    func unitsJSON() {
        let units = """
            { "units": [ { "id": "U1\\u0000", "name": "甲", "n": 1 },
                         { "id": "U2", "name": "乙\\u001b[2J", "n": 2 },
                         { "id": "U\\t3", "name": "丙\\t丁", "category": "企\\n业", "n": 3 } ] }
            """
        let d = failures(units: units, unitsFile: "units.json")
        #expect(d.map(\.code) == ["control-character", "control-character"])
        #expect(d.map(\.location?.line) == [1, 2])
        expectPrintable(d)
        let third = failures(units: "[ { \"id\": \"U\\t3\", \"name\": \"丙\\t丁\", \"category\": \"企\\n业\", \"n\": 3 } ]", unitsFile: "units.json",
                             ballots: "representative,unit,standard,score\n")
        // The category's line break is taken, and warned of (text-line-break, since 0.29.5).
        #expect(third.map(\.code).sorted() == ["control-character", "no-ballots", "text-line-break"])
        #expect(third.first { $0.code == "text-line-break" }?.path == "units[0].category")
        #expect(third.first { $0.code == "control-character" }?.path == "units[0].id")
    }

    @Test("a rules file's text with an escaped control character is an error at the escape")
    func rulesText() {
        let rules = Self.rules.replacingOccurrences(of: #""title": "测试细则""#, with: #""title": "测试\u001b]0;x\u0007细则""#)
        var t = TestSession(rules: rules, units: "id,name,n\nU1,甲,1\n", ballots: Self.ballots)
        t.rules = rules
        let d = t.failures()
        #expect(d.map(\.code) == ["control-character"])
        #expect(d.first?.location?.file == "/mem/rules.jsonc")
        expectPrintable(d)
    }

    @Test("a zero-width space, a byte-order mark or a bidirectional override in a cell is quoted as an escape, so the id plainly differs",
          arguments: [("\u{200B}", "\\u{200B}"), ("\u{202E}", "\\u{202E}"), ("\u{FEFF}", "\\u{FEFF}"), ("\u{2066}", "\\u{2066}")])
    func invisibleCharacters(_ hidden: String, _ shown: String) {
        let units = "id,name,n\nU1,甲,1\nU2,乙,2\n"
        let ballots = Self.ballots.replacingOccurrences(of: ",U1,", with: ",U1\(hidden),")
        var t = TestSession(rules: Self.rules, units: units, ballots: ballots)
        t.units = units
        let d = t.failures()
        #expect(!d.isEmpty, "the id with \(shown) is not U1")
        for diagnostic in d {
            for text in [diagnostic.rendered(.zh), diagnostic.rendered(.en)] {
                #expect(!text.unicodeScalars.contains(where: Echo.isInvisible), "\(text.debugDescription)")
            }
        }
        #expect(d.contains { $0.rendered(.zh).contains("U1" + shown) }, "\(d.map { $0.rendered(.zh) })")
    }

    /// Found by a hostile test: a units file joined from two, the second's byte order mark
    /// before a row, made that row's id `\u{FEFF}X02`, and the only message was a ballot's
    /// unknown `X02` with a suggestion of another unit.
    @Test("a byte order mark after the file's start is an error at its place: before a row, inside a cell, a second one before the header")
    func byteOrderMarkInside() throws {
        for (units, row, column) in [("id,name,n\nU1,甲,1\n\u{FEFF}U2,乙,2\n", 3, 1), ("id,name,n\nU1,甲,1\nU2,乙\u{FEFF},2\n", 3, 2),
                                     ("\u{FEFF}\u{FEFF}id,name,n\nU1,甲,1\nU2,乙,2\n", 1, 1)] {
            let d = failures(units: units)
            let bom = try #require(d.first { $0.code == "control-character" }, "\(units.debugDescription): \(d.map { $0.rendered(.zh) })")
            #expect(bom.location?.line == row && bom.location?.cell?.column == column - 1, "\(units.debugDescription)")
            #expect(bom.rendered(.zh).contains("错误：这里有字节顺序标记 U+FEFF BOM：看不见，只能在文件开头；在这里它成了单元格文字的一部分"))
            #expect(bom.rendered(.en).contains("byte order mark U+FEFF BOM here"))
            expectPrintable(d)
        }
    }

    @Test("the bulk readers hand such files to the checked readers", arguments: [
        "U1,\u{1B}甲,企业", "U1\u{7F},甲,企业", "U1,甲,企\u{85}业", "U1,甲\t乙,企业", "U\t1,甲,企业", "\u{FEFF}U1,甲,企业", "U1,甲\u{FEFF},企业",
    ])
    func bulkHandsOver(row: String) {
        let rules = BulkFixtures.xicheng
        let metrics = rules.metrics.filter { $0.missing == .error }.map(\.id)
        let text = "id,name,category," + metrics.joined(separator: ",") + "\n" + row + "," + metrics.map { _ in "1" }.joined(separator: ",") + "\n"
        #expect(BulkUnitsReader.read(Array(text.utf8), fileName: "units.csv", rules: rules, threads: 1) == nil)
        #expect(!UnitsReader(rules: rules).read(Data(text.utf8), fileName: "units.csv").diagnostics.isEmpty)
    }

    @Test("the bulk roster reader hands over on control characters, and on tabs inside a cell", arguments: [
        "R1,甲\u{1B},\n", "R1\u{7F},甲,\n", "R1,甲\u{9B},\n", "R1,甲\t乙,\n", "R1,甲,\u{0B}\n", "\u{FEFF}R1,甲,\n",
    ])
    func bulkRoster(row: String) {
        BulkRosterReaderTests.expectHandOver(Array(("id,name,units\n" + row).utf8))
    }
}
