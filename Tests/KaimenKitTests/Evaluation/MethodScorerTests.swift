import Foundation
import Testing
@testable import KaimenKit

/// Each scoring method at and around its thresholds, on one standard `s` in one area `a`.
/// Every expected number is worked out by hand in the comment beside it.
@Suite("Scoring methods: each at and around its thresholds")
struct MethodScorerTests {
    /// Scores one unit `U1` whose metric cells are `cells` (CSV, after `id,name`).
    func score(_ rules: String, header: String, cells: String) throws -> StandardResult {
        let session = try TestSession(rules: rules, units: "id,name,\(header)\nU1,甲工会,\(cells)\n").run()
        return session.standard("U1", "s")
    }

    // MARK: bands

    static let rateBands = RulesText.single(points: "3", metrics: RulesText.metric("r", "rate"), method: """
        "method": "bands", "metric": "r",
        "bands": [ { "min": 0.99, "points": 3 }, { "min": 0.9, "points": 2 }, { "min": 0.8, "points": 1 } ]
        """)

    @Test("bands on a metric: a value exactly at a threshold reaches it, just below does not", arguments: [
        ("0.99", Rational(3)),    // 0.99 ≥ 0.99 → first band, 3
        ("99%", Rational(3)),     // 99% = 0.99 exactly, not a binary approximation → 3
        ("0.9899", Rational(2)),  // below 0.99, ≥ 0.9 → 2
        ("0.9", Rational(2)),     // at 0.9 → 2
        ("0.8999", Rational(1)),  // below 0.9, ≥ 0.8 → 1
        ("0.8", Rational(1)),     // at 0.8 → 1
        ("0.7999", Rational(0)),  // below every band → otherwise (default 0)
        ("1", Rational(3)),
    ])
    func bandsOnMetric(value: String, expected: Rational) throws {
        let r = try score(Self.rateBands, header: "r", cells: value)
        #expect(r.points == expected)
        #expect(r.status == .scored)
    }

    static func ratioBands(zero: String, extra: String = "") -> String {
        RulesText.single(points: "3", metrics: RulesText.metric("c") + "," + RulesText.metric("e"), method: """
            "method": "bands", "ratio": { "numerator": "c", "denominator": "e", "zero": \(zero) },
            "bands": [ { "min": 0.99, "points": 3 }, { "min": 0.9, "points": 2 }, { "min": 0.8, "points": 1 } ] \(extra)
            """)
    }

    @Test("bands on a ratio: 99/100 reaches 0.99, 98/99 does not", arguments: [
        ("99", "100", Rational(3)),  // 99/100 = 0.99 exactly → 3
        ("98", "99", Rational(2)),   // 98/99 = 0.98989… < 0.99, ≥ 0.9 → 2
        ("9", "10", Rational(2)),    // 9/10 = 0.9 → 2
        ("79", "100", Rational(0)),  // 0.79 < 0.8 → 0
        ("5", "5", Rational(3)),     // 1 → 3
    ])
    func bandsOnRatio(numerator: String, denominator: String, expected: Rational) throws {
        let r = try score(Self.ratioBands(zero: "0"), header: "c,e", cells: "\(numerator),\(denominator)")
        #expect(r.points == expected)
        if case .bands(let value, let n, let d, _) = r.detail {
            #expect(value == Rational(decimal: numerator)!.divided(by: Rational(decimal: denominator)!))
            #expect(n == Rational(decimal: numerator) && d == Rational(decimal: denominator))
        } else {
            Issue.record("expected the bands detail, got \(r.detail)")
        }
    }

    /// The same bands on a ratio of two decimal metrics (so numerator and denominator have
    /// scales of their own), and with a negative denominator (the sign flips the comparison).
    @Test("bands on a ratio of decimals, and of a negative denominator", arguments: [
        ("0.99", "1", Rational(3)),    // 0.99 / 1 = 0.99 → 3
        ("1.98", "2.00", Rational(3)), // 1.98 / 2 = 0.99 exactly → 3
        ("1.979", "2", Rational(2)),   // 0.9895 < 0.99, ≥ 0.9 → 2
        ("0.8", "1", Rational(1)),     // 0.8 exactly → 1
        ("7.99", "10", Rational(0)),   // 0.799 < 0.8 → 0
        ("-9", "-10", Rational(2)),    // −9 / −10 = 0.9 → 2
        ("9.9", "-10", Rational(0)),   // −0.99 < 0.8 → 0
    ])
    func bandsOnDecimalRatio(numerator: String, denominator: String, expected: Rational) throws {
        let rules = RulesText.single(points: "3", metrics: RulesText.metric("c", "number") + "," + RulesText.metric("e", "number"), method: """
            "method": "bands", "ratio": { "numerator": "c", "denominator": "e", "zero": 0, "maxOne": false },
            "bands": [ { "min": 0.99, "points": 3 }, { "min": 0.9, "points": 2 }, { "min": 0.8, "points": 1 } ]
            """)
        let r = try score(rules, header: "c,e", cells: "\(numerator),\(denominator)")
        #expect(r.points == expected, "\(numerator) / \(denominator)")
    }

    @Test("a zero denominator scores as `zero` says: points, full, or not assessable")
    func zeroDenominator() throws {
        // zero: 1 → 1 point, assessed.
        let one = try score(Self.ratioBands(zero: "1"), header: "c,e", cells: "0,0")
        #expect(one.points == 1)
        #expect(one.status == .scored)
        // zero: "full" → the standard's 3 points.
        let full = try score(Self.ratioBands(zero: "\"full\""), header: "c,e", cells: "0,0")
        #expect(full.points == 3)
        // zero: "notAssessable" → the standard's notAssessable (here 1.5 points).
        let na = try score(Self.ratioBands(zero: "\"notAssessable\"", extra: #", "notAssessable": 1.5"#), header: "c,e", cells: "0,0")
        #expect(na.status == .notAssessable(.zeroDenominator("e")))
        #expect(na.points == dec("1.5"))
        // zero: "notAssessable" with the file's default (zero) → 0, still marked.
        let naZero = try score(Self.ratioBands(zero: "\"notAssessable\""), header: "c,e", cells: "0,0")
        #expect(naZero.status == .notAssessable(.zeroDenominator("e")))
        #expect(naZero.points == 0)
    }

    static let lateBands = RulesText.single(points: "2", metrics: RulesText.metric("late"), method: """
        "method": "bands", "metric": "late", "bands": [ { "max": 0, "points": 2 }, { "max": 2, "points": 1 } ], "otherwise": 0
        """)

    @Test("`max` bands: lower is better, the threshold itself included", arguments: [
        ("0", Rational(2)),  // 0 ≤ 0 → 2
        ("1", Rational(1)),  // 1 ≤ 2 → 1
        ("2", Rational(1)),  // 2 ≤ 2 → 1
        ("3", Rational(0)),  // above every band → otherwise 0
    ])
    func maxBands(value: String, expected: Rational) throws {
        #expect(try score(Self.lateBands, header: "late", cells: value).points == expected)
    }

    @Test("`otherwise` gives its points below the last band")
    func otherwise() throws {
        let rules = RulesText.single(points: "3", metrics: RulesText.metric("r", "rate"), method: """
            "method": "bands", "metric": "r", "bands": [ { "min": 0.9, "points": 3 }, { "min": 0.5, "points": 1 } ], "otherwise": 0.5
            """)
        // 0.4 < 0.5, the last band → otherwise 0.5
        #expect(try score(rules, header: "r", cells: "0.4").points == dec("0.5"))
        // 0.5 reaches the last band → 1
        #expect(try score(rules, header: "r", cells: "0.5").points == 1)
    }

    // MARK: linear

    static let linear = RulesText.single(points: "2", metrics: RulesText.metric("n"), method: #""method": "linear", "metric": "n", "floor": 10, "target": 50"#)

    @Test("linear: 0 up to the floor, proportional between, capped at the target", arguments: [
        ("5", Rational(0)),       // below the floor: 2 × (5 − 10)/40 < 0 → 0
        ("10", Rational(0)),      // at the floor → 0
        ("20", Rational(1, 2)),   // 2 × (20 − 10)/(50 − 10) = 20/40 = 0.5
        ("30", Rational(1)),      // midpoint: 2 × 20/40 = 1
        ("50", Rational(2)),      // at the target → 2
        ("80", Rational(2)),      // above: 2 × 70/40 = 3.5 → capped at 2
    ])
    func linearMethod(value: String, expected: Rational) throws {
        #expect(try score(Self.linear, header: "n", cells: value).points == expected)
    }

    static let lowerIsBetter = RulesText.single(points: "2", metrics: RulesText.metric("n"), method: #""method": "linear", "metric": "n", "floor": 10, "target": 2"#)

    @Test("linear with the target below the floor: lower is better", arguments: [
        ("12", Rational(0)),    // 2 × (12 − 10)/(2 − 10) = 4/(−8) = −0.5 → 0
        ("10", Rational(0)),    // at the floor → 0
        ("6", Rational(1)),     // 2 × (6 − 10)/(2 − 10) = −8/−8 = 1
        ("3", Rational(7, 4)),  // 2 × (−7)/(−8) = 14/8 = 1.75
        ("2", Rational(2)),     // at the target → 2
        ("0", Rational(2)),     // 2 × (−10)/(−8) = 2.5 → capped at 2
    ])
    func linearLowerIsBetter(value: String, expected: Rational) throws {
        #expect(try score(Self.lowerIsBetter, header: "n", cells: value).points == expected)
    }

    @Test("linear's note says which end holds beyond it, and \"proportional\" only between them", arguments: [
        (false, "5", "，不高于下限 10：得 0 分（满分 2 分）"),
        (false, "10", "，不高于下限 10：得 0 分（满分 2 分）"),
        (false, "30", "，在 10–50 间按比例：得 1 分（满分 2 分）"),
        (false, "50", "，达到目标值 50：得 2 分（满分 2 分）"),
        (false, "80", "，达到目标值 50：得 2 分（满分 2 分）"),
        (true, "12", "，不低于下限 10：得 0 分（满分 2 分）"),
        (true, "6", "，在 10–2 间按比例：得 1 分（满分 2 分）"),
        (true, "0", "，达到目标值 2：得 2 分（满分 2 分）"),
    ])
    func linearNote(lowerIsBetter: Bool, value: String, ending: String) throws {
        let session = try TestSession(rules: lowerIsBetter ? Self.lowerIsBetter : Self.linear, units: "id,name,n\nU1,甲工会,\(value)\n").run()
        let text = UnitExplanation(session: session, lang: .zh).render(unit: 0)
        #expect(text.contains(ending), "\(text)")
        let en = UnitExplanation(session: session, lang: .en).render(unit: 0)
        #expect(en.contains(lowerIsBetter ? (value == "12" ? ", at or above the floor 10: " : value == "0" ? ", at or beyond the target 2: " : ", linear over 10–2: ")
                                          : (value == "30" ? ", linear over 10–50: " : value == "5" || value == "10" ? ", at or below the floor 10: " : ", at or beyond the target 50: ")),
                "\(en)")
    }

    // MARK: count

    static let count = RulesText.single(points: "2", metrics: RulesText.metric("n"), method: #""method": "count", "metric": "n", "perUnit": 0.5"#)

    @Test("count: value × perUnit, capped at the points", arguments: [
        ("0", Rational(0)),
        ("3", Rational(3, 2)),  // 3 × 0.5 = 1.5, below the cap
        ("4", Rational(2)),     // 4 × 0.5 = 2, exactly the cap
        ("5", Rational(2)),     // 5 × 0.5 = 2.5 → capped at 2
    ])
    func countMethod(value: String, expected: Rational) throws {
        #expect(try score(Self.count, header: "n", cells: value).points == expected)
    }

    // MARK: checklist

    static let checklist = RulesText.single(points: "2", metrics: [RulesText.metric("a", "flag"), RulesText.metric("b"), RulesText.metric("c", "flag")].joined(separator: ","), method: """
        "method": "checklist", "items": [
          { "id": "ia", "name": "甲", "metric": "a", "points": 0.5 },
          { "id": "ib", "name": "乙", "metric": "b", "points": 0.5 },
          { "id": "ic", "name": "丙", "metric": "c", "points": 1 } ]
        """)

    @Test("checklist: each item that is yes (true flag, or a number above 0) gives its points", arguments: [
        ("是,3,0", Rational(1), [true, true, false]),    // 0.5 + 0.5 = 1
        ("否,0,1", Rational(1), [false, false, true]),   // 1
        ("1,1,true", Rational(2), [true, true, true]),   // 0.5 + 0.5 + 1 = 2
        ("0,0,false", Rational(0), [false, false, false]),
    ])
    func checklistMethod(cells: String, expected: Rational, met: [Bool]) throws {
        let r = try score(Self.checklist, header: "a,b,c", cells: cells)
        #expect(r.points == expected)
        #expect(r.detail == .checklist(met: met))
    }

    // MARK: presence

    @Test("presence: a true flag or a positive number gives full points, otherwise 0", arguments: [
        ("flag", "1", Rational(3)), ("flag", "是", Rational(3)), ("flag", "0", Rational(0)), ("flag", "否", Rational(0)),
        ("count", "0", Rational(0)), ("count", "2", Rational(3)), ("number", "0.01", Rational(3)),
    ])
    func presence(kind: String, value: String, expected: Rational) throws {
        let rules = RulesText.single(points: "3", metrics: RulesText.metric("m", kind), method: #""method": "presence", "metric": "m""#)
        #expect(try score(rules, header: "m", cells: value).points == expected)
    }

    // MARK: survey

    static func survey(weights: String = "", participation: Bool = true) -> String {
        RulesText.single(points: "4", metrics: ["sy", "sb", "sn", "members"].map { RulesText.metric($0) }.joined(separator: ","), method: """
            "method": "survey", "satisfied": "sy", "basic": "sb", "dissatisfied": "sn" \(weights)
            \(participation ? #", "participation": { "population": "members", "min": 0.6 }"# : "")
            """)
    }

    @Test("survey: participation exactly at the minimum counts, default weights 1, 0.6, 0")
    func surveyAtMinimum() throws {
        // 40 + 15 + 5 = 60 respondents of 100 members: 60/100 = 0.6 ≥ 0.6 → counts.
        // 4 × (1·40 + 0.6·15 + 0·5)/60 = 4 × 49/60 = 196/60 = 49/15 = 3.2666…
        let r = try score(Self.survey(), header: "sy,sb,sn,members", cells: "40,15,5,100")
        #expect(r.points == Rational(49, 15))
        #expect(r.points.formatted(places: 2) == "3.27")
        #expect(r.status == .scored)
    }

    @Test("survey: participation just below the minimum is not assessable")
    func surveyBelowMinimum() throws {
        // 60 respondents of 101 members: 60/101 = 0.594… < 0.6 → not assessable → 0 (file default).
        let r = try score(Self.survey(), header: "sy,sb,sn,members", cells: "40,15,5,101")
        #expect(r.status == .notAssessable(.participationBelow(rate: Rational(60, 101), min: dec("0.6"))))
        #expect(r.points == 0)
    }

    @Test("survey: weights given in the rules")
    func surveyWeights() throws {
        // 4 × (1·2 + 0.5·2 + 0.25·4)/8 = 4 × (2 + 1 + 1)/8 = 4 × 0.5 = 2
        let rules = Self.survey(weights: #", "weights": { "satisfied": 1, "basic": 0.5, "dissatisfied": 0.25 }"#, participation: false)
        #expect(try score(rules, header: "sy,sb,sn,members", cells: "2,2,4,0").points == 2)
    }

    @Test("survey: no respondents at all is not assessable")
    func surveyNoRespondents() throws {
        let r = try score(Self.survey(participation: false), header: "sy,sb,sn,members", cells: "0,0,0,10")
        #expect(r.status == .notAssessable(.noRespondents))
        #expect(r.points == 0)
    }

    // MARK: expression

    static func expression(_ formula: String) -> String {
        RulesText.single(points: "2", metrics: RulesText.metric("disputes") + "," + RulesText.metric("mediated"),
                         method: #""method": "expression", "formula": "\#(formula)""#)
    }

    @Test("expression: the formula's value, clamped to [0, points]", arguments: [
        ("if disputes = 0 then 2 else 3 * mediated / disputes", "0,0", Rational(2)),     // the `then` branch: 2
        ("if disputes = 0 then 2 else 3 * mediated / disputes", "4,2", Rational(3, 2)),  // 3 × 2/4 = 1.5
        ("if disputes = 0 then 2 else 3 * mediated / disputes", "1,1", Rational(2)),     // 3 × 1/1 = 3 → clamped to 2
        ("mediated - disputes", "4,1", Rational(0)),                                    // 1 − 4 = −3 → clamped to 0
        ("mediated / disputes + 0.25", "4,3", Rational(1)),                             // 3/4 + 1/4 = 1
    ])
    func expression(formula: String, cells: String, expected: Rational) throws {
        #expect(try score(Self.expression(formula), header: "disputes,mediated", cells: cells).points == expected)
    }

    @Test("expression: dividing by zero makes the standard not assessable")
    func expressionDivisionByZero() throws {
        let r = try score(Self.expression("2 * mediated / disputes"), header: "disputes,mediated", cells: "0,0")
        #expect(r.status == .notAssessable(.divisionByZero))
        #expect(r.points == 0)
    }

    // MARK: preconditions and notAssessable

    /// Area `a` worth 10: `s` (4 points, presence of `f`, precondition `n >= 10`) and `t`
    /// (6 points, count of `m`, 1 per unit).
    static func preconditioned(_ notAssessable: String?, fileDefault: String? = nil) -> String {
        RulesText.make(
            metrics: [RulesText.metric("n"), RulesText.metric("f", "flag"), RulesText.metric("m")].joined(separator: ","),
            areas: RulesText.area("a", points: "10"),
            standards: """
                { "id": "s", "area": "a", "name": "职代会", "criteria": "细则。", "points": 4, "method": "presence", "metric": "f",
                  "precondition": { "when": "n >= 10", "note": "人数不足10人，不予考核" }
                  \(notAssessable.map { #", "notAssessable": \#($0)"# } ?? "") },
                \(RulesText.standard("t", area: "a", points: "6", #""method": "count", "metric": "m", "perUnit": 1"#))
                """,
            more: fileDefault.map { #""notAssessable": "\#($0)","# } ?? "")
    }

    @Test("a false precondition scores as `notAssessable` says", arguments: [
        // (policy, s's points, area subtotal); t scores 3 × 1 = 3 throughout.
        ("\"zero\"", Rational(0), Rational(3)),           // 0 + 3 = 3
        ("\"full\"", Rational(4), Rational(7)),           // 4 + 3 = 7
        ("1.5", Rational(3, 2), Rational(9, 2)),          // 1.5 + 3 = 4.5
        ("\"prorate\"", Rational(0), Rational(5)),        // s left out: 3 × 10/6 = 5
    ])
    func precondition(policy: String, standardPoints: Rational, area: Rational) throws {
        // n = 5 < 10: precondition false.
        let session = try TestSession(rules: Self.preconditioned(policy), units: "id,name,n,f,m\nU1,甲工会,5,1,3\n").run()
        let s = session.standard("U1", "s")
        #expect(s.status == .notAssessable(.precondition))
        #expect(s.points == standardPoints)
        #expect(session.area("U1", "a").subtotal == area)
        #expect(session.unit("U1").total == area)
    }

    @Test("prorating records the factor the rest of the area was scaled by")
    func prorateFactor() throws {
        let session = try TestSession(rules: Self.preconditioned("\"prorate\""), units: "id,name,n,f,m\nU1,甲工会,5,1,3\n").run()
        #expect(session.standard("U1", "s").prorated)
        // area points 10 / assessable points 6 = 5/3
        #expect(session.area("U1", "a").prorateFactor == Rational(5, 3))
    }

    @Test("the file's `notAssessable` applies to a standard that does not say")
    func fileDefault() throws {
        // file default "full": s gets its 4 points; 4 + 3 = 7
        let session = try TestSession(rules: Self.preconditioned(nil, fileDefault: "full"), units: "id,name,n,f,m\nU1,甲工会,5,0,3\n").run()
        #expect(session.points("U1", "s") == 4)
        #expect(session.unit("U1").total == 7)
    }

    @Test("a true precondition scores the method normally")
    func preconditionHolds() throws {
        // n = 10 ≥ 10: presence of f = 1 → 4; t 3 → 7
        let session = try TestSession(rules: Self.preconditioned("\"full\""), units: "id,name,n,f,m\nU1,甲工会,10,1,3\nU2,乙工会,10,0,3\n").run()
        #expect(session.standard("U1", "s").status == .scored)
        #expect(session.unit("U1").total == 7)
        // U2: f = 0 → 0, not the "full" of the not-assessable rule; 0 + 3 = 3
        #expect(session.unit("U2").total == 3)
    }
}
