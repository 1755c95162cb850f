import Foundation
import Testing
@testable import KaimenKit

/// Problems a new user ran into, each kept from coming back.
@Suite("What a first user tripped over")
struct ReviewFindingsTests {
    static let rules = """
    { "format": 1, "id": "t", "title": "测试", "issuer": "测试区总工会", "version": "1", "effective": { "from": "2014-01-01" },
      "metrics": [ { "id": "n", "name": "数量", "kind": "count" },
                   { "id": "acc", "name": "重大事故", "kind": "count", "missing": "notAssessable" } ],
      "areas": [ { "id": "a", "name": "方面", "points": 10 } ],
      "standards": [
        { "id": "a.n", "area": "a", "name": "数量", "criteria": "每个1分，最多6分。", "points": 6, "method": "count", "metric": "n", "perUnit": 1 },
        { "id": "a.b", "area": "a", "name": "评议", "criteria": "代表打分。", "points": 4, "method": "ballot" } ],
      "grades": [ { "name": "合格", "min": 6 }, { "name": "不合格" } ],
      "vetoes": [ { "id": "v", "name": "重大事故", "when": "acc > 0", "grade": "不合格" } ],
      "ballots": { "aggregate": "mean", "minBallots": 1 } }
    """

    @Test("a ballots file with only its header is an error, not a silent rescaling")
    func noBallots() {
        let t = TestSession(rules: Self.rules, units: "id,name,n,acc\nU1,甲,3,0\n", ballots: "representative,unit,standard,score\n")
        let d = t.failures().first { $0.code == "no-ballots" }
        #expect(d?.location?.line == 1)
        #expect(d?.message.contains("1 standard by ballot") == true)
    }

    @Test("a veto whose metric is missing is flagged everywhere, and is an error with --strict")
    func vetoUnchecked() throws {
        let units = "id,name,n,acc\nU1,甲,3,\n"
        let ballots = "representative,unit,standard,score\nR1,U1,a.b,2\n"
        let s = try TestSession(rules: Self.rules, units: units, ballots: ballots).run()
        // 3 × 1 + mean(2) = 5: below 合格's 6 anyway; the point is that the veto could not be checked.
        #expect(s.unit("U1").vetoesUnchecked == [0])
        let notes = SummaryExport.table(s).rows[0].map(\.string).joined(separator: "|")
        #expect(notes.contains("一票否决项「重大事故」缺少数据，未能检查"))
        #expect(SessionWarnings.collect(s).contains { $0.hasPrefix("无法检查一票否决项：重大事故（缺少数据）——U1") })
        let strict = TestSession(rules: Self.rules, units: units, ballots: ballots, strict: true).failures()
        #expect(strict.map(\.code) == ["veto-unchecked"])
        #expect(strict.first?.message.contains("unit `U1`") == true)
    }

    @Test("rows of nothing but commas, as Excel leaves them, are blank rows; headers ignore case")
    func blankRowsAndHeaderCase() throws {
        let s = try TestSession(rules: Self.rules, units: "ID,Name,n,acc\nU1,甲,3,0\n,,,\n",
                                ballots: "Representative,Unit,Standard,Score\nR1,U1,a.b,2\n,,,\n").run()
        #expect(s.table.units.map(\.id) == ["U1"])
        #expect(s.unit("U1").total == Rational(5))
    }

    @Test("thousands separators must group by three; `31,75` is not 3175", arguments: [
        ("1,234", "1234"), ("12,345,678", "12345678"), ("1,234.5", "1234.5"),
    ])
    func thousands(_ text: String, _ value: String) {
        #expect(MetricValue.parse(text, kind: .amount) == .value(Rational(decimal: value)!))
    }

    @Test("misgrouped commas are rejected", arguments: ["31,75", "1,23", "1234,567", ",123"])
    func misgrouped(_ text: String) {
        guard case .invalid = MetricValue.parse(text, kind: .count) else {
            Issue.record("`\(text)` was accepted")
            return
        }
    }

    @Test("a GB18030 file saved from a UTF-8 file with a BOM keeps its first column name")
    func gb18030WithBOM() throws {
        // "\u{FEFF}id,name,n,acc\nU1,甲,3,0\n" in GB18030: the BOM becomes 84 31 95 33, 甲 becomes BC D7.
        let bytes: [UInt8] = [0x84, 0x31, 0x95, 0x33] + Array("id,name,n,acc\nU1,".utf8) + [0xBC, 0xD7] + Array(",3,0\n".utf8)
        var t = TestSession(rules: Self.rules, units: "", ballots: "representative,unit,standard,score\nR1,U1,a.b,2\n")
        t.bytes = ["units.csv": Data(bytes)]
        let s = try t.run()
        #expect(s.table.units.first?.name == "甲")
        #expect(s.inputWarnings.contains { $0.code == "gb18030-decoded" })
    }

    @Test("a number too large for exact arithmetic is rounded, never a crash")
    func hugeNumbers() {
        let r = Rational(decimal: "9223372036854775807")! * Rational(decimal: "1000000000000000")!
        #expect(r.approximated)
        #expect(r > Rational(decimal: "9000000000000000000")!)
    }

    @Test("the command line refuses stray arguments and repeated options with exit 64")
    func usage() {
        for args in [["score", "X01", "--rules", "r"], ["score", "--format", "csv", "--format", "json"], ["generate", "--units", "5", "extra"]] {
            let console = BufferConsole()
            #expect(CLI.run(args, console: console) == .usage, "\(args)")
            #expect(console.stderr.hasPrefix("错误："))
            let en = BufferConsole()
            #expect(CLI.run(args + ["--lang", "en"], console: en) == .usage, "\(args)")
            #expect(en.stderr.hasPrefix("error:"))
        }
    }

    @Test("kaimen with no arguments, away from the project folder, says where to run it")
    func defaultAway() {
        let console = BufferConsole(currentDirectory: FileManager.default.temporaryDirectory.path)
        #expect(CLI.run([], console: console) == .failure)
        #expect(console.stderr.contains("请在项目文件夹中运行 kaimen"))
    }
}
