import Foundation
import Testing
@testable import KaimenKit

@Suite("compare: the same units under two rules files")
struct ComparisonTests {
    /// One area of 10 points: `s1` bands on the rate `m` (6 points), `s2` presence of `f` (4 points).
    static func rules(top: String, second: String, excellent: String = "9") -> String {
        RulesText.make(
            metrics: RulesText.metric("m", "rate") + "," + RulesText.metric("f", "flag"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("s1", area: "a", points: "6", #""method": "bands", "metric": "m", "bands": [ { "min": \#(top), "points": 6 }, { "min": \#(second), "points": 3 } ]"#)
                + "," + RulesText.standard("s2", area: "a", points: "4", #""method": "presence", "metric": "f""#),
            grades: #"[ { "name": "优秀", "min": \#(excellent) }, { "name": "良好", "min": 6 }, { "name": "合格", "min": 3 }, { "name": "不合格" } ]"#)
    }

    static let units = "id,name,category,m,f\nU1,一,企业,0.92,1\nU2,二,企业,0.96,0\nU3,三,机关,0.6,1\n"

    func comparison() throws -> Comparison {
        let old = try TestSession(rules: Self.rules(top: "0.9", second: "0.5"), units: Self.units).run()
        let new = try TestSession(rules: Self.rules(top: "0.95", second: "0.8"), units: Self.units).run()
        return Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
    }

    @Test("every unit's move matches the hand-worked case")
    func moves() throws {
        let c = try comparison()
        // OLD: U1 6+4=10 优秀, U3 3+4=7 良好, U2 6+0=6 良好 → ranks U1 1, U3 2, U2 3.
        // NEW (thresholds 0.95 / 0.8): U1 0.92 → 3, +4 = 7 良好; U2 0.96 → 6 良好; U3 0.6 → 0, +4 = 4 合格.
        //      → ranks U1 1, U2 2, U3 3.
        #expect(c.moves.map(\.unit) == ["U1", "U2", "U3"])
        let u1 = c.moves[0], u2 = c.moves[1], u3 = c.moves[2]
        #expect((u1.oldTotal, u1.newTotal, u1.totalChange) == (dec("10"), dec("7"), dec("-3")))
        #expect((u1.oldGrade, u1.newGrade, u1.oldRank, u1.newRank) == ("优秀", "良好", 1, 1))
        #expect(u1.drivers == [.init(id: "s1", name: "s1名", delta: dec("-3"))])
        #expect((u2.oldTotal, u2.newTotal, u2.oldRank, u2.newRank, u2.rankChange) == (dec("6"), dec("6"), 3, 2, 1))
        #expect(u2.drivers.isEmpty)
        #expect(!u2.gradeChanged)
        #expect((u3.oldTotal, u3.newTotal, u3.oldGrade, u3.newGrade, u3.rankChange) == (dec("7"), dec("4"), "良好", "合格", -1))
        // U3 is alone in its category (机关) under both.
        #expect((u3.oldCategoryRank, u3.newCategoryRank) == (1, 1))
        // U2 climbs past U3 inside 企业? No: U3 is 机关; U2's category rank goes 2 → 2.
        #expect((u2.oldCategoryRank, u2.newCategoryRank) == (2, 2))
    }

    @Test("the summary counts grade changes, rank moves and boundary crossings")
    func summary() throws {
        let c = try comparison()
        #expect(c.gradeChanges.map(\.unit) == ["U1", "U3"])
        #expect(c.boundaryCrossings.map(\.unit) == ["U1", "U3"])
        #expect(c.quotaCrossings.isEmpty)
        #expect(c.largestRankMoves().map(\.unit) == ["U2", "U3"])
        let lines = ComparisonExport.summary(c, lang: .en)
        #expect(lines.contains("grade changed: 2 units (U1 优秀→良好, U3 良好→合格)"))
        #expect(lines.contains { $0.hasPrefix("largest rank moves: U2 3→2") })
    }

    @Test("CSV's change column is a plain number, and Markdown escapes a name's backslash")
    func csvAndMarkdownCells() throws {
        // U2's total 6 → 6: `±0.00` in the table, `0.00` in CSV; U1 10 → 7: -3.00 in both.
        let units = "id,name,category,m,f\nU1,一,企业,0.92,1\nU2,二\\,企业,0.96,0\nU3,三,机关,0.6,1\n"
        let old = try TestSession(rules: Self.rules(top: "0.9", second: "0.5"), units: units).run()
        let new = try TestSession(rules: Self.rules(top: "0.95", second: "0.8"), units: units).run()
        let c = Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
        let csv = String(decoding: ComparisonExport.table(c, lang: .en, csv: true).csv(), as: UTF8.self)
        let u2 = try #require(csv.split(whereSeparator: \.isNewline).first { $0.hasPrefix("U2,") })
        #expect(u2.split(separator: ",").map(String.init)[3...5] == ["6.00", "6.00", "0.00"])
        let u1 = try #require(csv.split(whereSeparator: \.isNewline).first { $0.hasPrefix("U1,") })
        #expect(u1.split(separator: ",").map(String.init)[5] == "-3.00")
        #expect(ComparisonExport.table(c, lang: .en).text().contains("±0.00"))
        // `二\` is written `二\\`, so the cell's closing `|` is not escaped.
        let md = ComparisonExport.table(c, lang: .en).markdown()
        #expect(md.contains("| U2 | 二\\\\ | 企业 |"), "\(md)")
    }

    @Test("a grade quota line crossed in one run and not the other is reported")
    func quotaLine() throws {
        // OLD: 优秀 ≥ 9 with quota 50% of 3 units = 1: U1 (10) and U4 (10) share rank 1 and
        // cannot be split: both move down. NEW: U4's flag is off → U1 alone holds 优秀.
        let grades = #"[ { "name": "优秀", "min": 9, "quota": 50 }, { "name": "良好", "min": 6 }, { "name": "合格" } ]"#
        func rules() -> String {
            RulesText.make(metrics: RulesText.metric("m", "rate") + "," + RulesText.metric("f", "flag"),
                           areas: RulesText.area("a", points: "10"),
                           standards: RulesText.standard("s1", area: "a", points: "6", #""method": "bands", "metric": "m", "bands": [ { "min": 0.9, "points": 6 } ]"#)
                               + "," + RulesText.standard("s2", area: "a", points: "4", #""method": "presence", "metric": "f""#),
                           grades: grades)
        }
        let units = "id,name,category,m,f\nU1,一,企业,0.92,1\nU4,四,企业,0.95,1\nU3,三,企业,0.1,1\n"
        let old = try TestSession(rules: rules(), units: units).run()
        var newSession = TestSession(rules: rules(), units: units.replacingOccurrences(of: "U4,四,企业,0.95,1", with: "U4,四,企业,0.95,0"))
        newSession.strict = false
        let new = try newSession.run()
        let c = Comparison.compare(old, new, oldFile: "a", newFile: "b")
        #expect(c.moves.first { $0.unit == "U1" }?.oldQuotaMoved == true)
        #expect(c.moves.first { $0.unit == "U1" }?.newQuotaMoved == false)
        #expect(c.quotaCrossings.map(\.unit) == ["U1", "U4"])
    }

    @Test("metrics a rules file needs and the data lacks are listed with the units lacking them")
    func missingMetrics() throws {
        let rules = try RulesLoader(readFile: { _ in Self.rules(top: "0.9", second: "0.5") }).load("/mem/r.jsonc").rules
        let gaps = MissingMetrics.find(in: Data("id,name,category,m\nU1,一,企业,0.5\nU2,二,企业,0.7\n".utf8), fileName: "u.csv", rules: rules)
        #expect(gaps.gaps == [.init(metric: "f", name: "f名", units: ["U1", "U2"], wholeColumn: true)])
        let some = MissingMetrics.find(in: Data("id,name,category,m,f\nU1,一,企业,0.5,\nU2,二,企业,0.7,1\n".utf8), fileName: "u.csv", rules: rules)
        #expect(some.gaps == [.init(metric: "f", name: "f名", units: ["U1"], wholeColumn: false)])
        #expect(some.applied(.zero, to: rules).metric("f")?.missing == .zero)
    }

    /// Area `a` (10): `s` (4, presence of `f`, assessed only when n ≥ 10, else prorated) and `t`
    /// (6, 1 per `m`). Area `b` (5, capped): `u` (3, 1 per `c`) and `w` (3, presence of `h`), and
    /// the deduction `late` (0.5 per `late`, at most 3). Bonuses `g1`, `g2` (2 each), capped at 3.
    /// A veto caps the total at 10 when `acc` > 0.
    static let driverRules = RulesText.make(
        metrics: ["n", "m", "c", "late", "acc"].map { RulesText.metric($0) }.joined(separator: ",") + ","
            + ["f", "h", "g1", "g2"].map { RulesText.metric($0, "flag") }.joined(separator: ","),
        areas: RulesText.area("a", points: "10") + "," + RulesText.area("b", points: "5", capped: true),
        standards: #"{ "id": "s", "area": "a", "name": "s名", "criteria": "细则。", "points": 4, "method": "presence", "metric": "f", "precondition": { "when": "n >= 10" }, "notAssessable": "prorate" },"#
            + RulesText.standard("t", area: "a", points: "6", #""method": "count", "metric": "m", "perUnit": 1"#) + ","
            + RulesText.standard("u", area: "b", points: "3", #""method": "count", "metric": "c", "perUnit": 1"#) + ","
            + RulesText.standard("w", area: "b", points: "3", #""method": "presence", "metric": "h""#),
        more: """
            "bonusCap": 3,
            "bonuses": [
              { "id": "g1", "name": "g1名", "criteria": "加2分。", "points": 2, "method": "presence", "metric": "g1" },
              { "id": "g2", "name": "g2名", "criteria": "加2分。", "points": 2, "method": "presence", "metric": "g2" } ],
            "deductions": [ { "id": "late", "area": "b", "name": "迟报", "criteria": "每次扣0.5分。", "points": 3, "method": "count", "metric": "late", "perUnit": 0.5 } ],
            "vetoes": [ { "id": "veto", "name": "事故", "when": "acc > 0", "capTotal": 10 } ],
            """)

    @Test("drivers are each item's change in what it counts towards the total: proration, caps, deductions, vetoes")
    func driversAsTheyCount() throws {
        let header = "id,name,category,n,f,m,c,h,late,g1,g2,acc\n"
        // OLD: a: s 4 + t 6 = 10 (cap 10). b: u 1 + w 3 = 4 (cap 5), no deduction. Bonus g1 2. Total 16.
        let old = try TestSession(rules: Self.driverRules, units: header + "U1,一,企业,20,1,6,1,1,0,1,0,0\n").run()
        // NEW: a: s prorated (n = 5), t 3 scaled by 10/6 → 5. b: u 3 + w 3 = 6 → capped at 5, so each
        // counts 5/6 of its points: u 2.5, w 2.5; late 4 × 0.5 = 2 taken off → 3. Bonus 2 + 2 = 4 →
        // capped at 3: 1.5 each. Exact total 5 + 3 + 3 = 11; the veto caps it at 10: −1.
        let new = try TestSession(rules: Self.driverRules, units: header + "U1,一,企业,5,1,3,3,1,4,1,1,1\n").run()
        let c = Comparison.compare(old, new, oldFile: "old", newFile: "new")
        let m = try #require(c.moves.first)
        #expect((m.oldTotal, m.newTotal) == (Rational(16), Rational(10)))
        // Per item, new − old: s 0 − 4 = −4; t 5 − 6 = −1; u 2.5 − 1 = +1.5; w 2.5 − 3 = −0.5;
        // late −2 − 0 = −2; g1 1.5 − 2 = −0.5; g2 1.5 − 0 = +1.5; veto −1 − 0 = −1.
        // Sum: −4 − 1 + 1.5 − 0.5 − 2 − 0.5 + 1.5 − 1 = −6 = 10 − 16.
        let newItems = Comparison.contributions(new.rules, new.unit("U1"))
        #expect(newItems.map(\.id) == ["s", "t", "u", "w", "late", "g1", "g2", "veto"])
        #expect(newItems.map(\.points) == [Rational(0), Rational(5), dec("2.5"), dec("2.5"), Rational(-2), dec("1.5"), dec("1.5"), Rational(-1)])
        #expect(newItems.reduce(Rational.zero) { $0 + $1.points } == Rational(10))
        let oldItems = Comparison.contributions(old.rules, old.unit("U1"))
        #expect(oldItems.map(\.points) == [4, 6, 1, 3, 0, 2, 0].map { Rational($0) })
        // The three largest: s −4, late −2, then u +1.5 (before g2 +1.5: earlier in the file).
        #expect(m.drivers == [.init(id: "s", name: "s名", delta: Rational(-4)), .init(id: "late", name: "迟报", delta: Rational(-2)),
                              .init(id: "u", name: "u名", delta: dec("1.5"))])
    }

    @Test("drivers on the Xicheng sample: a prorated area's standard counts twice")
    func driversProrated() throws {
        // X03 has no service station: organization.staffing and .station (3 + 3 of the area's 12
        // points) are prorated, so the rest counts × 12/6 = 2. members 1236 of 1272 workers =
        // 97.2% ≥ 96% → membership 3 points; members 800 → 62.9% < 80% → 0 (800, not fewer: its
        // survey has 630 + 150 + 20 = 800 respondents, and more is an error). Its change as it counts:
        // (0 − 3) × 2 = −6, the whole change of the total (86.10 → 80.10).
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X03.members=800"] + CompareCommandTests.sample, console: console)
        #expect(code == .success, "\(console.stderr)")
        let row = try #require(console.stdout.split(separator: "\n").first { $0.hasPrefix("X03 ") })
        #expect(row.contains("86.10   80.10  -6.00"))
        #expect(row.hasSuffix("organization.membership（职工入会率）-6.00"), "\(row)")
    }

    @Test("a summary line names at most twelve units, then how many more the table lists")
    func summaryCapped() throws {
        #expect(TuningMessages.firstOf(["a", "b"], separator: "，", lang: .zh, limit: 2) == "a，b")
        #expect(TuningMessages.firstOf(["a", "b", "c"], separator: "，", lang: .zh, limit: 2) == "a，b，另有 1 个见表")
        #expect(TuningMessages.firstOf(["a", "b", "c"], separator: ", ", lang: .en, limit: 2) == "a, b, and 1 more in the table")
        #expect(TuningMessages.firstOf(["a", "b", "c"], separator: "；", lang: .zh, inTable: false, limit: 2) == "a；b；另有 1 个（全部见 --format json）")
        // 300 generated units under Xicheng's rules and Dongcheng's: many change grade.
        let dir = try GeneratedSession.make(units: 300, seed: 7, rules: "rules/xicheng-2014.jsonc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        var arguments = GeneratedSession.scoreArguments(dir, rules: "rules/xicheng-2014.jsonc")
        arguments[0] = "compare"
        let code = CLI.run(arguments + ["--rules", "rules/dongcheng-2019.jsonc", "--assume-missing", "notAssessable"], console: console)
        #expect(code == .success, "\(console.stderr)")
        let line = try #require(console.stdout.split(separator: "\n").first { $0.hasPrefix("等级变化：") })
        let changed = try #require(Int(line.dropFirst("等级变化：".count).prefix { $0.isNumber }))
        #expect(changed > 12)
        // The table's rows whose grade changed: as many as the line counts, twelve of them named.
        #expect(line.hasSuffix("，另有 \(changed - 12) 个见表）"), "\(line)")
        #expect(line.components(separatedBy: "→").count - 1 == 12)
    }
}
