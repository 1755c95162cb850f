import Foundation
import Testing
@testable import KaimenKit

/// A scoring session built from texts held in memory, so each test states its own tiny
/// rules, units, roster and ballots. Files are keyed by fake paths under `/mem/`.
struct TestSession {
    var rules: String
    var units: String
    /// `units.csv` or `units.json`: the reader picks the format from the name.
    var unitsFile = "units.csv"
    /// Five representatives who belong to no assessed unit.
    var roster = "id,name,group,units\nR1,代表一,一组,\nR2,代表二,一组,\nR3,代表三,一组,\nR4,代表四,二组,\nR5,代表五,二组,\nR6,代表六,二组,\nR7,代表七,二组,\n"
    var ballots = "representative,unit,standard,score\n"
    var strict = false
    /// Raw bytes that replace a text above (e.g. a GB18030-encoded units file), by file name.
    var bytes: [String: Data] = [:]

    init(rules: String, units: String, unitsFile: String = "units.csv", roster: String? = nil, ballots: String? = nil, strict: Bool = false) {
        self.rules = rules
        self.units = units
        self.unitsFile = unitsFile
        if let roster { self.roster = roster }
        if let ballots { self.ballots = ballots }
        self.strict = strict
    }

    var files: [String: Data] {
        var f = ["rules.jsonc": Data(rules.utf8), unitsFile: Data(units.utf8), "roster.csv": Data(roster.utf8), "ballots.csv": Data(ballots.utf8)]
        for (name, data) in bytes { f[name] = data }
        return f
    }

    func run() throws(DiagnosticsError) -> ScoringSession {
        let files = self.files
        return try ScoringSession.run(
            .init(rules: "/mem/rules.jsonc", units: "/mem/" + unitsFile, roster: "/mem/roster.csv", ballots: "/mem/ballots.csv", strict: strict),
            readFile: { path in
                guard let data = files[String(path.dropFirst("/mem/".count))] else { throw CocoaError(.fileNoSuchFile) }
                return data
            })
    }

    /// Writes the session's files into `folder`; the command line's input options for them.
    func written(to folder: ScratchFolder) throws -> [String] {
        for (name, data) in files { try data.write(to: folder.url.appendingPathComponent(name)) }
        let path = { (name: String) in folder.url.appendingPathComponent(name).path }
        return ["--rules", path("rules.jsonc"), "--units", path(unitsFile), "--roster", path("roster.csv"), "--ballots", path("ballots.csv")]
    }

    /// The problems of a run that must fail; records an issue if it succeeds.
    func failures(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try run()
            Issue.record("the run succeeded, but problems were expected", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }
}

extension ScoringSession {
    func unit(_ id: String) -> UnitResult {
        results[table.index(ofUnit: id)!]
    }

    /// A standard's points (after combine factors) for a unit.
    func points(_ unit: String, _ standard: String) -> Rational {
        let i = rules.standards.firstIndex { $0.id == standard }!
        return self.unit(unit).standards[i].points
    }

    func standard(_ unit: String, _ standard: String) -> StandardResult {
        let i = rules.standards.firstIndex { $0.id == standard }!
        return self.unit(unit).standards[i]
    }

    func area(_ unit: String, _ area: String) -> UnitResult.AreaResult {
        let i = rules.areas.firstIndex { $0.id == area }!
        return self.unit(unit).areas[i]
    }

    /// Unit ids, best first.
    var orderedIDs: [String] { ranking.order.map { table.units[$0].id } }
}

/// Builds rules files as JSONC text from the parts a test cares about.
enum RulesText {
    static let grades = #"[ { "name": "优秀", "min": 90 }, { "name": "良好", "min": 80 }, { "name": "合格", "min": 60 }, { "name": "不合格" } ]"#

    /// A complete rules file. `metrics`, `areas` and `standards` are JSON array bodies
    /// (without brackets); `more` is extra top-level members, each followed by a comma.
    static func make(metrics: String, areas: String, standards: String, grades: String = RulesText.grades, more: String = "") -> String {
        """
        {
          "format": 1, "id": "test", "title": "测试细则", "issuer": "测试区总工会", "version": "1",
          "effective": { "from": "2024-01-01" },
          \(more)
          "metrics": [ \(metrics) ],
          "areas": [ \(areas) ],
          "standards": [ \(standards) ],
          "grades": \(grades),
        }
        """
    }

    /// One area `a` worth `points` with one standard `s` worth the same; `method` holds the
    /// method's keys (`"method": "bands", …`), `extra` any other standard keys.
    static func single(points: String, metrics: String, method: String, more: String = "") -> String {
        make(metrics: metrics,
             areas: #"{ "id": "a", "name": "方面", "points": \#(points) }"#,
             standards: #"{ "id": "s", "area": "a", "name": "标准", "criteria": "细则。", "points": \#(points), \#(method) }"#,
             more: more)
    }

    /// A metric declaration.
    static func metric(_ id: String, _ kind: String = "count", missing: String? = nil) -> String {
        #"{ "id": "\#(id)", "name": "\#(id)名", "kind": "\#(kind)"\#(missing.map { #", "missing": "\#($0)""# } ?? "") }"#
    }

    /// A standard in area `area`.
    static func standard(_ id: String, area: String, points: String, _ method: String) -> String {
        #"{ "id": "\#(id)", "area": "\#(area)", "name": "\#(id)名", "criteria": "细则。", "points": \#(points), \#(method) }"#
    }

    static func area(_ id: String, points: String, capped: Bool = false) -> String {
        #"{ "id": "\#(id)", "name": "\#(id)方面", "points": \#(points)\#(capped ? #", "capped": true"# : "") }"#
    }
}

/// Decimal text as an exact rational, for expected values written as decimals.
func dec(_ text: String) -> Rational { Rational(decimal: text)! }
