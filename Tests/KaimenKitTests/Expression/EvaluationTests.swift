import Testing
@testable import KaimenKit

@Suite("Formulas evaluate exactly, reading only what they need")
struct EvaluationTests {
    typealias F = FormulaFixture

    @Test("arithmetic is exact and follows precedence")
    func arithmetic() {
        // 0.1 + 0.2 is exactly 0.3 with Rationals (it is not in binary floating point).
        #expect(F.evaluate("0.1 + 0.2 = 0.3", .boolean) == .boolean(true))
        #expect(F.evaluate("a + b = 0.3", .boolean, ["a": "0.1", "b": "0.2"]) == .boolean(true))
        // 1/3 × 3 = 1 exactly, no 0.999….
        #expect(F.evaluate("1/3 * 3") == .number(1))
        #expect(F.evaluate("a / 3 * 3", .number, ["a": "1"]) == .number(1))
        // (-2) × (-3) = 6.
        #expect(F.evaluate("-2 * -3") == .number(6))
        #expect(F.evaluate("-a * -b", .number, ["a": "2", "b": "3"]) == .number(6))
        // Left-associative: (10 - 4) - 3 = 3, not 10 - (4 - 3) = 9.
        #expect(F.evaluate("10 - 4 - 3") == .number(3))
        #expect(F.evaluate("a - b - 3", .number, ["a": "10", "b": "4"]) == .number(3))
        // (12 / 2) / 3 = 2, not 12 / (2 / 3) = 18.
        #expect(F.evaluate("a / b / 3", .number, ["a": "12", "b": "2"]) == .number(2))
        // * binds tighter than +: 2 × 3 + 4 = 10, 2 + 3 × 4 = 14; parentheses override: (2 + 3) × 4 = 20.
        #expect(F.evaluate("2 * 3 + 4") == .number(10))
        #expect(F.evaluate("a + b * 4", .number, ["a": "2", "b": "3"]) == .number(14))
        #expect(F.evaluate("(a + b) * 4", .number, ["a": "2", "b": "3"]) == .number(20))
        // 1e3 = 1000; 2.5e-1 = 0.25.
        #expect(F.evaluate("1e3 + a", .number, ["a": "0.25"]) == .number(F.r("1000.25")))
        #expect(F.evaluate("2.5e-1 * a", .number, ["a": "4"]) == .number(1))
        // Unary minus binds tighter than *: -a * 2 with a = 3 is -6.
        #expect(F.evaluate("-a * 2", .number, ["a": "3"]) == .number(-6))
    }

    @Test("comparisons and logic give true/false")
    func logic() {
        // 0.6 >= 0.6 holds; 0.59 >= 0.6 does not.
        #expect(F.evaluate("card_rate >= 0.6", .boolean, ["card_rate": "0.6"]) == .boolean(true))
        #expect(F.evaluate("card_rate >= 0.6", .boolean, ["card_rate": "0.59"]) == .boolean(false))
        #expect(F.evaluate("a != b", .boolean, ["a": "1", "b": "1.0"]) == .boolean(false))
        #expect(F.evaluate("a == b", .boolean, ["a": "1", "b": "1.0"]) == .boolean(true))
        #expect(F.evaluate("a < b and b <= 2", .boolean, ["a": "1", "b": "2"]) == .boolean(true))
        #expect(F.evaluate("a > b", .boolean, ["a": "1", "b": "2"]) == .boolean(false))
        // `and` binds tighter than `or`: true or (false and false) = true.
        #expect(F.evaluate("a = 1 or a = 2 and b = 3", .boolean, ["a": "1", "b": "0"]) == .boolean(true))
        // `not` binds looser than comparison: not (a = 1) with a = 1 is false.
        #expect(F.evaluate("not a = 1", .boolean, ["a": "1"]) == .boolean(false))
        #expect(F.evaluate("not not a = 1", .boolean, ["a": "1"]) == .boolean(true))
        // Booleans compare with `=`: (1 > 0) = (0 > 0) is true = false, false.
        #expect(F.evaluate("(a > 0) = (b > 0)", .boolean, ["a": "1", "b": "0"]) == .boolean(false))
        #expect(F.evaluate("true and a > 0", .boolean, ["a": "1"]) == .boolean(true))
    }

    @Test("if chooses a branch, and the spec's example scores as written")
    func conditional() {
        let formula = "if disputes = 0 then 2 else min(2, 2 * mediated / disputes)"
        // No disputes: 2 points, even though `mediated` is missing (that branch is not taken).
        #expect(F.evaluate(formula, .number, ["disputes": "0"]) == .number(2))
        // 1 of 4 mediated: 2 × 1 / 4 = 0.5.
        #expect(F.evaluate(formula, .number, ["disputes": "4", "mediated": "1"]) == .number(F.r("0.5")))
        // 3 of 2 (more than all): 2 × 3 / 2 = 3, capped by min at 2.
        #expect(F.evaluate(formula, .number, ["disputes": "2", "mediated": "3"]) == .number(2))
        // Nested ifs in both branches, giving booleans.
        let nested = "if a > 0 then (if b > 0 then true else false) else (if b > 0 then false else true)"
        #expect(F.evaluate(nested, .boolean, ["a": "1", "b": "1"]) == .boolean(true))
        #expect(F.evaluate(nested, .boolean, ["a": "0", "b": "1"]) == .boolean(false))
        #expect(F.evaluate(nested, .boolean, ["a": "0", "b": "0"]) == .boolean(true))
    }

    @Test("and, or and if skip what they do not need, so a missing metric there is harmless")
    func shortCircuit() {
        // a = 0 makes `a > 0` false, so `and` never reads b (missing).
        #expect(F.evaluate("a > 0 and b > 0", .boolean, ["a": "0"]) == .boolean(false))
        // a = 1 makes `a > 0` true, so `and` must read b, which is missing (slot 6).
        #expect(F.evaluate("a > 0 and b > 0", .boolean, ["a": "1"]) == .missing(slot: 6))
        // a = 1 makes `or` true without reading b.
        #expect(F.evaluate("a > 0 or b > 0", .boolean, ["a": "1"]) == .boolean(true))
        #expect(F.evaluate("a > 0 or b > 0", .boolean, ["a": "0"]) == .missing(slot: 6))
        // The else branch reads b; the condition is true, so it never runs.
        #expect(F.evaluate("if a > 0 then a else b", .number, ["a": "5"]) == .number(5))
        #expect(F.evaluate("if a > 0 then b else a", .number, ["a": "5"]) == .missing(slot: 6))
        // A division by zero in the untaken branch is not an error either.
        #expect(F.evaluate("if b = 0 then 0 else a / b", .number, ["a": "5", "b": "0"]) == .number(0))
    }

    @Test("built-in functions: min, max, clamp, round half away from zero, abs")
    func builtins() {
        #expect(F.evaluate("min(3, a, 2)", .number, ["a": "1"]) == .number(1))
        #expect(F.evaluate("min(3, a, 2)", .number, ["a": "5"]) == .number(2))
        #expect(F.evaluate("max(a, b, 0)", .number, ["a": "-1", "b": "-2"]) == .number(0))
        #expect(F.evaluate("max(a, b)", .number, ["a": "0.5", "b": "0.25"]) == .number(F.r("0.5")))
        // clamp(12, 0, 10) = 10; clamp(-1, 0, 10) = 0; clamp(7, 0, 10) = 7.
        #expect(F.evaluate("clamp(a, 0, 10)", .number, ["a": "12"]) == .number(10))
        #expect(F.evaluate("clamp(a, 0, 10)", .number, ["a": "-1"]) == .number(0))
        #expect(F.evaluate("clamp(a, 0, 10)", .number, ["a": "7"]) == .number(7))
        // 2.675 is exactly 2.675 here, so half away from zero gives 2.68 (a double would give 2.67).
        #expect(F.evaluate("round(a, 2)", .number, ["a": "2.675"]) == .number(F.r("2.68")))
        #expect(F.evaluate("round(2.675, 2)") == .number(F.r("2.68")))
        // Halves go away from zero: -0.5 → -1, 2.5 → 3, -2.5 → -3; 2.4 → 2.
        #expect(F.evaluate("round(a)", .number, ["a": "-0.5"]) == .number(-1))
        #expect(F.evaluate("round(a)", .number, ["a": "2.5"]) == .number(3))
        #expect(F.evaluate("round(a, 0)", .number, ["a": "-2.5"]) == .number(-3))
        #expect(F.evaluate("round(a)", .number, ["a": "2.4"]) == .number(2))
        // 1/3 to 6 places: 0.333333.
        #expect(F.evaluate("round(a / 3, 6)", .number, ["a": "1"]) == .number(F.r("0.333333")))
        #expect(F.evaluate("abs(a)", .number, ["a": "-3.5"]) == .number(F.r("3.5")))
        #expect(F.evaluate("abs(a - b)", .number, ["a": "1", "b": "4"]) == .number(3))
        // Functions nest: min(2, max(0, 5 - 1)) = min(2, 4) = 2.
        #expect(F.evaluate("min(2, max(0, a - 1))", .number, ["a": "5"]) == .number(2))
    }

    @Test("dividing by zero while scoring gives divisionByZero")
    func runtimeDivisionByZero() {
        #expect(F.evaluate("members / a", .number, ["members": "10", "a": "0"]) == .divisionByZero)
        #expect(F.evaluate("members / (a - b)", .number, ["members": "10", "a": "2", "b": "2"]) == .divisionByZero)
        #expect(F.evaluate("mediated / disputes >= 0.5", .boolean, ["mediated": "1", "disputes": "0"]) == .divisionByZero)
    }

    @Test("a missing metric gives missing with the first slot read")
    func missing() {
        // workers (slot 1) is missing.
        #expect(F.evaluate("members + workers", .number, ["members": "1"]) == .missing(slot: 1))
        // Both missing: workers is read first.
        #expect(F.evaluate("workers + members") == .missing(slot: 1))
        #expect(F.evaluate("max(card_rate, 0)") == .missing(slot: 4))
    }

    @Test("a compiled formula can be evaluated many times, and from many tasks")
    func reuse() async {
        guard let f = F.compile("if a > b then a - b else b - a") else { return }
        // |a - b| for a, b in 0..<20.
        await withTaskGroup(of: Bool.self) { group in
            for a in 0..<20 {
                group.addTask {
                    (0..<20).allSatisfy { b in
                        f.evaluate { $0 == 5 ? Rational(a) : Rational(b) } == .number(Rational(Swift.abs(a - b)))
                    }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}
