import Foundation
import Testing
@testable import KaimenKit

/// Every kind of place a rules file holds a number gets the limits data values have
/// (12 digits before the point, 6 after): one broken number per place, located at it.
@Suite("Numbers in a rules file are limited like data values")
struct RulesNumberLimitsTests {
    static let small = try! String(contentsOf: URL(fileURLWithPath: Fixtures.path("rules/valid/small.jsonc")), encoding: .utf8)

    /// One place: `anchor` occurs once in small.jsonc; its first `old` is replaced by `new`.
    /// `insert` first adds text to the file (for places small.jsonc does not use).
    struct Place: Sendable, CustomTestStringConvertible {
        var name: String
        var anchor: String
        var old: String
        var new: String
        var problem: NumberLimits.Problem
        var insert: (String, String)? = nil
        /// A `points` too large is said as over the cap of 1 000 000 points (since 0.29.2; it
        /// was given a data value's 12 digits, and `1e308` the hint to use 万元).
        var pointsCap = false
        var testDescription: String { name }
    }

    static let places: [Place] = [
        Place(name: "an area's points", anchor: #""name": "依法维权", "points": 10"#, old: "10", new: "1000000000000", problem: .tooLarge, pointsCap: true),
        Place(name: "a standard's points", anchor: #""points": 3, "method": "bands""#, old: "3", new: "3.0000001", problem: .tooManyDecimals),
        Place(name: "a ratio's zero", anchor: #""zero": 0"#, old: "0", new: "0.0000005", problem: .tooManyDecimals),
        Place(name: "a band's threshold", anchor: #"{ "min": 0.99, "points": 3 }"#, old: "0.99", new: "0.99000001", problem: .tooManyDecimals),
        Place(name: "a band's points, with an exponent", anchor: #"{ "min": 0.9, "points": 2 }"#, old: "2", new: "2e13", problem: .tooLarge, pointsCap: true),
        Place(name: "a count's perUnit", anchor: #""metric": "aid_cases", "perUnit": 0.5"#, old: "0.5", new: "0.1234567", problem: .tooManyDecimals),
        Place(name: "a linear target, beyond what can be read at all", anchor: #""floor": 0, "target": 50"#, old: "50", new: "5e40", problem: .tooLarge),
        Place(name: "a linear floor, 40 digits", anchor: #""floor": 0, "target": 50"#, old: "0", new: String(repeating: "9", count: 40), problem: .tooLarge),
        Place(name: "a checklist item's points", anchor: #""metric": "six_survey", "points": 1"#, old: "1", new: "1.00000001", problem: .tooManyDecimals),
        Place(name: "a survey weight", anchor: #""basic": 0.6,"#, old: "0.6", new: "0.6000001", problem: .tooManyDecimals),
        Place(name: "a participation minimum", anchor: #""population": "members", "min": 0.6"#, old: "0.6", new: "0.66666667", problem: .tooManyDecimals),
        Place(name: "a grade's minimum", anchor: #"{ "name": "优秀", "min": 18"#, old: "18", new: "18000000000000", problem: .tooLarge),
        Place(name: "a grade's quota", anchor: #""quota": 30"#, old: "30", new: "30.0000001", problem: .tooManyDecimals),
        Place(name: "the bonus cap", anchor: #""bonusCap": 2"#, old: "2", new: "2000000000000", problem: .tooLarge),
        Place(name: "a deduction's perUnit, with a negative exponent", anchor: #""metric": "late", "perUnit": 0.5"#, old: "0.5", new: "1e-7", problem: .tooManyDecimals),
        Place(name: "a veto's total cap", anchor: #""capTotal": 11"#, old: "11", new: "11.1234567", problem: .tooManyDecimals),
        Place(name: "the ballots' score step", anchor: #""scoreStep": 0.5"#, old: "0.5", new: "0.0000001", problem: .tooManyDecimals),
        Place(name: "a number for notAssessable", anchor: #""notAssessable": "zero""#, old: #""zero""#, new: "1.00000001", problem: .tooManyDecimals),
        Place(name: "the corridor's share", anchor: #""corridor": { "points": 1.5, "share": 0.25 }"#, old: "0.25", new: "0.2500001", problem: .tooManyDecimals,
              insert: (#""scoreStep": 0.5 }"#, #""scoreStep": 0.5, "corridor": { "points": 1.5, "share": 0.25 } }"#)),
        Place(name: "a weighted combination", anchor: #""mode": "weighted", "ballots": 40, "metrics": 60"#, old: "40", new: "40.0000001", problem: .tooManyDecimals,
              insert: (#""scoreStep": 0.5 }"#, #""scoreStep": 0.5, "combine": { "mode": "weighted", "ballots": 40, "metrics": 60 } }"#)),
        Place(name: "a literal in a standard's formula", anchor: "then 2 else", old: "2", new: "2.0000001", problem: .tooManyDecimals),
        Place(name: "a literal in a veto's condition", anchor: #""accidents > 0""#, old: "0", new: "1000000000000", problem: .tooLarge),
        Place(name: "a literal in a precondition", anchor: "members > 0.5", old: "0.5", new: "0.00000005", problem: .tooManyDecimals,
              insert: (#""metric": "congress" }"#, #""metric": "congress", "precondition": { "when": "members > 0.5" } }"#)),
        Place(name: "a test's expected total", anchor: #""total": 12.5"#, old: "12.5", new: "12.5000001", problem: .tooManyDecimals,
              insert: (#""ballots": { "aggregate""#, #""tests": [ { "name": "样例", "metrics": {}, "expect": { "total": 12.5 } } ],  "ballots": { "aggregate""#)),
        Place(name: "a test's ballot", anchor: #""rights.ballot": [3, 2]"#, old: "2", new: "2.00000001", problem: .tooManyDecimals,
              insert: (#""ballots": { "aggregate""#, #""tests": [ { "name": "样例", "ballots": { "rights.ballot": [3, 2] }, "expect": { "total": 12 } } ],  "ballots": { "aggregate""#)),
    ]

    /// The file with the place's number replaced, and the line and column (in scalars) of the new number.
    static func broken(_ place: Place) throws -> (text: String, line: Int, column: Int) {
        var text = small
        if let (what, with) = place.insert {
            try #require(text.components(separatedBy: what).count == 2, "`\(what)` occurs once")
            text = text.replacingOccurrences(of: what, with: with)
        }
        try #require(text.components(separatedBy: place.anchor).count == 2, "`\(place.anchor)` occurs once")
        let anchor = try #require(text.range(of: place.anchor))
        let old = try #require(text[anchor].range(of: place.old))
        let before = text[..<old.lowerBound]
        text.replaceSubrange(old, with: place.new)
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
        let column = (before.split(separator: "\n", omittingEmptySubsequences: false).last ?? "").unicodeScalars.count + 1
        return (text, line, column)
    }

    static func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try memoryLoader(["r.jsonc": text]).load("r.jsonc")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("the unbroken file with every added place loads", arguments: places.filter { $0.insert != nil })
    func insertionsAreValid(_ place: Place) throws {
        let text = Self.small.replacingOccurrences(of: place.insert!.0, with: place.insert!.1)
        let problems = Self.problems(text)
        #expect(problems.isEmpty, "\(problems.map { $0.rendered(.en) })")
    }

    @Test("a number beyond the limits is an error at its line and column", arguments: places)
    func beyondLimits(_ place: Place) throws {
        let (text, line, column) = try Self.broken(place)
        let problems = Self.problems(text)
        let found = problems.filter { $0.code == DiagnosticCode.rulesNumberBeyondLimits.rawValue }
        try #require(found.count == 1, "\(problems.map { $0.rendered(.en) })")
        let d = found[0]
        #expect(d.severity == .error)
        #expect(d.location == SourceLocation(file: "r.jsonc", line: line, column: column), "\(d.rendered(.en))")
        if place.pointsCap {
            #expect(d.rendered(.zh).contains("分值 \(place.new) 超过了上限 1000000"), "\(d.rendered(.zh))")
            return
        }
        #expect(d.rendered(.zh).contains("`\(place.new)`"), "\(d.rendered(.zh))")
        switch place.problem {
        case .tooLarge:
            #expect(d.rendered(.zh).contains("整数部分最多 12 位") && d.rendered(.en).contains("at most 999999999999"), "\(d.rendered(.en))")
        case .tooManyDecimals:
            #expect(d.rendered(.zh).contains("最多 6 位小数") && d.rendered(.en).contains("at most 6"), "\(d.rendered(.en))")
        }
    }

    @Test("numbers at the limits load: 999999999999 and 0.000001")
    func atTheLimits() {
        var text = Self.small.replacingOccurrences(of: #""bonusCap": 2"#, with: #""bonusCap": 999999999999"#)
        text = text.replacingOccurrences(of: #""scoreStep": 0.5"#, with: #""scoreStep": 0.000001"#)
        text = text.replacingOccurrences(of: "then 2 else", with: "then 2.000000 + 0 * 999999999999 else")
        let problems = Self.problems(text)
        #expect(problems.isEmpty, "\(problems.map { $0.rendered(.en) })")
    }

    /// A hostile test in session 41: an area of 3 037 000 500 points scored 3037000499.95 for
    /// full marks, by both engines (its proration squares the points past 2⁶³).
    @Test("points above a million are an error at their place; a million loads", arguments: [
        (#""name": "依法维权", "points": 10"#, "10", "areas[rights].points"),
        (#""points": 3, "method": "bands""#, "3", nil),
    ])
    func pointsAboveAMillion(anchor: String, old: String, path: String?) throws {
        let over = try Self.broken(Place(name: "", anchor: anchor, old: old, new: "1000001", problem: .tooLarge))
        let found = Self.problems(over.text).filter { $0.code == DiagnosticCode.rulesNumberBeyondLimits.rawValue }
        try #require(found.count == 1, "\(Self.problems(over.text).map { $0.rendered(.en) })")
        #expect(found[0].location == SourceLocation(file: "r.jsonc", line: over.line, column: over.column))
        #expect(found[0].rendered(.zh).contains("错误：`points`：分值 1000001 超过了上限 1000000"), "\(found[0].rendered(.zh))")
        #expect(found[0].rendered(.zh).contains("一套细则满分通常是 100"))
        #expect(found[0].rendered(.en).contains("error: `points`: 1000001 is more than the 1000000 points a rules file may give at most"))
        if let path { #expect(found[0].path == path) }
        // The standard at a million is within the limit (its area then caps it, which is another matter).
        let atLimit = try Self.broken(Place(name: "", anchor: anchor, old: old, new: "1000000", problem: .tooLarge))
        #expect(!Self.problems(atLimit.text).contains { $0.code == DiagnosticCode.rulesNumberBeyondLimits.rawValue })
    }

    @Test("every number beyond the limits is reported in one run")
    func allInOneRun() throws {
        var text = Self.small
        for (old, new) in [(#""bonusCap": 2"#, #""bonusCap": 2e12"#), (#""capTotal": 11"#, #""capTotal": 1e-9"#), ("then 2 else", "then 0.1234567 else")] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        let found = Self.problems(text).filter { $0.code == DiagnosticCode.rulesNumberBeyondLimits.rawValue }
        #expect(found.count == 3)
    }

    @Test("the shipped rules files are within the limits", arguments: ["rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"])
    func shippedFiles(_ path: String) throws {
        let loaded = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent(path).path)
        #expect(!loaded.rules.standards.isEmpty)
    }
}
