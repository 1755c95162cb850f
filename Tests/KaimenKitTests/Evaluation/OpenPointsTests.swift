import Foundation
import Testing
@testable import KaimenKit

/// The points docs/rules.md used to leave open, each decided and worked out by hand.
@Suite("Open points decided: branches, bonuses, trimming, counts, surveys, proration")
struct OpenPointsTests {
    @Test("a notAssessable metric matters only where the formula reads it: an if branch not taken does not")
    func branchNotTaken() throws {
        let rules = RulesText.single(points: "2", metrics: RulesText.metric("n") + ", " + RulesText.metric("m", missing: "notAssessable"),
                                     method: #""method": "expression", "formula": "if n > 0 then 2 else m""#)
        let s = try TestSession(rules: rules, units: "id,name,n,m\nU1,甲,1,\nU2,乙,0,\n").run()
        // U1: n > 0, the then branch gives 2; m is never read.
        #expect(s.standard("U1", "s").status == .scored)
        #expect(s.points("U1", "s") == 2)
        // U2: the else branch reads m, which is missing: not assessable, scored 0 (file default `zero`).
        #expect(s.standard("U2", "s").status == .notAssessable(.missingMetric("m")))
        #expect(s.points("U2", "s") == 0)
    }

    static func bonusRules(own: String) -> String {
        RulesText.single(points: "10", metrics: RulesText.metric("n") + ", " + RulesText.metric("g", "flag", missing: "notAssessable"),
                         method: #""method": "linear", "metric": "n", "floor": 0, "target": 10"#,
                         more: #""notAssessable": "full", "bonuses": [ { "id": "bonus.g", "name": "五好", "criteria": "加2分。", "points": 2, "method": "presence", "metric": "g"\#(own) } ],"#)
    }

    @Test("a bonus that cannot be assessed scores 0 whatever the file's default; its own notAssessable applies")
    func bonusNotAssessable() throws {
        // File default `full` is for standards only: the bonus scores 0, total = n = 5.
        let plain = try TestSession(rules: Self.bonusRules(own: ""), units: "id,name,n,g\nU1,甲,5,\n").run()
        #expect(plain.unit("U1").bonus == 0)
        #expect(plain.unit("U1").total == 5)
        // With its own `"notAssessable": "full"`: 2 points, total 5 + 2 = 7.
        let own = try TestSession(rules: Self.bonusRules(own: #", "notAssessable": "full""#), units: "id,name,n,g\nU1,甲,5,\n").run()
        #expect(own.unit("U1").bonus == 2)
        #expect(own.unit("U1").total == 7)
    }

    @Test("a standard's trim replaces the file's whole: keys it leaves out take their defaults (k 1, minBallots 5)")
    func partialTrim() throws {
        // File: k 1 from 7 ballots, so 5 ballots would get the plain mean (0+1+2+3+3)/5 = 9/5.
        // Standard: { "k": 2 } → minBallots 5 (the default, not the file's 7): 5 ballots sorted
        // 0, 1, 2, 3, 3, drop 2 low and 2 high → 2.
        let file = BallotScoringTests.rules(policy: #""aggregate": "trimmedMean", "trim": { "k": 1, "minBallots": 7 }, "minBallots": 1"#)
        let standard = BallotScoringTests.rules(policy: #""aggregate": "trimmedMean", "trim": { "k": 1, "minBallots": 7 }, "minBallots": 1"#,
                                                standard: #", "trim": { "k": 2 }"#)
        let ballots = BallotScoringTests.ballots(["0", "1", "2", "3", "3"])
        let units = "id,name,n\nU1,甲工会,0\nU2,乙工会,0\n"
        #expect(try TestSession(rules: file, units: units, ballots: ballots).run().points("U1", "b") == Rational(9, 5))
        #expect(try TestSession(rules: standard, units: units, ballots: ballots).run().points("U1", "b") == 2)
    }

    @Test("n − 2k ≤ 0 cannot happen: trimming k needs minBallots above 2k, or the rules are rejected")
    func trimNeedsEnoughBallots() {
        let rules = BallotScoringTests.rules(policy: #""trim": { "k": 3, "minBallots": 5 }"#)
        let problems = TestSession(rules: rules, units: "id,name,n\nU1,甲,0\n").failures()
        #expect(problems.map(\.code).contains("invalid-value"))
    }

    @Test("count with a negative number metric scores 0, not negative points")
    func negativeCount() throws {
        let rules = RulesText.single(points: "2", metrics: RulesText.metric("v", "number"), method: #""method": "count", "metric": "v", "perUnit": 0.5"#)
        let s = try TestSession(rules: rules, units: "id,name,v\nU1,甲,-3\nU2,乙,3\n").run()
        // U1: −3 × 0.5 = −1.5, clamped to 0. U2: 3 × 0.5 = 1.5 (below the cap of 2).
        #expect(s.points("U1", "s") == 0)
        #expect(s.points("U2", "s") == Rational(3, 2))
    }

    @Test("a survey whose population is 0 is not assessable")
    func surveyZeroPopulation() throws {
        let metrics = ["sa", "ba", "da", "pop"].map { RulesText.metric($0) }.joined(separator: ", ")
        let rules = RulesText.single(points: "4", metrics: metrics,
                                     method: #""method": "survey", "satisfied": "sa", "basic": "ba", "dissatisfied": "da", "participation": { "population": "pop", "min": 0.6 }"#)
        // No respondents of none (3 + 1 of 0 is an error in the data since 0.29.6, survey-above-population).
        let s = try TestSession(rules: rules, units: "id,name,sa,ba,da,pop\nU1,甲,0,0,0,0\n").run()
        #expect(s.standard("U1", "s").status == .notAssessable(.zeroDenominator("pop")))
        #expect(s.points("U1", "s") == 0)
    }

    @Test("prorating an area whose assessed standards are worth 0 points: the area scores 0")
    func prorateOverZero() throws {
        let rules = RulesText.make(metrics: RulesText.metric("p", "flag") + ", " + RulesText.metric("q", "flag", missing: "notAssessable"),
                                   areas: RulesText.area("a", points: "4"),
                                   standards: [RulesText.standard("s0", area: "a", points: "0", #""method": "presence", "metric": "p""#),
                                               RulesText.standard("s1", area: "a", points: "4", #""method": "presence", "metric": "q", "notAssessable": "prorate""#)].joined(separator: ", "))
        let s = try TestSession(rules: rules, units: "id,name,p,q\nU1,甲,1,\n").run()
        // s1 is left out; the assessed standards (s0) are worth 0 of 4: 4/0 has no factor, so the area is 0.
        #expect(s.area("U1", "a").subtotal == 0)
        #expect(s.unit("U1").total == 0)
    }
}
