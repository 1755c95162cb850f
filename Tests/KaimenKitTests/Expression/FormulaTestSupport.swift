import Testing
@testable import KaimenKit

/// Shared helpers for the expression tests: a fixed set of metrics, and a `locate` that
/// puts offset `o` of the formula at `t.jsonc:7:(20 + o)`.
enum FormulaFixture {
    static let slots: [String: Int] = [
        "members": 0, "workers": 1, "disputes": 2, "mediated": 3, "card_rate": 4, "a": 5, "b": 6,
    ]
    static let names = FormulaNames(slots: slots)

    static func locate(_ offset: Int) -> KaimenKit.SourceLocation {
        KaimenKit.SourceLocation(file: "t.jsonc", line: 7, column: 20 + offset)
    }

    static func r(_ text: String) -> Rational { Rational(decimal: text)! }

    static func compile(_ source: String, _ type: FormulaType = .number,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CompiledFormula? {
        switch CompiledFormula.compile(source, expecting: type, names: names, locate: locate) {
        case .success(let f): return f
        case .failure(let e):
            Issue.record("`\(source)` should compile, got:\n\(e)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The diagnostics of a formula that must not compile.
    static func errors(_ source: String, _ type: FormulaType = .number,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        switch CompiledFormula.compile(source, expecting: type, names: names, locate: locate) {
        case .success(let f):
            Issue.record("`\(source)` should not compile, but folded to `\(f.folded)`", sourceLocation: sourceLocation)
            return []
        case .failure(let e): return e.diagnostics
        }
    }

    /// The single diagnostic of a formula with one problem.
    static func error(_ source: String, _ type: FormulaType = .number,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let all = errors(source, type, sourceLocation: sourceLocation)
        #expect(all.count == 1, "`\(source)`: \(all)", sourceLocation: sourceLocation)
        return all.first
    }

    /// Evaluates with metric values given by name as decimal text; absent names are missing.
    static func evaluate(_ source: String, _ type: FormulaType = .number, _ values: [String: String] = [:],
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> FormulaResult? {
        guard let f = compile(source, type, sourceLocation: sourceLocation) else { return nil }
        var bySlot: [Int: Rational] = [:]
        for (name, text) in values { bySlot[slots[name]!] = r(text) }
        return f.evaluate { bySlot[$0] }
    }
}
