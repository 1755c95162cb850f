import Foundation
import Testing
@testable import KaimenKit

@Suite("Numbers typed with a Chinese input method")
struct TypedNumberTests {
    @Test("full-width digits, point, comma and percent read as the numbers they are",
          arguments: [("１２８０", MetricDefinition.Kind.count, "1280"), ("３．５", .number, "3.5"), ("８５％", .rate, "0.85"),
                      ("１，２３４", .amount, "1234"), ("－２", .number, "-2"), ("１", .flag, "1")])
    func fullWidth(_ text: String, _ kind: MetricDefinition.Kind, _ value: String) {
        #expect(MetricValue.parse(text, kind: kind) == .value(Rational(decimal: value)!))
    }

    /// Worked by hand: only spaces, tabs, line breaks, ideographic and no-break spaces come off,
    /// and only at the ends; a combining mark after a leading space stays (it is text).
    @Test("cells are trimmed of blanks at both ends, scalar by scalar", arguments: [
        ("  12 ", "12"), ("\u{3000}８５％\u{A0}", "８５％"), ("\t\r\n", ""), ("", ""), ("a b", "a b"),
        (" \u{301}x ", "\u{301}x"), ("x\r\n", "x"), ("\u{3000}\u{3000}事业单位", "事业单位"),
    ])
    func trimming(_ cell: String, _ trimmed: String) {
        #expect(cell.trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
        #expect(cell[...].trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
    }

    /// A comma is a thousands separator only as a character of its own: with a combining mark
    /// it is text, and the cell is simply not a number (no hint about grouping).
    @Test("a padded, grouped number reads; a comma with a combining mark is not a separator")
    func commas() {
        #expect(" 1,234.5 ".trimmingSpaces() == "1,234.5")
        #expect(MetricValue.parse(" 1,234.5 ", kind: .number) == .value(Rational(decimal: "1234.5")!))
        guard case .invalid(_, let hint) = MetricValue.parse("3,\u{301}260", kind: .number) else {
            Issue.record("read as a number")
            return
        }
        #expect(hint == nil)
    }

    @Test("a unit, a space inside or a Chinese full stop is an error whose hint says what to change",
          arguments: [("3.5分", "去掉 `分`，只写数字：`3.5`", "remove `分` and write the number alone: `3.5`"),
                      ("90.8 %", "去掉中间的空格：`90.8%`", "remove the space inside: `90.8%`"),
                      ("1。5", "把 `。` 换成 `.`：`1.5`", "replace `。` with `.`: `1.5`"),
                      ("１２８人", "去掉 `人`，只写数字：`128`", "remove `人` and write the number alone: `128`"),
                      // 万, 千, 亿 are factors: dropping them would make the value far too small.
                      ("185.64万", "`万` 是乘以 10000，不能直接去掉：写成 `1856400`", "`万` means × 10000 and cannot simply be dropped: write `1856400`"),
                      ("1,234.5万元", "`万` 是乘以 10000，不能直接去掉：写成 `12345000`", "`万` means × 10000 and cannot simply be dropped: write `12345000`"),
                      ("￥3千", "`千` 是乘以 1000，不能直接去掉：写成 `3000`", "`千` means × 1000 and cannot simply be dropped: write `3000`"),
                      ("1.5亿", "`亿` 是乘以 100000000，不能直接去掉：写成 `150000000`", "`亿` means × 100000000 and cannot simply be dropped: write `150000000`"),
                      ("2.5百万", "`百万` 是乘以 1000000，不能直接去掉：写成 `2500000`", "`百万` means × 1000000 and cannot simply be dropped: write `2500000`"),
                      ("0.00005万", "`万` 是乘以 10000，不能直接去掉：写成 `0.5`", "`万` means × 10000 and cannot simply be dropped: write `0.5`"),
                      // The comma is right here: the hint is about the `人`, not about commas.
                      ("1,236人", "去掉 `人`，只写数字：`1,236`", "remove `人` and write the number alone: `1,236`"),
                      // One comma where a point was meant, typed either way: the fix itself.
                      ("3，5", "小数请用小数点：把 `，` 换成 `.`，写成 `3.5`；逗号只能分隔千位（`1,234`）",
                       "write decimals with a point: replace `，` with `.`, as `3.5`; commas may only separate thousands (`1,234`)"),
                      ("12,5%", "小数请用小数点：把 `,` 换成 `.`，写成 `12.5%`；逗号只能分隔千位（`1,234`）",
                       "write decimals with a point: replace `,` with `.`, as `12.5%`; commas may only separate thousands (`1,234`)")])
    func hints(_ text: String, _ zh: String, _ en: String) {
        guard case .invalid(let message, let hint) = MetricValue.parse(text, kind: .number) else {
            Issue.record("`\(text)` was read as a number")
            return
        }
        #expect(message.en == "`\(text)` is not a number")
        #expect(message.zh == "`\(text)` 不是数字")
        #expect(hint == Localized(zh: zh, en: en))
    }

    /// Worked by hand: the point moved right, never through floating point.
    @Test("a number times a power of ten, on its digits", arguments: [
        ("185.64", 4, "1856400"), ("0.00005", 4, "0.5"), ("-2.5", 4, "-25000"), ("+007", 3, "7000"), ("5.", 4, "50000"),
        (".5", 4, "5000"), ("1,234.5678", 2, "123456.78"), ("0", 8, "0"), ("1.2.3", 4, nil), ("1a", 4, nil), ("", 4, nil), (".", 4, nil),
    ] as [(String, Int, String?)])
    func shifted(_ number: String, _ places: Int, _ expected: String?) {
        #expect(TypedNumber.shifted(number, by: places) == expected)
    }

    /// Where a point would not make a number of the cell, or the commas could be anything,
    /// the advice stays general: a count cannot be 3.5, and `1,2,3` has two commas.
    @Test("commas that no single change mends get the general advice on commas",
          arguments: [("3,5", MetricDefinition.Kind.count), ("1,2,3", .number), ("1.5,5", .number), ("３，５", .count)])
    func commaAdvice(_ text: String, _ kind: MetricDefinition.Kind) {
        guard case .invalid(_, let hint) = MetricValue.parse(text, kind: kind) else {
            Issue.record("`\(text)` was read as a number")
            return
        }
        #expect(hint == ReaderMessages.commaGrouping)
    }

    /// Found by a secretary's test: `3½` was told to drop the `½` (3, another score) and
    /// `3 5` to become `35` (out of a 0–4 standard's range); `-` and `N/A` got no hint. (In this
    /// long file they are told to delete the row since 0.29.3: `NoScoreMarkTests`.)
    @Test("a ballot's score: a hint never suggests another or an impossible score", arguments: [
        ("3½", "把 `½` 换成 `.5`：`3.5`"), ("½", "把 `½` 换成 `.5`：`0.5`"), ("3 5", "把中间的空格换成小数点：`3.5`"),
        ("3.5%", "去掉 `%`，只写数字：`3.5`"), ("-", "代表没有给这一项打分的，删去这一行即可（选票中 `-` 不表示未打分；长表的每一行记一个分数）"),
        ("N/A", "代表没有给这一项打分的，删去这一行即可（选票中 `N/A` 不表示未打分；长表的每一行记一个分数）"),
    ])
    func ballotHints(_ typed: String, _ hint: String) throws {
        let csv = "representative,unit,standard,score\nR01,X01,rights.ballot,\(typed)\n"
        let r = try Self.xichengBallots(csv)
        let d = try #require(r.diagnostics.first { $0.code == "invalid-score" })
        #expect(d.hintText?.zh == hint, "\(d.rendered(.zh))")
    }

    /// Found by a review: on a standard worth 10 or more, `8 5` may be 85 or 8.5.
    @Test("a space inside a number that reads two valid ways gets a hint naming both")
    func spaceEitherWay() {
        let hint = TypedNumber.hint(for: "8 5") { Rational(decimal: $0).map { $0 <= Rational(100) } ?? false }
        #expect(hint?.zh == "中间有空格：是 `85` 还是 `8.5`？核对原表后照写")
    }

    @Test("a ballot's score with a fraction sign or a space that no change makes a valid score gets no hint", arguments: ["4½", "3⅓", "½3", "3 7", "2 5 1"])
    func noBallotHint(_ typed: String) throws {
        let csv = "representative,unit,standard,score\nR01,X01,rights.ballot,\(typed)\n"
        let r = try Self.xichengBallots(csv)
        let d = try #require(r.diagnostics.first { $0.code == "invalid-score" || $0.code == "score-out-of-range" })
        #expect(d.hintText == nil || d.code == "score-out-of-range", "\(d.rendered(.zh))")
    }

    /// Found by a secretary's test: `x01` in the units file made every ballot's `X01` unknown,
    /// with the hint "是不是 `x01`" on each, as if every ballot were wrong.
    @Test("an id that differs only in case from a known one gets a hint saying so")
    func caseOnlyHint() throws {
        let r = try Self.xichengBallots("representative,unit,standard,score\nr01,X01,rights.ballot,3\nR01,x01,rights.ballot,3\n")
        let rep = try #require(r.diagnostics.first { $0.code == "unknown-representative" })
        #expect(rep.hintText?.zh == "是不是 `R01`？编号只差大小写，各处要写得一模一样")
        let unit = try #require(r.diagnostics.first { $0.code == "unknown-unit" })
        #expect(unit.hintText?.zh.hasPrefix("是不是 `X01`？编号只差大小写") == true, "\(unit.rendered(.zh))")
    }

    /// `csv` read as ballots against the Xicheng sample (rights.ballot is worth 4, step 0.5).
    static func xichengBallots(_ csv: String) throws -> (box: BallotBox?, diagnostics: [Diagnostic]) {
        let root = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let rules = try RulesLoader(readFile: { try RulesLoader.text(Data(contentsOf: URL(fileURLWithPath: $0)), path: $0) })
            .load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let units = try #require(UnitsReader(rules: rules).read(Data(contentsOf: root.appendingPathComponent("units.csv")), fileName: "units.csv").table).units
        let reps = try #require(RosterReader.read(Data(contentsOf: root.appendingPathComponent("roster.csv")), fileName: "roster.csv", units: units).reps)
        return BallotsReader(rules: rules, units: units, representatives: reps).read(Data(csv.utf8), fileName: "ballots.csv")
    }

    @Test("text that is no number at all gets no made-up hint")
    func noHint() {
        #expect(MetricValue.parse("很多", kind: .count) == .invalid(message: Localized(zh: "`很多` 不是数字", en: "`很多` is not a number"), hint: nil))
    }

    /// The good input set, typed in full-width forms: same results, by both engines.
    @Test("full-width units and ballots score exactly as their ASCII forms, in the checked and the bulk engine")
    func sameResults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-fullwidth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let units = """
            id,name,category,enterprises,contracts,card_rate,congress,members,survey_score
            U1,甲工会,企业,１０,１０,９０％,１,８０,１．５
            U2,乙工会,机关,２０,１８,０．５,０,,
            U3,丙工会,企业,０,０,１,是,１００,２
            """
        let ballots = try String(contentsOfFile: InputFixtures.good("ballots.csv"), encoding: .utf8)
            .replacingOccurrences(of: "2.5", with: "２．５").replacingOccurrences(of: "0.5", with: "０．５").replacingOccurrences(of: ",3\n", with: ",３\n")
        #expect(ballots.contains("２．５"))
        try units.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        try ballots.write(to: dir.appendingPathComponent("ballots.csv"), atomically: true, encoding: .utf8)
        let typed = try ScoringSession.run(InputFixtures.inputs(units: dir.appendingPathComponent("units.csv").path,
                                                                ballots: dir.appendingPathComponent("ballots.csv").path))
        let plain = try ScoringSession.run(InputFixtures.inputs())
        #expect(InputFixtures.outcome(typed) == InputFixtures.outcome(plain))
        func cli(_ units: String, _ ballots: String, engine: String) -> String {
            let console = BufferConsole()
            _ = CLI.run(["score", "--rules", InputFixtures.rules, "--units", units, "--roster", InputFixtures.good("roster.csv"),
                         "--ballots", ballots, "--engine", engine, "--format", "csv", "--quiet"], console: console)
            return console.stdout
        }
        let expected = cli(InputFixtures.good("units.csv"), InputFixtures.good("ballots.csv"), engine: "exact")
        #expect(!expected.isEmpty)
        #expect(cli(dir.appendingPathComponent("units.csv").path, dir.appendingPathComponent("ballots.csv").path, engine: "fast") == expected)
    }

    /// Found by a secretary's trial: a typed (wide) sheet's score out of range named the
    /// standard by its id (`publicity`), which the sheet never shows, where a score that is
    /// not a number named it by the column the typist filled.
    @Test("a wide sheet's score out of range names the standard by its column, as a score that is not a number does")
    func wideNamesColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-wide-range-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let typed = try String(contentsOf: sample.appendingPathComponent("typed-b.csv"), encoding: .utf8)
        try #require(typed.contains("\nR05,X02,3,1.5,"))
        let file = dir.appendingPathComponent("typed.csv")
        try typed.replacingOccurrences(of: "\nR05,X02,3,1.5,", with: "\nR05,X02,3,9,").write(to: file, atomically: true, encoding: .utf8)
        let inputs = ScoringSession.Inputs(rules: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                           units: sample.appendingPathComponent("units.csv").path,
                                           roster: sample.appendingPathComponent("roster.csv").path, ballots: file.path)
        let d = try #require(InputFixtures.problems(inputs).first { $0.code == "score-out-of-range" })
        #expect(d.text.zh == "`R05` 给 `X02` 在 `宣传教育工作总体评价（职工代表评分）` 上的分数 9 不在 0–2 之间", "\(d.text.zh)")
    }

    @Test("a ballot score with 分 after it is an error with the hint, in both languages")
    func ballotHint() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-score-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ballots = try String(contentsOfFile: InputFixtures.good("ballots.csv"), encoding: .utf8).replacingOccurrences(of: "R2,U1,vote,2.5", with: "R2,U1,vote,2.5分")
        let file = dir.appendingPathComponent("ballots.csv")
        try ballots.write(to: file, atomically: true, encoding: .utf8)
        let problems = InputFixtures.problems(InputFixtures.inputs(ballots: file.path))
        let d = try #require(problems.first { $0.code == "invalid-score" })
        #expect(d.rendered(.zh).contains("ballots.csv 第 3 行 D 列（score）：错误：`R2` 给 `U1` 在 `vote` 上的分数 `2.5分` 不是数字；去掉 `分`，只写数字：`2.5`"))
        #expect(d.rendered(.en).contains("ballots.csv row 3, column D (score): error: score `2.5分` (by `R2` for `U1` on `vote`) is not a number; remove `分` and write the number alone: `2.5`"))
    }

    /// A decimal comma in a ballot score, typed either way; a comma after the point has no fix.
    @Test("a ballot score with a comma for its point gets the fix; one with a comma after the point, none")
    func ballotComma() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-score-comma-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try String(contentsOfFile: InputFixtures.good("ballots.csv"), encoding: .utf8)
        #expect(good.contains("R2,U1,vote,2.5"))
        for (typed, hint) in [("2，5", "；小数请用小数点：把 `，` 换成 `.`，写成 `2.5`；逗号只能分隔千位（`1,234`）"),
                              ("\"2,5\"", "；小数请用小数点：把 `,` 换成 `.`，写成 `2.5`；逗号只能分隔千位（`1,234`）"),
                              ("\"2.5,0\"", nil)] {
            let file = dir.appendingPathComponent("ballots.csv")
            try good.replacingOccurrences(of: "R2,U1,vote,2.5", with: "R2,U1,vote,\(typed)").write(to: file, atomically: true, encoding: .utf8)
            let problems = InputFixtures.problems(InputFixtures.inputs(ballots: file.path))
            let d = try #require(problems.first { $0.code == "invalid-score" }, "\(typed)")
            let cell = typed.replacingOccurrences(of: "\"", with: "")
            let head = "ballots.csv 第 3 行 D 列（score）：错误：`R2` 给 `U1` 在 `vote` 上的分数 `\(cell)` 不是数字"
            if let hint {
                #expect(d.rendered(.zh).contains(head + hint))
            } else {
                #expect(d.rendered(.zh).contains(head))
                #expect(!d.rendered(.zh).contains("换成"))
            }
        }
    }
}
