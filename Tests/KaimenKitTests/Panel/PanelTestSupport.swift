import Foundation
@testable import KaimenKit

/// Constructed panels: area `v` (6 points) holds two ballot standards, `b1` (4 points) and
/// `b2` (2 points); six units `U1`…`U6`; representatives in groups. `score(rep, unit, item)`
/// gives each ballot (`nil`: not cast).
struct ConstructedPanel {
    static func rules(corridor: String = "") -> String {
        RulesText.make(
            metrics: RulesText.metric("n"),
            areas: RulesText.area("v", points: "6"),
            standards: RulesText.standard("b1", area: "v", points: "4", #""method": "ballot""#) + ", "
                + RulesText.standard("b2", area: "v", points: "2", #""method": "ballot""#),
            more: #""ballots": { "aggregate": "trimmedMean", "trim": { "k": 1, "minBallots": 5 }, "minBallots": 3\#(corridor) },"#)
    }

    static let units = (1...6).map { "U\($0)" }
    /// Each unit's agreed score on `b1` and `b2`: different units, different scores, and never
    /// the same share of the maximum on both (so no sheet is straight-lined).
    static let base: [String: (Rational, Rational)] = [
        "U1": (dec("1"), dec("1.5")), "U2": (dec("1.5"), dec("0.5")), "U3": (dec("2"), dec("1.5")),
        "U4": (dec("2.5"), dec("1")), "U5": (dec("3"), dec("1")), "U6": (dec("1"), dec("0.75")),
    ]

    var groups: [String]
    var score: (Int, String, String) -> Rational?
    var corridor = ""

    /// Representatives `R1`… in `groups` (one entry per representative).
    func session() throws(DiagnosticsError) -> ScoringSession {
        var roster = "id,name,group,units\n"
        for (r, g) in groups.enumerated() { roster += "R\(r + 1),代表\(r + 1),\(g),\n" }
        var ballots = "representative,unit,standard,score\n"
        for r in groups.indices {
            for u in Self.units {
                for item in ["b1", "b2"] {
                    if let s = score(r, u, item) { ballots += "R\(r + 1),\(u),\(item),\(s.plainText())\n" }
                }
            }
        }
        let units = "id,name,n\n" + Self.units.map { "\($0),\($0)工会,0\n" }.joined()
        return try TestSession(rules: Self.rules(corridor: corridor), units: units, roster: roster, ballots: ballots).run()
    }

    /// Everyone gives every unit its agreed score.
    static func agreed(_ u: String, _ item: String) -> Rational { item == "b1" ? base[u]!.0 : base[u]!.1 }
}
