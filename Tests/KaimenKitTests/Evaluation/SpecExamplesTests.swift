import Foundation
import Testing
@testable import KaimenKit

/// The worked examples of docs/rules.md (*How a unit's total is worked out*, *Quotas*), run.
@Suite("The worked examples in docs/rules.md give the numbers the docs state")
struct SpecExamplesTests {
    @Test("weights: the area's maximum is 256/21 ≈ 12.19 and the subtotal 463/42 ≈ 11.02")
    func weights() throws {
        let metrics = ["p1", "p2", "p3", "q"].map { RulesText.metric($0, "flag") }.joined(separator: ", ") + ", " + RulesText.metric("late")
        let standards = [
            RulesText.standard("r1", area: "rights", points: "3", #""method": "presence", "metric": "p1""#),
            RulesText.standard("r2", area: "rights", points: "3", #""method": "presence", "metric": "p2""#),
            RulesText.standard("r3", area: "rights", points: "2", #""method": "presence", "metric": "p3""#),
            RulesText.standard("rb", area: "rights", points: "4", #""method": "ballot", "target": "standard""#),
            RulesText.standard("o1", area: "other", points: "62", #""method": "presence", "metric": "q""#),
            RulesText.standard("ob", area: "other", points: "26", #""method": "ballot", "target": "standard""#),
        ].joined(separator: ", ")
        let rules = RulesText.make(metrics: metrics, areas: RulesText.area("rights", points: "12") + ", " + RulesText.area("other", points: "88"),
                                   standards: standards,
                                   more: #""ballots": { "aggregate": "mean", "minBallots": 1, "combine": { "mode": "weighted", "ballots": 40, "metrics": 60 } }, "deductions": [ { "id": "d", "area": "rights", "name": "迟报", "criteria": "每次扣0.5分。", "points": 2, "method": "count", "metric": "late", "perUnit": 0.5 } ],"#)
        let s = try TestSession(rules: rules, units: "id,name,p1,p2,p3,q,late\nU1,甲,1,1,1,0,1\n",
                                ballots: "representative,unit,standard,score\nR1,U1,rb,3.5\nR1,U1,ob,0\n").run()
        // fb = 40 × 100 / (100 × 30) = 4/3; fm = 60 × 100 / (100 × 70) = 6/7.
        // Maximum: (3 + 3 + 2) × 6/7 + 4 × 4/3 = 48/7 + 16/3 = 256/21.
        #expect(s.area("U1", "rights").maxPoints == Rational(256, 21))
        // Earned: 8 × 6/7 + 3.5 × 4/3 = 48/7 + 14/3 = 242/21; less the 0.5 deduction: 463/42.
        #expect(s.area("U1", "rights").earned == Rational(242, 21))
        #expect(s.area("U1", "rights").subtotal == Rational(463, 42))
    }

    @Test("quotas: a tied group at the boundary moves whole, moves cascade, a forced grade neither moves nor counts")
    func quotas() throws {
        let grades = #"[ { "name": "优秀", "min": 90, "quota": 20 }, { "name": "良好", "min": 80, "quota": 30 }, { "name": "合格", "min": 60 }, { "name": "不合格" } ]"#
        let rules = RulesText.make(metrics: RulesText.metric("n") + ", " + RulesText.metric("v"),
                                   areas: RulesText.area("a", points: "100"),
                                   standards: RulesText.standard("s", area: "a", points: "100", #""method": "linear", "metric": "n", "floor": 0, "target": 100"#),
                                   grades: grades,
                                   more: #""vetoes": [ { "id": "veto", "name": "事故", "criteria": "定为合格。", "when": "v > 0", "grade": "合格" } ],"#)
        let units = "id,name,n,v\nA,甲,95,0\nB,乙,93,0\nC,丙,93,0\nD,丁,91,0\nE,戊,88,0\nF,己,85,0\nG,庚,97,1\nH,辛,70,0\nI,壬,65,0\nJ,癸,50,0\n"
        let s = try TestSession(rules: rules, units: units).run()
        // 优秀: ⌊20% × 10⌋ = 2. Holders A (rank 2), B and C (rank 3), D (rank 5); G (97) is forced to 合格.
        // A kept; B + C would make 3 > 2: B, C and D move to 良好.
        // 良好: ⌊30% × 10⌋ = 3. Holders B, C, D, E, F: B and C (2), D (3) kept; E and F move to 合格.
        let grade = { (id: String) in s.unit(id).grade }
        #expect(grade("A") == "优秀")
        #expect(["B", "C", "D"].map(grade) == ["良好", "良好", "良好"])
        #expect(["E", "F"].map(grade) == ["合格", "合格"])
        #expect(grade("G") == "合格")
        #expect(s.unit("G").rank == 1)
        #expect(grade("J") == "不合格")
    }
}
