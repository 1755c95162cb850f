import Foundation
import Testing
@testable import KaimenKit

@Suite("Bulk units reader: the checked reader's values, fast, or a hand-over")
struct BulkUnitsReaderTests {
    typealias F = BulkFixtures

    func bulk(_ bytes: [UInt8], rules: Rules = F.xicheng, threads: Int = 1, threshold: Int = 4 << 20, fileName: String = "units.csv") -> BulkUnitsReader.Result? {
        BulkUnitsReader.read(bytes, fileName: fileName, rules: rules, threads: threads, parallelThreshold: threshold)
    }

    @Test("reads the Xicheng and Dongcheng samples exactly as the checked reader does", arguments: ["xicheng-2014", "dongcheng-2019"])
    func samples(name: String) throws {
        let rules = name == "xicheng-2014" ? F.xicheng : F.dongcheng
        let bytes = F.sample("\(name)/units.csv")
        let checked = F.checkedUnits(bytes, rules: rules)
        #expect(checked.diagnostics.isEmpty)
        let one = try #require(bulk(bytes, rules: rules))
        F.expectSame(one, try #require(checked.table))
        let two = try #require(bulk(bytes, rules: rules, threads: 2, threshold: 0))
        F.expectIdentical(one, two)
    }

    @Test("reads a generated set of units exactly, on one thread or several")
    func generated() throws {
        let bytes = F.generated.units
        let checked = F.checkedUnits(bytes, rules: F.xicheng)
        #expect(checked.diagnostics.isEmpty)
        let one = try #require(bulk(bytes))
        F.expectSame(one, try #require(checked.table))
        for threads in [2, 3, 7] {
            F.expectIdentical(one, try #require(bulk(bytes, threads: threads, threshold: 0)))
        }
        // A value with more decimals than any before it, deep in the file: every earlier value
        // of its column is rescaled, in the current block and in written ones.
        var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let deep = F.generatedUnits * 2 / 3 + 1
        var cells = lines[deep].components(separatedBy: ",")
        let c = lines[0].components(separatedBy: ",").firstIndex(of: "funds_due")!
        cells[c] = "\(cells[c]).125"
        lines[deep] = cells.joined(separator: ",")
        let edited = Array(lines.joined(separator: "\r\n").utf8)
        let rescaled = try #require(bulk(edited))
        F.expectSame(rescaled, try #require(F.checkedUnits(edited, rules: F.xicheng).table))
        #expect(rescaled.columns.scales[F.xicheng.metrics.firstIndex { $0.id == "funds_due" }!] == 3)
        for threads in [2, 3] { F.expectIdentical(rescaled, try #require(bulk(edited, threads: threads, threshold: 0))) }
    }

    /// The Xicheng sample with one cell replaced (row 0 is the first unit).
    func edited(row: Int, column: String, to text: String) -> [UInt8] {
        var lines = String(decoding: F.sample("xicheng-2014/units.csv"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let c = header.firstIndex(of: column)!
        var cells = lines[row + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[c] = text
        lines[row + 1] = cells.joined(separator: ",")
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test("accepts what the checked reader accepts without a word: spaces, percentages, flag words, missing tokens",
          arguments: [("members", " 1200 "), ("members", "1200.0"), ("members", "01200"), ("org_info_rate", "87.5%"), ("org_info_rate", "87.5％"),
                      ("org_info_rate", "1"), ("org_info_rate", ".5"), ("org_info_rate", "0.50"), ("funds_due", "1234.567"),
                      ("funds_due", "-0"), ("five_good_union", "是"), ("five_good_union", "否"), ("five_good_union", "yes"),
                      ("five_good_union", "无"), ("five_good_union", ""), ("honours", "-"), ("honours", "N/A"), ("station_stars", "空"),
                      ("card_application_rate", ""), ("card_application_rate", "—"), ("name", " 某工会 "),
                      ("funds_due", "5."), ("funds_collected", "0.000001")])
    func accepts(column: String, text: String) throws {
        let bytes = edited(row: 2, column: column, to: text)
        let checked = F.checkedUnits(bytes, rules: F.xicheng)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        let one = try #require(bulk(bytes))
        F.expectSame(one, try #require(checked.table))
        F.expectIdentical(one, try #require(bulk(bytes, threads: 2, threshold: 0)))
    }

    @Test("hands over on every cell the checked reader reports",
          arguments: [("members", "-1"), ("members", "1.5"), ("members", "12%"), ("members", "abc"), ("members", "nan"), ("members", ""),
                      ("org_info_rate", "1.2"), ("org_info_rate", "120%"), ("org_info_rate", "-0.1"), ("funds_due", "-5"),
                      ("five_good_union", "2"), ("five_good_union", "1.0"), ("five_good_union", "01"), ("five_good_union", "maybe"),
                      ("id", ""), ("id", "X01"), ("name", ""), ("members", "1 2"), ("members", "12\""),
                      // An empty category among others (a merged cell in Excel).
                      ("category", "")])
    func handsOverOnProblems(column: String, text: String) {
        let bytes = edited(row: 2, column: column, to: text)
        let checked = F.checkedUnits(bytes, rules: F.xicheng)
        #expect(checked.diagnostics.contains { $0.severity == .error }, "the checked reader should object")
        #expect(bulk(bytes) == nil)
        #expect(bulk(bytes, threads: 2, threshold: 0) == nil)
    }

    @Test("hands over on legal input it leaves to the checked reader: exponents, quotes, 10 decimals, long numbers",
          arguments: [("members", "1.2e3"), ("members", "\"1200\""), ("funds_due", "0.0000000001"), ("funds_due", "12345678901234567890"),
                      ("name", "\u{3000}某工会")])
    func handsOverOnRareLegalInput(column: String, text: String) {
        #expect(bulk(edited(row: 2, column: column, to: text)) == nil)
    }

    @Test("hands over on a numerator above its denominator (ratio-above-one)")
    func ratioAboveOne() {
        let bytes = edited(row: 0, column: "members", to: "99999")
        #expect(F.checkedUnits(bytes, rules: F.xicheng).diagnostics.contains { $0.code == "ratio-above-one" })
        #expect(bulk(bytes) == nil)
        #expect(bulk(bytes, threads: 2, threshold: 0) == nil)
    }

    func why(_ bytes: [UInt8], threads: Int = 1, threshold: Int = 4 << 20, fileName: String = "units.csv") -> BulkHandOver? {
        bytes.withUnsafeBufferPointer {
            guard case .failure(let why) = BulkUnitsReader.tryRead($0, fileName: fileName, rules: F.xicheng, threads: threads,
                                                                   parallelThreshold: threshold) else { return nil }
            return why
        }
    }

    /// Since 0.29.7 a value beyond a rule's bound is a reason of its own (`impossibleValue`),
    /// not the generic `unitsRow`: on one thread or two, at 32 and at 64 bits.
    @Test("says why it hands over: impossibleValue for a ratio above one or respondents above the population, unitsRow for a row it does not read")
    func reasons() {
        // X01: 99999 members of 3175 workers (the sample's), a ratio above one; 10 members for
        // 1520 + 520 + 64 = 2104 respondents, a participation above 100%.
        for bytes in [edited(row: 0, column: "members", to: "99999"), edited(row: 0, column: "members", to: "10")] {
            #expect(why(bytes) == .impossibleValue)
            #expect(why(bytes, threads: 2, threshold: 0) == .impossibleValue)
        }
        // A value too wide for 32 bits in X02's row: read again at 64 bits, and still refused.
        let wide = edited(row: 1, column: "funds_due", to: "12345678901")
        #expect(bulk(wide) != nil, "the wide value alone reads")
        var lines = String(decoding: edited(row: 0, column: "members", to: "10"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines[2] = String(decoding: wide, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[2]
        #expect(why(Array(lines.joined(separator: "\n").utf8)) == .impossibleValue)
        #expect(why(edited(row: 2, column: "members", to: "")) == .unitsRow)
        #expect(why(edited(row: 2, column: "members", to: "\"5\"")) == .unitsRow)
        #expect(why(Array("[]".utf8), fileName: "units.json") == .notCSV)
        #expect(why(Array("id,name,bogus\nX01,甲,1\n".utf8)) == .header)
        #expect(why(F.sample("xicheng-2014/units.csv")) == nil)
    }

    @Test("hands over on a survey's respondents above its population (survey-above-population); equal to it, reads on")
    func surveyAbovePopulation() throws {
        // X01 answers 1520 + 520 + 64 = 2104 (the sample's cells): 10 members is below that.
        let bytes = edited(row: 0, column: "members", to: "10")
        #expect(F.checkedUnits(bytes, rules: F.xicheng).diagnostics.map(\.code) == ["survey-above-population"])
        #expect(bulk(bytes) == nil)
        #expect(bulk(bytes, threads: 2, threshold: 0) == nil)
        // 2104 members: exactly 100%, no error, and the byte reader reads it as the checked one does.
        let equal = edited(row: 0, column: "members", to: "2104")
        let checked = F.checkedUnits(equal, rules: F.xicheng)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        F.expectSame(try #require(bulk(equal)), try #require(checked.table))
        // One below: 2104 of 2103.
        #expect(bulk(edited(row: 0, column: "members", to: "2103")) == nil)
        // Amounts at three scales (1, 0.5, 0.25 and 0.26 or 0.25) are compared exactly: 0.5 + 0.25 + 0.25 = 1 of 1 holds,
        // 0.5 + 0.25 + 0.26 = 1.01 of 1 does not.
        let metrics = ["members", "s_yes", "s_basic", "s_no"].map { RulesText.metric($0, "amount") }.joined(separator: ", ")
        let rules = try RulesLoader(readFile: { _ in RulesText.single(points: "3", metrics: metrics, method: """
            "method": "survey", "satisfied": "s_yes", "basic": "s_basic", "dissatisfied": "s_no", "participation": { "population": "members", "min": 0.6 }
            """) }).load("rules.jsonc").rules
        let header = "id,name,members,s_yes,s_basic,s_no\n"
        #expect(bulk(Array((header + "U1,甲,1,0.5,0.25,0.25\nU2,乙,2,1,0,0\n").utf8), rules: rules) != nil)
        #expect(bulk(Array((header + "U1,甲,1,0.5,0.25,0.26\nU2,乙,2,1,0,0\n").utf8), rules: rules) == nil)
    }

    @Test("a metric without its column (all zeros by its missing rule) is the checked reader's, which warns and checks the ratio")
    func ratioWithAbsentSide() throws {
        func without(_ id: String) -> (rules: Rules, bytes: [UInt8]) {
            var rules = F.xicheng
            let m = rules.metrics.firstIndex { $0.id == id }!
            rules.metrics[m].missing = .zero
            var lines = String(decoding: F.sample("xicheng-2014/units.csv"), as: UTF8.self).components(separatedBy: "\n")
            let c = lines[0].components(separatedBy: ",").firstIndex(of: id)!
            for i in lines.indices where !lines[i].isEmpty {
                var cells = lines[i].components(separatedBy: ",")
                cells.remove(at: c)
                lines[i] = cells.joined(separator: ",")
            }
            return (rules, Array(lines.joined(separator: "\n").utf8))
        }
        // No numerator: 0 never exceeds the denominator.
        let a = without("hardship_lifted")
        let checked = F.checkedUnits(a.bytes, rules: a.rules)
        #expect(checked.diagnostics.map(\.code) == ["metric-column-absent"])
        #expect(checked.table != nil)
        #expect(bulk(a.bytes, rules: a.rules) == nil)
        // No denominator: every unit with a numerator above 0 breaks the ratio.
        let b = without("hardship_households")
        #expect(F.checkedUnits(b.bytes, rules: b.rules).diagnostics.contains { $0.code == "ratio-above-one" })
        #expect(bulk(b.bytes, rules: b.rules) == nil)
    }

    @Test("hands over on file-level problems", arguments: [
        "id,name\r\n",                                    // no units
        "",                                               // empty
        "id,name,category\nU1,a\n",                       // ragged: too few
        "id,name,category\nU1,a,b,c\n",                   // ragged: too many
        "id,name,name\nU1,a,b\n",                         // duplicate header
        "id,,name\nU1,a,b\n",                             // blank header
        "name,category\na,b\n",                           // no id column
        "id,category\nU1,b\n",                            // no name column
        "id,name,bogus\nU1,a,1\n",                        // unknown column
    ])
    func fileProblems(text: String) {
        let rules = Self.tinyRules
        #expect(!F.checkedUnits(Array(text.utf8), rules: rules).diagnostics.isEmpty)
        #expect(bulk(Array(text.utf8), rules: rules) == nil)
    }

    @Test("hands over on JSON, UTF-16 and GB18030 files")
    func encodings() {
        let rules = Self.tinyRules
        #expect(bulk(Array("id,name\nU1,a\n".utf8), rules: rules, fileName: "units.json") == nil)
        #expect(bulk(Array("[{\"id\":\"U1\"}]".utf8), rules: rules) == nil)
        #expect(bulk([0xFF, 0xFE] + Array("i\0d\0".utf8), rules: rules) == nil)
        #expect(bulk(Array("id,name\nU1,".utf8) + [0xC4, 0xE3] + Array("\n".utf8), rules: rules) == nil)
        #expect(bulk(Array("id,name\nU1,a\0b\n".utf8), rules: rules) == nil)
        #expect(bulk(Array("id,name\rU1,a\r".utf8), rules: rules) == nil)  // legal, but old Mac line ends are left to the checked reader
    }

    @Test("reads a tiny file with empty lines, no final line end, a BOM and an empty optional metric")
    func tiny() throws {
        let text = "\u{FEFF}\r\nid,name,honours\r\n\r\nU1,a,\r\n\nU2,b,"
        let rules = Self.tinyRules
        let checked = F.checkedUnits(Array(text.utf8), rules: rules)
        #expect(checked.diagnostics.isEmpty)
        let one = try #require(bulk(Array(text.utf8), rules: rules))
        F.expectSame(one, try #require(checked.table))
        #expect(one.identities.lines == [4, 6])
        F.expectIdentical(one, try #require(bulk(Array(text.utf8), rules: rules, threads: 2, threshold: 0)))
    }

    /// The Xicheng rules with one optional metric left.
    static let tinyRules: Rules = {
        var r = F.xicheng
        r.metrics = r.metrics.filter { $0.id == "honours" }
        r.standards = []
        r.bonuses = []
        r.deductions = []
        return r
    }()
}
