import Foundation
import Testing
@testable import KaimenKit

/// The representatives' ballots: aggregation, trimming, overrides, recusal, too few ballots
/// and ballots on a whole area. Area `v` (3 points) holds one ballot standard `b`.
@Suite("Ballots: aggregation, trimming, recusal and too few ballots")
struct BallotScoringTests {
    static func rules(policy: String, standard: String = "", target: String = "standard", notAssessable: String? = nil) -> String {
        RulesText.make(
            metrics: RulesText.metric("n"),
            areas: RulesText.area("v", points: "3"),
            standards: #"{ "id": "b", "area": "v", "name": "评议", "criteria": "代表打分。", "points": 3, "method": "ballot", "target": "\#(target)" \#(standard)\#(notAssessable.map { #", "notAssessable": \#($0)"# } ?? "") }"#,
            more: #""ballots": { \#(policy) },"#)
    }

    static let trimmed = #""aggregate": "trimmedMean", "trim": { "k": 1, "minBallots": 5 }, "minBallots": 3, "scoreStep": 0.5"#

    /// Ballots for `U1` on `item`, one per score, by R1, R2, … in order.
    static func ballots(_ scores: [String], item: String = "b", unit: String = "U1") -> String {
        "representative,unit,standard,score\n" + scores.enumerated().map { "R\($0 + 1),\(unit),\(item),\($1)\n" }.joined()
    }

    func run(_ rules: String, _ ballots: String, roster: String? = nil, strict: Bool = false) throws -> ScoringSession {
        try TestSession(rules: rules, units: "id,name,n\nU1,甲工会,0\nU2,乙工会,0\n", roster: roster, ballots: ballots, strict: strict).run()
    }

    @Test("with one ballot fewer than the trimming minimum, the plain mean")
    func belowTrimMinimum() throws {
        // 4 ballots < 5: no trimming; (3 + 2.5 + 2 + 1.5)/4 = 9/4 = 2.25
        let s = try run(Self.rules(policy: Self.trimmed), Self.ballots(["3", "2.5", "2", "1.5"]))
        #expect(s.points("U1", "b") == Rational(9, 4))
        guard case .ballot(let d) = s.standard("U1", "b").detail else { Issue.record("no ballot detail"); return }
        #expect(d.trimmed == nil)
    }

    @Test("with exactly the trimming minimum, the highest and lowest are dropped")
    func atTrimMinimum() throws {
        // 1.5, 2, 2.5, 2.5, 3 with k = 1: drop 1.5 and 3 → (2 + 2.5 + 2.5)/3 = 7/3 = 2.333…
        let s = try run(Self.rules(policy: Self.trimmed), Self.ballots(["2.5", "1.5", "3", "2", "2.5"]))
        #expect(s.points("U1", "b") == Rational(7, 3))
        guard case .ballot(let d) = s.standard("U1", "b").detail else { Issue.record("no ballot detail"); return }
        #expect(d.trimmed == 1)
        #expect(d.droppedLow.map(\.score) == [dec("1.5")])
        #expect(d.droppedHigh.map(\.score) == [3])
    }

    @Test("median of an odd and of an even number of ballots", arguments: [
        (["1", "3", "2"], Rational(2)),                // sorted 1, 2, 3 → 2
        (["3", "1", "2.5", "2"], Rational(9, 4)),      // sorted 1, 2, 2.5, 3 → (2 + 2.5)/2 = 2.25
        (["0", "0", "3", "3", "3"], Rational(3)),      // sorted 0, 0, 3, 3, 3 → 3
    ])
    func median(scores: [String], expected: Rational) throws {
        let s = try run(Self.rules(policy: #""aggregate": "median""#), Self.ballots(scores))
        #expect(s.points("U1", "b") == expected)
    }

    @Test("mean of every ballot, never trimmed")
    func mean() throws {
        // (1 + 2 + 3 + 3 + 0.5 + 0)/6 = 9.5/6 = 19/12
        let s = try run(Self.rules(policy: #""aggregate": "mean""#), Self.ballots(["1", "2", "3", "3", "0.5", "0"]))
        #expect(s.points("U1", "b") == Rational(19, 12))
    }

    @Test("a standard's own aggregate, trim and minimum override the file's")
    func override() throws {
        // File: median. Standard: mean. 1, 1, 3 → mean 5/3 (the median would be 1).
        let mean = try run(Self.rules(policy: #""aggregate": "median""#, standard: #", "aggregate": "mean""#), Self.ballots(["1", "1", "3"]))
        #expect(mean.points("U1", "b") == Rational(5, 3))
        // Standard trim k = 2 from 5 ballots: 0, 1, 2, 3, 3 → drop 0, 1 and 3, 3 → 2.
        let trim = try run(Self.rules(policy: Self.trimmed, standard: #", "trim": { "k": 2, "minBallots": 5 }"#), Self.ballots(["3", "0", "2", "1", "3"]))
        #expect(trim.points("U1", "b") == 2)
        // Standard minBallots 2: two ballots suffice. (1 + 2)/2 = 1.5
        let two = try run(Self.rules(policy: Self.trimmed, standard: #", "minBallots": 2"#), Self.ballots(["1", "2"]))
        #expect(two.standard("U1", "b").status == .scored)
        #expect(two.points("U1", "b") == dec("1.5"))
    }

    static let ownUnitRoster = "id,name,group,units\nR1,代表一,一组,U1\nR2,代表二,一组,\nR3,代表三,一组,\nR4,代表四,二组,U2\n"

    @Test("a ballot for the representative's own unit is not counted, and is listed")
    func recusal() throws {
        // R1 belongs to U1: their 3 is set aside; mean of R2–R4's 1, 1, 1 = 1.
        let s = try run(Self.rules(policy: #""aggregate": "mean""#), Self.ballots(["3", "1", "1", "1"]), roster: Self.ownUnitRoster)
        #expect(s.points("U1", "b") == 1)
        #expect(s.ballots.recusals.count == 1)
        let v = try #require(s.ballots.recusals.first)
        #expect(v.representative == "R1" && v.unit == "U1" && v.item == "b" && v.score == 3)
        #expect(v.location.line == 2)
        // Listed once with the run's warnings, naming the representative, the unit and the line.
        let warning = try #require(SessionWarnings.collect(s, lang: .zh).first { $0.hasPrefix("回避") })
        #expect(warning.contains("R1") && warning.contains("U1") && warning.contains(":2"))
        #expect(!s.inputWarnings.contains { $0.code == "recusal" }, "not repeated as an input warning")
    }

    @Test("with `strict`, a recusal violation stops the run")
    func strictRecusal() throws {
        let t = TestSession(rules: Self.rules(policy: #""aggregate": "mean""#), units: "id,name,n\nU1,甲工会,0\nU2,乙工会,0\n",
                            roster: Self.ownUnitRoster, ballots: Self.ballots(["3", "1", "1", "1"]), strict: true)
        let problems = t.failures()
        let recusal = try #require(problems.first { $0.code == "recusal" })
        #expect(recusal.severity == .error)
        #expect(recusal.location?.line == 2 && recusal.location?.column == 1)
        #expect(recusal.message.contains("R1") && recusal.message.contains("U1"))
    }

    @Test("too few ballots: `insufficient: zero` scores 0 whatever the standard's notAssessable")
    func insufficientZero() throws {
        // 2 ballots < minBallots 3 → 0, not the standard's 1.5.
        let s = try run(Self.rules(policy: Self.trimmed + #", "insufficient": "zero""#, notAssessable: "1.5"), Self.ballots(["3", "3"]))
        #expect(s.standard("U1", "b").status == .insufficientBallots(count: 2, needed: 3))
        #expect(s.points("U1", "b") == 0)
    }

    @Test("too few ballots: `insufficient: notAssessable` scores as the standard's notAssessable")
    func insufficientNotAssessable() throws {
        // 2 ballots < 3 → not assessable → the standard's 1.5
        let s = try run(Self.rules(policy: Self.trimmed + #", "insufficient": "notAssessable""#, notAssessable: "1.5"), Self.ballots(["3", "3"]))
        #expect(s.standard("U1", "b").status == .insufficientBallots(count: 2, needed: 3))
        #expect(s.points("U1", "b") == dec("1.5"))
        // U2 has no ballots at all: 0 < 3 → 1.5 as well
        #expect(s.standard("U2", "b").status == .insufficientBallots(count: 0, needed: 3))
        #expect(s.points("U2", "b") == dec("1.5"))
    }

    @Test("a recused ballot does not count towards the minimum")
    func recusalLeavesTooFew() throws {
        // R1's own-unit ballot is set aside: 2 counted < 3 → insufficient → 0.
        let s = try run(Self.rules(policy: Self.trimmed + #", "insufficient": "zero""#), Self.ballots(["3", "2", "2"]), roster: Self.ownUnitRoster)
        #expect(s.standard("U1", "b").status == .insufficientBallots(count: 2, needed: 3))
    }

    @Test("area-targeted ballots name the area id")
    func areaTarget() throws {
        // Ballots name area `v`; mean of 2, 2.5, 3 = 7.5/3 = 2.5
        let s = try run(Self.rules(policy: #""aggregate": "mean""#, target: "area"), Self.ballots(["2", "2.5", "3"], item: "v"))
        #expect(s.ballots.items.map(\.key) == ["v"])
        #expect(s.points("U1", "b") == dec("2.5"))
        #expect(s.area("U1", "v").subtotal == dec("2.5"))
    }
}
