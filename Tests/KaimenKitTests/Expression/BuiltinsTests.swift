import Testing
@testable import KaimenKit

@Suite("Every built-in function is documented and callable")
struct BuiltinsTests {
    @Test("the table lists each function once, with usage and a doc line")
    func table() {
        #expect(BuiltinFunction.all.map(\.kind) == BuiltinFunction.Kind.allCases)
        for f in BuiltinFunction.all {
            #expect(f.usage.hasPrefix(f.name + "("), "\(f.name)")
            #expect(!f.doc.isEmpty, "\(f.name)")
            #expect(BuiltinFunction.named(f.name) == f)
        }
        #expect(BuiltinFunction.named("sqrt") == nil)
    }

    @Test("arity as the spec says: min and max ≥ 2, clamp 3, round 1 or 2, abs 1")
    func arity() {
        let accepted = BuiltinFunction.all.map { f in (f.name, (0...5).filter { f.accepts(argumentCount: $0) }) }
        #expect(accepted.map(\.0) == ["min", "max", "clamp", "round", "abs"])
        #expect(accepted.map(\.1) == [[2, 3, 4, 5], [2, 3, 4, 5], [3], [1, 2], [1]])
    }

    @Test("each function computes, in a formula with a metric so it runs at evaluation time")
    func eachFunctionRuns() {
        // Inputs chosen by hand, a = 2.675 (slot 5): min(a, 1) = 1, max(a, 3) = 3, clamp(a, 0, 2) = 2,
        // round(a, 2) = 2.68, abs(-a) = 2.675.
        let expected: [BuiltinFunction.Kind: (String, String)] = [
            .min: ("min(a, 1)", "1"), .max: ("max(a, 3)", "3"), .clamp: ("clamp(a, 0, 2)", "2"),
            .round: ("round(a, 2)", "2.68"), .abs: ("abs(-a)", "2.675"),
        ]
        for kind in BuiltinFunction.Kind.allCases {
            guard let (formula, value) = expected[kind] else { Issue.record("no test for \(kind)"); continue }
            #expect(FormulaFixture.evaluate(formula, .number, ["a": "2.675"]) == .number(FormulaFixture.r(value)))
        }
    }
}
