import Testing
@testable import KaimenKit

@Suite("The parser follows the precedence ladder and never overflows the stack")
struct ParserTests {
    typealias F = FormulaFixture

    private func parse(_ source: String) -> Expr? {
        switch Expr.parse(source, locate: F.locate) {
        case .success(let e): return e
        case .failure(let e): Issue.record("`\(source)`: \(e)"); return nil
        }
    }

    /// The tree as a fully parenthesized string, to see the grouping.
    private func grouping(_ e: Expr) -> String {
        switch e.kind {
        case .number(let r): return r.description
        case .boolean(let b): return String(b)
        case .name(let n): return n
        case .negate(let x): return "(-\(grouping(x)))"
        case .not(let x): return "(not \(grouping(x)))"
        case .binary(let op, let l, let r): return "(\(grouping(l)) \(op.rawValue) \(grouping(r)))"
        case .conditional(let c, let t, let f): return "(if \(grouping(c)) then \(grouping(t)) else \(grouping(f)))"
        case .call(let n, let args): return "\(n)(\(args.map(grouping).joined(separator: ", ")))"
        }
    }

    @Test("operators group by precedence, low to high: if, or, and, not, comparison, + -, * /, unary -")
    func precedence() {
        let cases: [(String, String)] = [
            ("1 + 2 * 3", "(1 + (2 * 3))"),
            ("(1 + 2) * 3", "((1 + 2) * 3)"),
            ("10 - 4 - 3", "((10 - 4) - 3)"),
            ("12 / 2 / 3", "((12 / 2) / 3)"),
            ("-2 * -3", "((-2) * (-3))"),
            ("- - a", "(-(-a))"),
            ("a + b > 2 * b", "((a + b) > (2 * b))"),
            ("not a = b", "(not (a = b))"),
            ("a == b", "(a = b)"),
            ("a or b and c", "(a or (b and c))"),
            ("a and b or c and d", "((a and b) or (c and d))"),
            ("not a and b", "((not a) and b)"),
            ("if a or b then 1 + 2 else 3", "(if (a or b) then (1 + 2) else 3)"),
            ("if a then if b then 1 else 2 else 3", "(if a then (if b then 1 else 2) else 3)"),
            ("min(a, b + 1, (c))", "min(a, (b + 1), c)"),
            ("f()", "f()"),
            ("1e3 * 0.6", "(1000 * 0.6)"),
            ("rights.contracts_2 >= 0", "(rights.contracts_2 >= 0)"),
        ]
        for (source, expected) in cases {
            guard let e = parse(source) else { continue }
            #expect(grouping(e) == expected, "`\(source)`")
        }
    }

    @Test("nodes know their operator's offset and their full range, parentheses included")
    func ranges() {
        // "(a + b) * 2": `*` at 8, the whole from 0 to 11; the `(a + b)` operand spans 0..<7 with `+` at 3.
        guard let e = parse("(a + b) * 2"), case .binary(.multiply, let l, _) = e.kind else {
            Issue.record("not a product"); return
        }
        #expect(e.offset == 8)
        #expect(e.range == 0..<11)
        #expect(l.offset == 3)
        #expect(l.range == 0..<7)
    }

    @Test("printing gives canonical text that parses back to the same tree")
    func printing() {
        let cases: [(String, String)] = [
            ("(1+2)*3", "(1 + 2) * 3"),
            ("((a))", "a"),
            ("a - (b - c)", "a - (b - c)"),
            ("(a - b) - c", "a - b - c"),
            ("-(-a)", "- -a"),
            ("not (a and b)", "not (a and b)"),
            ("(if a then 1 else 2) + 1", "(if a then 1 else 2) + 1"),
            ("a = (b < c)", "a = (b < c)"),
            ("min( a,b )", "min(a, b)"),
        ]
        for (source, expected) in cases {
            guard let e = parse(source) else { continue }
            #expect(e.description == expected, "`\(source)`")
            if let again = parse(e.description) { #expect(grouping(again) == grouping(e), "`\(source)`") }
        }
    }

    @Test("64 levels of nesting are fine; 65 are an error, not a crash")
    func depth() {
        let ok = String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)
        #expect(F.compile(ok) != nil)
        // The 65th `(` is at offset 64.
        let deep = String(repeating: "(", count: 65) + "a" + String(repeating: ")", count: 65)
        let d = F.error(deep)
        #expect(d?.code == "expression-too-deep")
        #expect(d?.location?.column == 20 + 64)
        // Chains of unary minus, `not`, and calls count too.
        #expect(F.compile(String(repeating: "-", count: 64) + "a") != nil)
        #expect(F.error(String(repeating: "-", count: 65) + "a")?.code == "expression-too-deep")
        #expect(F.error(String(repeating: "not ", count: 65) + "true", .boolean)?.code == "expression-too-deep")
        #expect(F.error(String(repeating: "abs(", count: 65) + "a" + String(repeating: ")", count: 65))?.code
            == "expression-too-deep")
        // Nested `if`s: each one's parts are a level deeper. 64 are fine; in the 65th, its condition
        // `true` is at level 65, at offset 64 × 13 ("if true then " is 13 characters) + 3 = 835.
        func ifs(_ n: Int) -> String {
            String(repeating: "if true then ", count: n) + "1" + String(repeating: " else 1", count: n)
        }
        #expect(F.compile(ifs(64))?.folded == "1")
        let tooDeep = F.error(ifs(65))
        #expect(tooDeep?.code == "expression-too-deep")
        #expect(tooDeep?.location?.column == 20 + 835)
        // Unclosed parentheses by the thousand stop at level 65 too.
        #expect(F.error(String(repeating: "(", count: 3000))?.code == "expression-too-deep")
    }

    @Test("a long flat chain within the length limit compiles and evaluates")
    func longChain() {
        // 2000 terms "a+a+…+a" are 3999 characters; with a = 0.5 the sum is 1000.
        let chain = Array(repeating: "a", count: 2000).joined(separator: "+")
        #expect(chain.unicodeScalars.count == 3999)
        #expect(F.evaluate(chain, .number, ["a": "0.5"]) == .number(1000))
    }

    @Test("formulas over 4000 characters and random garbage are rejected without crashing")
    func garbage() {
        let long = String(repeating: "1+", count: 5000)
        #expect(F.error(long)?.code == "expression-too-long")
        // Deterministic pseudo-random soups of formula characters, each 3999 scalars.
        let alphabet = Array("ab()+-*/<>=!, 0123.e ifthenelseandornotmin人（".unicodeScalars)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            var s = String.UnicodeScalarView()
            let length = Int(state % 3999) + 1
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let source = String(s)
            for type in [FormulaType.number, .boolean] {
                if case .success(let f) = CompiledFormula.compile(source, expecting: type, names: F.names, locate: F.locate) {
                    _ = f.evaluate { _ in .one }
                }
            }
        }
        // Soups of valid tokens parse further before failing.
        let tokens = ["a", "b", "1", "0", "(", ")", "+", "-", "*", "/", "<", "=", "and", "or", "not", "if", "then",
                      "else", "min(", ",", "true"]
        for _ in 0..<300 {
            var parts: [String] = []
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(Int(state >> 40) % 60 + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                parts.append(tokens[Int(state >> 33) % tokens.count])
            }
            let source = parts.joined(separator: " ")
            for type in [FormulaType.number, .boolean] {
                switch CompiledFormula.compile(source, expecting: type, names: F.names, locate: F.locate) {
                case .success(let f): _ = f.evaluate { $0 == 5 ? .one : .zero }
                case .failure(let e): #expect(!e.diagnostics.isEmpty)
                }
            }
        }
    }
}
