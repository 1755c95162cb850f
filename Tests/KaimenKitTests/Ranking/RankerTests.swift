import Foundation
import Testing
@testable import KaimenKit

/// Competition ranks, tie-breaks at every level, ranks within a category and grade quotas.
@Suite("Ranker: competition ranks, tie-breaks, categories and quotas")
struct RankerTests {
    /// One area of 100 with one count standard on the number `v` (1 per unit): a unit's total is `v`.
    static func plain(grades: String = RulesText.grades) -> String {
        RulesText.make(
            metrics: RulesText.metric("v", "number"),
            areas: RulesText.area("a", points: "100"),
            standards: RulesText.standard("s", area: "a", points: "100", #""method": "count", "metric": "v", "perUnit": 1"#),
            grades: grades)
    }

    static func session(_ rules: String, _ rows: [(String, String, String)]) throws -> ScoringSession {
        let units = "id,name,category,v\n" + rows.map { "\($0.0),\($0.0)工会,\($0.1),\($0.2)\n" }.joined()
        return try TestSession(rules: rules, units: units).run()
    }

    @Test("equal totals share a rank and the next rank skips: 1, 2, 2, 4")
    func competitionRanks() throws {
        let s = try Self.session(Self.plain(), [("A", "企业", "90"), ("B", "企业", "80"), ("C", "企业", "80"), ("D", "企业", "70")])
        #expect(s.orderedIDs == ["A", "B", "C", "D"])
        #expect(["A", "B", "C", "D"].map { s.unit($0).rank } == [1, 2, 2, 4])
    }

    @Test("ranks within each category follow the same order")
    func categoryRanks() throws {
        let s = try Self.session(Self.plain(), [("A", "企业", "90"), ("B", "机关", "85"), ("C", "企业", "80"), ("D", "机关", "85"), ("E", "机关", "70")])
        // Overall: A 90, B 85, D 85, C 80, E 70 → 1, 2, 2, 4, 5
        #expect(["A", "B", "D", "C", "E"].map { s.unit($0).rank } == [1, 2, 2, 4, 5])
        // 企业: A, C → 1, 2.  机关: B, D tied, E → 1, 1, 3
        #expect(s.unit("A").categoryRank == 1 && s.unit("C").categoryRank == 2)
        #expect(s.unit("B").categoryRank == 1 && s.unit("D").categoryRank == 1 && s.unit("E").categoryRank == 3)
    }

    // MARK: tie-breaks

    /// Area `ballot` (5): ballot standard `b`. Area `work` (5): count `w` on `n`, 1 per unit.
    /// Bonus `bn` (1): presence of `f`. Metric `m` is read only by tie-breaks.
    static func tieRules(_ tieBreak: String) -> String {
        RulesText.make(
            metrics: [RulesText.metric("n"), RulesText.metric("m", "number"), RulesText.metric("f", "flag")].joined(separator: ","),
            areas: RulesText.area("ballot", points: "5") + "," + RulesText.area("work", points: "5"),
            standards: #"{ "id": "b", "area": "ballot", "name": "评议", "criteria": "打分。", "points": 5, "method": "ballot" },"#
                + RulesText.standard("w", area: "work", points: "5", #""method": "count", "metric": "n", "perUnit": 1"#),
            more: """
                "bonuses": [ { "id": "bn", "name": "五好", "criteria": "加1分。", "points": 1, "method": "presence", "metric": "f" } ],
                "ballots": { "aggregate": "mean", "minBallots": 1 },
                "ranking": { "tieBreak": [ \(tieBreak) ] },
                """)
    }

    struct TieCase: Sendable, CustomTestStringConvertible {
        var name: String
        var tieBreak: String
        /// (ballot score, n, m, f) of A and of B; both total 5.
        var a: (String, String, String, String)
        var b: (String, String, String, String)
        var first: String
        var decidedBy: Int
        var testDescription: String { name }
    }

    static let tieCases: [TieCase] = [
        // A: 4 + 1 = 5; B: 3 + 2 = 5. Ballots 4 > 3 → A.
        TieCase(name: "ballots", tieBreak: #"{ "by": "ballots" }"#, a: ("4", "1", "0", "0"), b: ("3", "2", "0", "0"), first: "A", decidedBy: 0),
        // Same units; area work 2 > 1 → B.
        TieCase(name: "area", tieBreak: #"{ "by": "area", "id": "work" }"#, a: ("4", "1", "0", "0"), b: ("3", "2", "0", "0"), first: "B", decidedBy: 0),
        // Standard w ascending: 1 < 2 → A.
        TieCase(name: "standard asc", tieBreak: #"{ "by": "standard", "id": "w", "order": "asc" }"#, a: ("4", "1", "0", "0"), b: ("3", "2", "0", "0"), first: "A", decidedBy: 0),
        // Tied on ballots (3, 3) and area work (2, 2); metric m 10 < 20, descending → B, at the third key.
        TieCase(name: "metric desc at the third level", tieBreak: #"{ "by": "ballots" }, { "by": "area", "id": "work" }, { "by": "metric", "id": "m", "order": "desc" }"#,
                a: ("3", "2", "10", "0"), b: ("3", "2", "20", "0"), first: "B", decidedBy: 2),
        // Same units, metric m ascending → A.
        TieCase(name: "metric asc", tieBreak: #"{ "by": "metric", "id": "m", "order": "asc" }"#, a: ("3", "2", "10", "0"), b: ("3", "2", "20", "0"), first: "A", decidedBy: 0),
        // A: 3 + 1 + bonus 1 = 5; B: 3 + 2 + 0 = 5. Ballots tie 3 = 3; bonus 1 > 0 → A at the second key.
        TieCase(name: "bonus at the second level", tieBreak: #"{ "by": "ballots" }, { "by": "bonus" }"#, a: ("3", "1", "0", "1"), b: ("3", "2", "0", "0"), first: "A", decidedBy: 1),
    ]

    @Test("equal totals are ordered by the first tie-break that differs, and the note says which", arguments: tieCases)
    func tieBreak(_ c: TieCase) throws {
        // B is listed first so that input order alone would put B ahead.
        let units = "id,name,n,m,f\nB,乙,\(c.b.1),\(c.b.2),\(c.b.3)\nA,甲,\(c.a.1),\(c.a.2),\(c.a.3)\n"
        let ballots = "representative,unit,standard,score\nR1,A,b,\(c.a.0)\nR1,B,b,\(c.b.0)\n"
        let s = try TestSession(rules: Self.tieRules(c.tieBreak), units: units, ballots: ballots).run()
        #expect(s.unit("A").total == 5 && s.unit("B").total == 5)
        let second = c.first == "A" ? "B" : "A"
        #expect(s.orderedIDs == [c.first, second])
        #expect(s.unit(c.first).rank == 1 && s.unit(second).rank == 2)
        let note = try #require(s.ranking.tieNote(s.table.index(ofUnit: second)!))
        #expect(note.above == s.table.index(ofUnit: c.first))
        guard case .decided(let index, _, _) = note.decision else { Issue.record("expected a decided tie, got \(note.decision)"); return }
        #expect(index == c.decidedBy)
    }

    /// The note of the unit placed first, worded by hand for each kind of tie-break (docs/outputs.md).
    static let tieNotes: [(String, String)] = [
        ("ballots", "与 B 同分，按代表评分 4.00 对 3.00 排在前"),
        ("area", "与 A 同分，按“work方面”得分 2.00 对 1.00 排在前"),
        ("standard asc", "与 B 同分，按“w名”得分 1.00 对 2.00 排在前"),
        ("metric desc at the third level", "与 A 同分，按指标“m名” 20 对 10 排在前"),
        ("metric asc", "与 B 同分，按指标“m名” 10 对 20 排在前"),
        ("bonus at the second level", "与 B 同分，按加分 1.00 对 0.00 排在前"),
    ]

    @Test("a tie note names what decided it in quotes, and the summary writes the same words", arguments: zip(tieCases, tieNotes))
    func tieNoteWords(_ c: TieCase, _ expected: (String, String)) throws {
        #expect(c.name == expected.0)
        let units = "id,name,n,m,f\nB,乙,\(c.b.1),\(c.b.2),\(c.b.3)\nA,甲,\(c.a.1),\(c.a.2),\(c.a.3)\n"
        let ballots = "representative,unit,standard,score\nR1,A,b,\(c.a.0)\nR1,B,b,\(c.b.0)\n"
        var s = try TestSession(rules: Self.tieRules(c.tieBreak), units: units, ballots: ballots).run()
        let first = try #require(s.table.index(ofUnit: c.first)), second = try #require(s.table.index(ofUnit: c.first == "A" ? "B" : "A"))
        let notes = SummaryExport.Notes(s.report, lang: .zh)
        #expect(notes.text(first) == expected.1)
        // The other unit's note is the same comparison from its side.
        let behind = try #require(notes.text(second))
        #expect(behind.hasSuffix(" 排在后") && behind.contains("同分，按"))
        // The summary's byte writer (the path large runs take) writes the same words.
        #expect(String(decoding: SummaryWriter.csv(s.report, threads: 1), as: UTF8.self).contains(expected.1))
        // A seal 0.18.0 made is re-derived with its words: `按方面work方面 2.00 对 1.00 在前`.
        s.report.writtenAs = [0, 18, 0]
        let old = try #require(SummaryExport.Notes(s.report, lang: .zh).text(first))
        #expect(old.hasSuffix(" 在前") && !old.contains("排在") && !old.contains("“"))
        if c.name == "area" { #expect(old == "与 A 同分，按方面work方面 2.00 对 1.00 在前") }
        #expect(String(decoding: SummaryWriter.csv(s.report, threads: 1), as: UTF8.self).contains(old))
    }

    @Test("a tie-break by a bonus or deduction item says what it adds or takes off, not 得分")
    func tieNoteItemKinds() throws {
        let rules = BulkFixtures.xicheng
        var t = try #require(rules.ranking.tieBreak.first)
        func text(_ key: RankingPolicy.TieBreak.Key, quoted: Bool = true) -> String {
            t.key = key
            return RulesTable.tieBreakText(t, rules: rules, withOrder: false, quoted: quoted)
        }
        #expect(text(.standard("deduct.audit_violations")) == "“经费审查发现违规问题”扣分")
        #expect(text(.standard("bonus.model_home")) == "“市级示范职工之家”加分")
        #expect(text(.standard("funds.collection")) == "“工会经费收缴率”得分")
        #expect(text(.area("rights")) == "“依法维权”得分")
        #expect(text(.bonus) == "加分" && text(.ballots) == "代表评分")
        // Before 0.19.0.
        #expect(text(.standard("deduct.audit_violations"), quoted: false) == "标准经费审查发现违规问题")
        #expect(text(.area("rights"), quoted: false) == "方面依法维权")
    }

    @Test("the tie note carries both units' values of the deciding key")
    func tieNoteValues() throws {
        let units = "id,name,n,m,f\nA,甲,1,0,0\nB,乙,2,0,0\n"
        let ballots = "representative,unit,standard,score\nR1,A,b,4\nR1,B,b,3\n"
        let s = try TestSession(rules: Self.tieRules(#"{ "by": "ballots" }"#), units: units, ballots: ballots).run()
        // B (ballots 3) is below A (ballots 4).
        #expect(s.ranking.tieNote(1) == Ranker.TieNote(above: 0, decision: .decided(index: 0, mine: 3, theirs: 4)))
    }

    @Test("a tie that survives every tie-break is a shared rank")
    func survivingTie() throws {
        // Identical except m, which no tie-break reads.
        let units = "id,name,n,m,f\nA,甲,2,10,0\nB,乙,2,20,0\nC,丙,1,0,0\n"
        let ballots = "representative,unit,standard,score\nR1,A,b,3\nR1,B,b,3\nR1,C,b,3\n"
        let s = try TestSession(rules: Self.tieRules(#"{ "by": "ballots" }, { "by": "area", "id": "work" }"#), units: units, ballots: ballots).run()
        // A, B: 3 + 2 = 5; C: 3 + 1 = 4
        #expect(s.unit("A").rank == 1 && s.unit("B").rank == 1)
        #expect(s.unit("C").rank == 3)
        #expect(s.ranking.tieNote(1) == Ranker.TieNote(above: 0, decision: .shared))
        // C's total differs from B's: no tie note.
        #expect(s.ranking.tieNote(2) == nil)
    }

    // MARK: quotas

    static let quotaGrades = #"[ { "name": "优秀", "min": 90, "quota": 30 }, { "name": "良好", "min": 80 }, { "name": "合格", "min": 60 }, { "name": "不合格" } ]"#

    @Test("30 % of 7 units is 2: the third 优秀 moves to 良好 and is named")
    func quota() throws {
        // ⌊30 × 7 / 100⌋ = ⌊2.1⌋ = 2
        let s = try Self.session(Self.plain(grades: Self.quotaGrades),
                                 [("U1", "企业", "99"), ("U2", "企业", "98"), ("U3", "企业", "97"), ("U4", "企业", "85"),
                                  ("U5", "企业", "84"), ("U6", "企业", "70"), ("U7", "企业", "50")])
        #expect(["U1", "U2", "U3", "U4", "U5", "U6", "U7"].map { s.unit($0).grade } == ["优秀", "优秀", "良好", "良好", "良好", "合格", "不合格"])
        #expect(s.unit("U3").movedFrom == "优秀")
        #expect(s.unit("U3").gradeByTotal == "优秀")
        let u3 = try #require(s.table.index(ofUnit: "U3"))
        #expect(s.ranking.quotaMoves == [Ranker.QuotaMove(unit: u3, from: "优秀", to: "良好", allowed: 2, quotaPercent: 30)])
    }

    @Test("a tie group at the quota boundary moves down whole")
    func quotaTieGroup() throws {
        // Allowed 2. U1 (99) keeps 优秀; U2 and U3 share rank 2 at 98: keeping both would make 3 > 2,
        // so both move to 良好.
        let s = try Self.session(Self.plain(grades: Self.quotaGrades),
                                 [("U1", "企业", "99"), ("U2", "企业", "98"), ("U3", "企业", "98"), ("U4", "企业", "85"),
                                  ("U5", "企业", "84"), ("U6", "企业", "70"), ("U7", "企业", "50")])
        #expect(s.unit("U2").rank == 2 && s.unit("U3").rank == 2)
        #expect(s.unit("U1").grade == "优秀")
        #expect(s.unit("U2").grade == "良好" && s.unit("U3").grade == "良好")
        #expect(Set(s.ranking.quotaMoves.map { s.table.units[$0.unit].id }) == ["U2", "U3"])
    }

    @Test("within the quota nobody moves")
    func withinQuota() throws {
        // 10 units, 30 % → 3 allowed; exactly 3 reach 90.
        let rows = (1...10).map { ("U\($0)", "企业", String(100 - 5 * $0)) }  // 95, 90, 85, 80, …
        let s = try Self.session(Self.plain(grades: Self.quotaGrades), [("U0", "企业", "99")] + rows.dropLast())
        // U0 99, U1 95, U2 90 → 3 of 10 may be 优秀
        #expect(s.ranking.quotaMoves.isEmpty)
        #expect(s.unit("U2").grade == "优秀")
    }
}

/// The ranker against a plain restatement of the rules of ranking, on many units with many
/// ties, missing tie-break values and more categories than the ranker's short list holds.
@Suite("Ranker agrees with ranks counted one by one")
struct RankerReferenceTests {
    @Test("random totals with ties, three tie-breaks, missing values, 20 categories", arguments: [1, 2, 3])
    func reference(seed: UInt64) {
        let rules = BulkFixtures.xicheng
        let kc = rules.ranking.tieBreak.count
        var random = SplitMix64(seed: seed)
        let n = 600
        var table = ScoreTable(unitCount: n, areaCount: rules.areas.count, standardCount: rules.standards.count,
                               precision: 2, tieBreaks: kc, width: .narrow)
        for u in 0..<n {
            table.total[u] = Int64(random.next() % 12) * 50 + 6000
            for k in 0..<kc {
                let r = random.next() % 4
                table.tieKeys[u * kc + k] = r == 0 ? nil : Rational(Int64(r), 2)
            }
        }
        table.resetGrades()
        let categories = (0..<n).map { _ in "类别\(random.next() % 20)" }
        var ranked = table
        let report = Ranker.rank(&ranked, rules: rules, categories: categories)

        // a is ahead of b: higher total, or the first tie-break that differs favours a
        // (a missing value counts as worst). `nil`: equal on everything.
        func ahead(_ a: Int, _ b: Int) -> Bool? {
            if table.total[a] != table.total[b] { return table.total[a] > table.total[b] }
            for (k, t) in rules.ranking.tieBreak.enumerated() {
                switch (table.tieKeys[a * kc + k], table.tieKeys[b * kc + k]) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case let (x?, y?):
                    if x == y { continue }
                    return t.descending ? x > y : x < y
                }
            }
            return nil
        }
        for u in 0..<n {
            let before = (0..<n).filter { ahead($0, u) == true }
            #expect(ranked.rank[u] == Int32(before.count + 1), "unit \(u)")
            #expect(ranked.categoryRank[u] == Int32(before.filter { categories[$0] == categories[u] }.count + 1), "unit \(u)")
        }
        // The order: best first, equal units in input order; each tie explained against the one above.
        for p in 1..<n {
            let (a, b) = (report.order[p - 1], report.order[p])
            let verdict = ahead(a, b)
            #expect(verdict == true || (verdict == nil && a < b))
            #expect(report.position[b] == p)
            if table.total[a] == table.total[b] {
                #expect(report.notesInOrder[p]?.above == a)
                if verdict == nil { #expect(report.notesInOrder[p]?.decision == .shared) }
            } else {
                #expect(report.notesInOrder[p] == nil)
            }
        }
    }
}
