import Foundation
import Testing
@testable import KaimenKit

/// Every kind of input error, each from a broken file under `Fixtures/inputs/broken/`, with
/// its code, line and column (counted in characters), the column name and the unit or
/// representative it concerns. Positions are counted by hand from the files.
@Suite("Input errors: every kind located, all reported in one run")
struct InputErrorTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var code: String
        var line: Int
        var column: Int
        var path: String?
        /// Texts the message must contain (the unit or representative id, the bad value).
        var mentions: [String]
        var testDescription: String { "\(code) at \(line):\(column)" }
    }

    func check(_ problems: [Diagnostic], file: String, _ e: Expected, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = problems.first {
            $0.code == e.code && $0.location?.line == e.line && $0.location?.file.hasSuffix(file) == true
        }
        guard let d = found else {
            Issue.record("no `\(e.code)` on line \(e.line) of \(file); got:\n\(problems.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
            return
        }
        #expect(d.severity == .error, sourceLocation: sourceLocation)
        #expect(d.location?.column == e.column, "column of \(e.code)", sourceLocation: sourceLocation)
        if let path = e.path { #expect(d.path == path, "path of \(e.code)", sourceLocation: sourceLocation) }
        for m in e.mentions { #expect(d.message.contains(m), "`\(d.message)` should mention `\(m)`", sourceLocation: sourceLocation) }
    }

    // MARK: metric values

    static let valueErrors: [Expected] = [
        // line 3 `U2,乙工会,机关,20,十`: `U2,` 3 + `乙工会,` 4 + `机关,` 3 + `20,` 3 = 13 → column 14
        Expected(code: "invalid-metric", line: 3, column: 14, path: "contracts", mentions: ["U2", "十"]),
        // line 4 `U3,丙工会,企业,NaN`: 3 + 4 + 3 = 10 → column 11
        Expected(code: "invalid-metric", line: 4, column: 11, path: "enterprises", mentions: ["U3", "NaN"]),
        // line 5 `U4,丁工会,企业,5,inf`: 10 + `5,` 2 = 12 → column 13
        Expected(code: "invalid-metric", line: 5, column: 13, path: "contracts", mentions: ["U4", "inf"]),
        // line 6: a negative count, column 13 as above
        Expected(code: "invalid-metric", line: 6, column: 13, path: "contracts", mentions: ["U5", "-3"]),
        // line 7 `U6,己工会,企业,5,3,1.2`: 12 + `3,` 2 = 14 → column 15
        Expected(code: "invalid-metric", line: 7, column: 15, path: "card_rate", mentions: ["U6", "1.2"]),
        // line 8: `120%`, column 15 as above
        Expected(code: "invalid-metric", line: 8, column: 15, path: "card_rate", mentions: ["U7", "120%"]),
        // line 9 `U8,辛工会,企业,10,12`: contracts 12 > enterprises 10; 3 + 4 + 3 + 3 = 13 → column 14
        Expected(code: "ratio-above-one", line: 9, column: 14, path: "contracts", mentions: ["U8", "12", "10"]),
        // line 10 `U9,壬工会,企业,,`: enterprises empty and required; column 11
        Expected(code: "missing-metric", line: 10, column: 11, path: "enterprises", mentions: ["U9"]),
        // line 11: `U9` again, at the id
        Expected(code: "duplicate-unit", line: 11, column: 1, path: "id", mentions: ["U9", "row 10"]),
        // line 12 `U10,癸工会,企业,5,3,0.5,maybe`: 4 + 4 + 3 + 2 + 2 + 4 = 19 → column 20
        Expected(code: "invalid-metric", line: 12, column: 20, path: "congress", mentions: ["U10", "maybe"]),
    ]

    @Test("bad metric values: non-numeric, NaN, infinite, negative count, rate above 100%, ratio above one, missing, duplicate id",
          arguments: valueErrors)
    func valueError(_ e: Expected) {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-values.csv")))
        check(problems, file: "units-values.csv", e)
    }

    @Test("every bad value in the units file is reported, and nothing else")
    func allValueErrors() {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-values.csv")))
        #expect(problems.filter { $0.severity == .error }.count == Self.valueErrors.count)
    }

    // MARK: CSV structure

    @Test("ragged rows: one too long, one too short")
    func ragged() {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-ragged.csv")))
        // line 3 has 10 fields; the 10th starts after `U2,乙工会,机关,20,18,0.5,0,50,1,` (27 characters) → column 28
        check(problems, file: "units-ragged.csv", Expected(code: "csv-ragged-row", line: 3, column: 28, path: nil, mentions: ["row 3", "10 fields", "9"]))
        // line 4 has 7 fields and ends after `U3,丙工会,企业,0,0,1,是` (17 characters) → column 18; `members` is the first missing column
        check(problems, file: "units-ragged.csv", Expected(code: "csv-ragged-row", line: 4, column: 18, path: "members", mentions: ["row 4", "7 fields"]))
    }

    @Test("an unbalanced quote is reported at the opening quote")
    func unbalancedQuote() {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-unbalanced.csv")))
        // line 4 `U3,"丙工会…`: the quote is the 4th character, in column `name`
        check(problems, file: "units-unbalanced.csv", Expected(code: "csv-unbalanced-quote", line: 4, column: 4, path: "name", mentions: []))
    }

    @Test("an empty units file")
    func emptyFile() {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-empty.csv")))
        check(problems, file: "units-empty.csv", Expected(code: "csv-empty", line: 1, column: 1, path: nil, mentions: ["units-empty.csv"]))
    }

    @Test("a missing required column is an error; a missing `missing: zero` or `notAssessable` column a warning on the header")
    func missingColumn() {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-missing-column.csv")))
        check(problems, file: "units-missing-column.csv", Expected(code: "missing-column", line: 1, column: 1, path: "congress", mentions: ["congress"]))
        let members = problems.first { $0.path == "members" }
        #expect(members?.code == "metric-column-absent" && members?.severity == .warning)
        #expect(members?.rendered(.zh).contains("units-missing-column.csv 第 1 行（表头）：警告：单位文件没有") == true)
        #expect(members?.rendered(.zh).contains("按规则（空值按 0 计），每个单位的这项指标都按 0 计") == true)
        #expect(!problems.contains { $0.path == "survey_score" })
        #expect(problems.filter { $0.severity == .error }.count == 1)
        // A column that is not there has no cell: the message is placed on the header row.
        let missing = problems.first { $0.code == "missing-column" }
        #expect(missing?.rendered(.zh).contains("units-missing-column.csv 第 1 行（表头）：错误：") == true)
        #expect(missing?.rendered(.en).contains("units-missing-column.csv row 1 (the header): error: ") == true)
    }

    /// Found by a tuner: a new metric with `missing: zero`, scored against last year's units
    /// file, gave every unit 0 and `compare` said the new standard changed nothing.
    @Test("a `notAssessable` metric's column missing, in CSV; a metric no unit gives, in JSON: one warning each, and the run goes on")
    func absentOptionalMetric() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-absent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try String(contentsOfFile: InputFixtures.good("units.csv"), encoding: .utf8).split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        let json = try String(contentsOfFile: InputFixtures.good("units.json"), encoding: .utf8)
            .replacingOccurrences(of: #", "members": 80"#, with: "").replacingOccurrences(of: #", "members": null"#, with: "")
            .replacingOccurrences(of: #", "members": 100"#, with: "")
        for (name, text, metric, phrase) in [("units.csv", csv, "survey_score", "按规则（空值不予考核），每个单位读取它的标准都不予考核"),
                                             ("units.json", json, "members", "单位文件中没有一个单位给出 新发展会员（`members`）：按规则（空值按 0 计），每个单位的这项指标都按 0 计")] {
            let file = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let s = try ScoringSession.run(InputFixtures.inputs(units: file.path))
            let absent = s.inputWarnings.filter { $0.code == "metric-column-absent" }
            #expect(absent.map(\.path) == [metric], "\(name): \(s.inputWarnings)")
            #expect(absent.first?.rendered(.zh).contains(phrase) == true, "\(name)")
        }
    }

    /// Each reader's missing key column, on the header row as a whole (it was once `:1:1`, a
    /// place no spreadsheet shows).
    @Test("a missing id or representative column is placed on the header row, in every file")
    func missingKeyColumns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-missing-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func without(_ file: String, column: Int) throws -> String {
            let text = try String(contentsOfFile: InputFixtures.good(file), encoding: .utf8)
            let cut = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != column }.map(\.element).joined(separator: ",")
            }.joined(separator: "\n")
            let path = dir.appendingPathComponent(file).path
            try cut.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let cases = [("roster.csv", InputFixtures.inputs(roster: try without("roster.csv", column: 0))),
                     ("units.csv", InputFixtures.inputs(units: try without("units.csv", column: 0))),
                     ("ballots.csv", InputFixtures.inputs(ballots: try without("ballots.csv", column: 0)))]
        for (file, inputs) in cases {
            let d = try #require(InputFixtures.problems(inputs).first { $0.code == "missing-column" }, "\(file)")
            #expect(d.rendered(.zh).contains("/\(file) 第 1 行（表头）：错误："), "\(d.rendered(.zh))")
            #expect(d.rendered(.en).contains("/\(file) row 1 (the header): error: "), "\(d.rendered(.en))")
        }
    }

    /// Files given in one another's place: one `wrong-file` error each, naming what the file
    /// looks like, instead of an error per missing column (a swapped `--units` and `--roster`
    /// was 48 errors on the Xicheng sample).
    @Test("a file given as another input is named for what it is, once, with no missing-column errors",
          arguments: [("roster.csv", "units.csv", "ballots.csv", ["roster.csv": "代表名单，不是单位文件", "units.csv": "单位文件，不是代表名单"]),
                      ("units.csv", "ballots.csv", "roster.csv", ["ballots.csv": "选票文件，不是代表名单"]),
                      ("units.csv", "roster.csv", "roster.csv", ["roster.csv": "代表名单，不是选票文件"]),
                      ("ballots.csv", "roster.csv", "units.csv", ["ballots.csv": "选票文件，不是单位文件"])])
    func wrongFile(_ units: String, _ roster: String, _ ballots: String, _ expected: [String: String]) throws {
        let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let inputs = ScoringSession.Inputs(rules: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                           units: sample.appendingPathComponent(units).path, roster: sample.appendingPathComponent(roster).path,
                                           ballots: sample.appendingPathComponent(ballots).path)
        let problems = InputFixtures.problems(inputs)
        let wrong = problems.filter { $0.code == "wrong-file" }
        #expect(wrong.count == expected.count, "\(problems.map { $0.rendered(.zh) })")
        for (file, text) in expected {
            #expect(wrong.contains { $0.location?.file.hasSuffix("/" + file) == true && $0.rendered(.zh).contains("这个文件看起来是" + text) },
                    "\(file): \(wrong.map { $0.rendered(.zh) })")
        }
        #expect(!problems.contains { $0.code == "missing-column" })
        #expect(problems.filter { $0.severity == .error }.count == expected.count)
    }

    /// A file of the right kind with a column misnamed is still told which column: the guess
    /// is asked only of a file missing its own columns, and names only another kind.
    @Test("a units file with a metric column misnamed, and a roster without its units column, keep their own errors")
    func rightFileWrongColumn() throws {
        let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-right-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let units = try String(contentsOf: sample.appendingPathComponent("units.csv"), encoding: .utf8)
        #expect(units.contains(",workers,"))
        try units.replacingOccurrences(of: ",workers,", with: ",worker,").write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        let roster = try String(contentsOf: sample.appendingPathComponent("roster.csv"), encoding: .utf8)
        #expect(roster.hasPrefix("id,name,group,units,role"))
        try roster.replacingOccurrences(of: "id,name,group,units,role", with: "id,name,group,unit_list,role")
            .write(to: dir.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let rules = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        let problems = InputFixtures.problems(ScoringSession.Inputs(rules: rules, units: dir.appendingPathComponent("units.csv").path,
                                                                    roster: dir.appendingPathComponent("roster.csv").path,
                                                                    ballots: sample.appendingPathComponent("ballots.csv").path))
        #expect(!problems.contains { $0.code == "wrong-file" }, "\(problems.map { $0.rendered(.zh) })")
        #expect(problems.contains { $0.code == "missing-column" && $0.path == "workers" })
        #expect(problems.contains { $0.code == "missing-column" && $0.path == "units" })
    }

    /// A wide row typed twice repeats every standard of it: one message for the row, naming
    /// the standards, not one per cell; a row that repeats two earlier rows gets one for each.
    /// The Dongcheng sample's wide ballots: eight standards a row, R01's for D01 on row 2,
    /// R02's on row 3.
    @Test("a wide ballots row typed twice is one error naming its standards")
    func duplicateWideRow() throws {
        let root = Fixtures.packageRoot
        let sample = root.appendingPathComponent("samples/dongcheng-2019")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-dup-row-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = try String(contentsOf: sample.appendingPathComponent("ballots-wide.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasPrefix("R01,D01,") && lines[2].hasPrefix("R02,D01,"))
        // R01's row again, whole; then R02's row again (a second message, naming row 3).
        let body = lines.filter { !$0.isEmpty }
        let r02 = lines[2].split(separator: ",", omittingEmptySubsequences: false)
        // R02's again with rights.ballot 3.5 for 3, and democracy.ballot `2.0` for 2 (the same score).
        #expect(r02[2] == "3" && r02[5] == "2")
        var again = r02.map(String.init)
        again[2] = "3.5"
        again[5] = "2.0"
        let mixed = again.joined(separator: ",")
        let file = dir.appendingPathComponent("ballots-wide.csv")
        try ((body + [lines[1], mixed]).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let inputs = ScoringSession.Inputs(rules: root.appendingPathComponent("rules/dongcheng-2019.jsonc").path,
                                           units: sample.appendingPathComponent("units.csv").path,
                                           roster: sample.appendingPathComponent("roster.csv").path, ballots: file.path)
        let problems = InputFixtures.problems(inputs)
        let duplicates = problems.filter { $0.code == "duplicate-ballot" }
        #expect(duplicates.count == 2, "\(duplicates.map { $0.rendered(.zh) })")
        let row = body.count + 1
        // The whole row: not listed (eight ids the typist does not see as such; session 43).
        // With the same scores: the second typing goes (since 0.29.1, which says whether the scores are the same).
        #expect(duplicates.first?.rendered(.zh).hasSuffix(
            "第 \(row) 行 A 列（representative）：错误：`R01` 给 `D01` 的这一行与第 2 行重复：全部 8 条标准都打了两次分，分数都相同；每位代表对每个单位的每条标准只保留一张选票：删去重复录入的一次") == true,
                "\(duplicates.map { $0.rendered(.zh) })")
        #expect(duplicates.first?.rendered(.en).contains("`R01` scored `D01` again on this row, as at row 2: all 8 standards twice, with the same scores; keep one ballot per representative, unit and standard: delete the second typing") == true)
        // One score otherwise: named with both scores as typed; the paper sheet decides.
        #expect(duplicates.last?.rendered(.zh).hasSuffix(
            "第 \(row + 1) 行 A 列（representative）：错误：`R02` 给 `D01` 的这一行与第 3 行重复：全部 8 条标准都打了两次分，其中 1 条分数不同（`rights.ballot` 3→3.5）；每位代表对每个单位的每条标准只保留一张选票：核对纸质评分表，保留正确的分数，删去另一个") == true,
                "\(duplicates.map { $0.rendered(.zh) })")
        #expect(duplicates.last?.rendered(.en).contains("all 8 standards twice, 1 of them with another score (`rights.ballot` 3→3.5); keep one ballot per representative, unit and standard: check the paper sheet, keep the right score and delete the other") == true)
    }

    // MARK: ballots

    static let ballotErrors: [Expected] = [
        // `R9,…`: the representative is column 1
        Expected(code: "unknown-representative", line: 3, column: 1, path: "representative", mentions: ["R9"]),
        // `R2,U77`: the unit is column 4
        Expected(code: "unknown-unit", line: 4, column: 4, path: "unit", mentions: ["U77"]),
        // `R2,U2,votes`: the standard is column 7
        Expected(code: "unknown-standard", line: 5, column: 7, path: "standard", mentions: ["votes"]),
        Expected(code: "unknown-standard", line: 6, column: 7, path: "standard", mentions: ["contracts", "metrics"]),
        // `R3,U1,vote,3.5`: the score is column 3 + 3 + 5 + 1 = 12; the standard is worth 3
        Expected(code: "score-out-of-range", line: 7, column: 12, path: "score", mentions: ["3.5", "R3", "U1"]),
        Expected(code: "score-out-of-range", line: 8, column: 12, path: "score", mentions: ["-1", "R3", "U2"]),
        // 2.3 is not a multiple of 0.5
        Expected(code: "score-step", line: 9, column: 12, path: "score", mentions: ["2.3", "R3", "U3", "0.5"]),
        Expected(code: "invalid-score", line: 10, column: 12, path: "score", mentions: ["好", "R4", "U1"]),
        // R2 scored U1 on line 2 already
        Expected(code: "duplicate-ballot", line: 11, column: 1, path: "representative", mentions: ["R2", "U1", "row 2"]),
    ]

    @Test("bad ballots: unknown representative, unit and standard, out of range, off the step, non-numeric, duplicate",
          arguments: ballotErrors)
    func ballotError(_ e: Expected) {
        let problems = InputFixtures.problems(InputFixtures.inputs(ballots: InputFixtures.broken("ballots-problems.csv")))
        check(problems, file: "ballots-problems.csv", e)
    }

    @Test("a misspelt standard gets a suggestion")
    func suggestion() throws {
        let problems = InputFixtures.problems(InputFixtures.inputs(ballots: InputFixtures.broken("ballots-problems.csv")))
        let d = try #require(problems.first { $0.code == "unknown-standard" && $0.location?.line == 5 })
        #expect(d.hint?.contains("vote") == true)
    }

    @Test("a representative listed twice in the roster")
    func duplicateRepresentative() {
        let problems = InputFixtures.problems(InputFixtures.inputs(roster: InputFixtures.broken("roster-duplicate.csv")))
        check(problems, file: "roster-duplicate.csv", Expected(code: "duplicate-representative", line: 5, column: 1, path: "id", mentions: ["R2"]))
    }

    @Test("problems in the units, roster and ballots files are all reported in one run")
    func allFilesAtOnce() {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-values.csv"),
                                                                   roster: InputFixtures.broken("roster-duplicate.csv"),
                                                                   ballots: InputFixtures.broken("ballots-problems.csv")))
        for e in Self.valueErrors { check(problems, file: "units-values.csv", e) }
        for e in Self.ballotErrors { check(problems, file: "ballots-problems.csv", e) }
        check(problems, file: "roster-duplicate.csv", Expected(code: "duplicate-representative", line: 5, column: 1, path: "id", mentions: ["R2"]))
        // Sorted by file, then line: the ballots file's problems come first, in line order.
        let ballotLines = problems.filter { $0.location?.file.hasSuffix("ballots-problems.csv") == true }.compactMap { $0.location?.line }
        #expect(ballotLines == ballotLines.sorted())
    }

    // MARK: missing values as declared

    @Test("`missing: zero` reads an empty cell as 0; `missing: notAssessable` makes its standards not assessable")
    func missingAsDeclared() throws {
        let s = try ScoringSession.run(InputFixtures.inputs())
        // U2's members is empty: 2 × 0/100 = 0, scored.
        #expect(s.table.value(metric: s.plan.metricIndex["members"]!, unit: 1) == 0)
        #expect(s.standard("U2", "members").status == .scored)
        // U2's survey_score is empty: nil, and the standard reading it is not assessable.
        #expect(s.table.value(metric: s.plan.metricIndex["survey_score"]!, unit: 1) == nil)
        #expect(s.standard("U2", "survey").status == .notAssessable(.missingMetric("survey_score")))
    }

    // MARK: a name where an id belongs

    /// One ballot standard `a.b`; 王秀兰 is R02 (and, with `twins`, R03 too); 乙工会 is U2.
    static func nameSession(ballots: String, twins: Bool = false) -> TestSession {
        let rules = RulesText.make(
            metrics: RulesText.metric("n"), areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("a.n", area: "a", points: "6", #""method": "count", "metric": "n", "perUnit": 1"#)
                + ", " + RulesText.standard("a.b", area: "a", points: "4", #""method": "ballot""#),
            more: #""ballots": { "aggregate": "mean", "minBallots": 1 },"#)
        let roster = "id,name,group,units\nR01,顾尚礼,一组,\nR02,王秀兰,一组,\n" + (twins ? "R03,王秀兰,二组,\n" : "")
        return TestSession(rules: rules, units: "id,name,n\nU1,甲工会,1\nU2,乙工会,2\n", roster: roster, ballots: ballots)
    }

    @Test("a representative's name in the long form's representative column: the message names her id")
    func representativeNameLong() throws {
        let d = Self.nameSession(ballots: "representative,unit,standard,score\nR01,U1,a.b,2\n 王秀兰 ,U1,a.b,3\n").failures()
        let e = try #require(d.first { $0.code == "unknown-representative" })
        #expect(e.rendered(.zh) == "/mem/ballots.csv 第 3 行 A 列（representative）：错误：投票人 `王秀兰` 不在代表名单上："
            + "`王秀兰` 是代表 `R02` 的姓名，这一列请填代表编号 `R02`")
        #expect(e.rendered(.en) == "/mem/ballots.csv row 3, column A (representative): error: ballot by `王秀兰`, who is not on the roster; "
            + "`王秀兰` is the name of representative `R02`; this column takes the id `R02`")
        #expect(e.hint == nil)
    }

    @Test("a unit's name in the wide form's unit column: the message names its id")
    func unitNameWide() throws {
        let d = Self.nameSession(ballots: "代表编号,单位编号,a.b\nR01,U1,2\nR02,乙工会,3\n").failures()
        let e = try #require(d.first { $0.code == "unknown-unit" })
        #expect(e.rendered(.zh) == "/mem/ballots.csv 第 3 行 B 列（单位编号）：错误：选票打分的单位 `乙工会` 不在单位文件里："
            + "`乙工会` 是单位 `U2` 的名称，这一列请填单位编号 `U2`")
        #expect(e.rendered(.en).contains("`乙工会` is the name of unit `U2`; this column takes the id `U2`"))
    }

    @Test("a name two representatives share: both ids, and pick one")
    func sharedName() throws {
        let d = Self.nameSession(ballots: "representative,unit,standard,score\n王秀兰,U1,a.b,3\n", twins: true).failures()
        let e = try #require(d.first { $0.code == "unknown-representative" })
        #expect(e.rendered(.zh).hasSuffix("投票人 `王秀兰` 不在代表名单上：代表 `R02`、`R03` 都叫 `王秀兰`，这一列请填其中一位的代表编号，选所指的那一位"))
        #expect(e.rendered(.en).hasSuffix("representatives `R02`, `R03` are all named `王秀兰`; this column takes the id of one of them: pick the one meant"))
    }

    @Test("a near-miss id still gets its suggestion, and no name is claimed")
    func nearMissID() throws {
        let d = Self.nameSession(ballots: "representative,unit,standard,score\nR2,U1,a.b,3\n").failures()
        let e = try #require(d.first { $0.code == "unknown-representative" })
        #expect(e.rendered(.zh).hasSuffix("投票人 `R2` 不在代表名单上；是不是 `R02`？"))
    }

    // MARK: recusal, strict

    @Test("with `strict`, the good set's recusal is an error at R1's ballot")
    func strict() {
        let problems = InputFixtures.problems(InputFixtures.inputs(strict: true))
        check(problems, file: "ballots.csv", Expected(code: "recusal", line: 2, column: 1, path: "representative", mentions: ["R1", "U1", "vote"]))
    }
}
