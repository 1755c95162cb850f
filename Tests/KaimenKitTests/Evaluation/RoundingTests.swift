import Foundation
import Testing
@testable import KaimenKit

/// Totals are exact until rounded half away from zero at the rules' precision; grades and
/// ranks read the rounded total.
@Suite("Rounding: exact sums, half away from zero, grades on the rounded total")
struct RoundingTests {
    /// One area of `points` with one linear standard on `n`, floor 0 and the given target.
    static func linear(points: String, target: String, precision: Int = 2) -> String {
        RulesText.make(
            metrics: RulesText.metric("n"),
            areas: RulesText.area("a", points: points),
            standards: RulesText.standard("s", area: "a", points: points, #""method": "linear", "metric": "n", "floor": 0, "target": \#(target)"#),
            more: #""ranking": { "precision": \#(precision) },"#)
    }

    @Test("2.675 rounds to 2.68, not to the 2.67 of binary floating point")
    func twoSixSevenFive() throws {
        // 10 × 107/400 = 1070/400 = 2.675 exactly
        let s = try TestSession(rules: Self.linear(points: "10", target: "400"), units: "id,name,n\nU1,甲,107\n").run()
        #expect(s.unit("U1").exactTotal == dec("2.675"))
        #expect(s.unit("U1").total == dec("2.68"))
        #expect(s.unit("U1").total.formatted(places: 2) == "2.68")
    }

    @Test("89.995 rounds to 90.00 and reaches 优秀 at min 90; 89.99 does not", arguments: [
        ("17999", "89.995", "90.00", "优秀"),  // 100 × 17999/20000 = 89.995 → 90.00 ≥ 90
        ("17998", "89.99", "89.99", "良好"),   // 100 × 17998/20000 = 89.99 < 90
        ("17990", "89.95", "89.95", "良好"),   // 100 × 17990/20000 = 89.95
    ])
    func gradeBoundary(n: String, exact: String, total: String, grade: String) throws {
        let s = try TestSession(rules: Self.linear(points: "100", target: "20000"), units: "id,name,n\nU1,甲,\(n)\n").run()
        #expect(s.unit("U1").exactTotal == dec(exact))
        #expect(s.unit("U1").total.formatted(places: 2) == total)
        #expect(s.unit("U1").grade == grade)
    }

    @Test("ranks use the rounded total: 89.995 and 90 both round to 90.00 and share rank 1")
    func roundedTotalsTie() throws {
        // 100 × 17999/20000 = 89.995 → 90.00; 100 × 18000/20000 = 90 → 90.00; 100 × 17000/20000 = 85
        let s = try TestSession(rules: Self.linear(points: "100", target: "20000"), units: "id,name,n\nU1,甲,17999\nU2,乙,18000\nU3,丙,17000\n").run()
        #expect(s.unit("U1").exactTotal != s.unit("U2").exactTotal)
        #expect(s.unit("U1").rank == 1 && s.unit("U2").rank == 1)
        #expect(s.unit("U3").rank == 3)
        #expect(s.ranking.tieNote(1) == Ranker.TieNote(above: 0, decision: .shared))
    }

    @Test("precision 0 rounds 2.5 up to 3 and keeps 2.49 at 2")
    func precisionZero() throws {
        // 10 × 100/400 = 2.5 → 3 (half away from zero); 10 × 99/400 = 2.475 → 2
        let s = try TestSession(rules: Self.linear(points: "10", target: "400", precision: 0), units: "id,name,n\nU1,甲,100\nU2,乙,99\n").run()
        #expect(s.unit("U1").total == 3)
        #expect(s.unit("U2").total == 2)
    }

    @Test("0.1 + 0.2 + 0.3 ties 0.6 exactly: same total, same rank")
    func tenthsTie() throws {
        // Presence standards worth 0.1, 0.2, 0.3 and 0.6 (area 1.2), precision 6 so rounding cannot hide an error.
        let standards = [("p1", "0.1"), ("p2", "0.2"), ("p3", "0.3"), ("q", "0.6")].map {
            RulesText.standard($0.0, area: "a", points: $0.1, #""method": "presence", "metric": "\#($0.0)""#)
        }.joined(separator: ",")
        let rules = RulesText.make(
            metrics: ["p1", "p2", "p3", "q"].map { RulesText.metric($0, "flag") }.joined(separator: ","),
            areas: RulesText.area("a", points: "1.2"), standards: standards,
            grades: #"[ { "name": "合格", "min": 0.6 }, { "name": "不合格" } ]"#,
            more: #""ranking": { "precision": 6 },"#)
        let s = try TestSession(rules: rules, units: "id,name,p1,p2,p3,q\nX,甲,1,1,1,0\nY,乙,0,0,0,1\nZ,丙,0,0,1,0\n").run()
        // X: 0.1 + 0.2 + 0.3 = 0.6; Y: 0.6. (In binary floating point 0.1 + 0.2 + 0.3 = 0.6000000000000001.)
        #expect(s.unit("X").exactTotal == Rational(3, 5))
        #expect(s.unit("Y").exactTotal == Rational(3, 5))
        #expect(s.unit("X").total == s.unit("Y").total)
        #expect(s.unit("X").rank == 1 && s.unit("Y").rank == 1)
        #expect(s.unit("Z").rank == 3)   // 0.3; competition rank after two tied at 1
        #expect(s.unit("X").grade == "合格" && s.unit("Y").grade == "合格")
        let y = try #require(s.table.index(ofUnit: "Y"))
        #expect(s.ranking.tieNote(y)?.decision == .shared)
    }
}
