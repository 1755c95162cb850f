import Testing
@testable import KaimenKit

/// Every diagnostic a formula can get, at its exact place. `locate` puts offset o at
/// `t.jsonc:7:(20 + o)`, so column − 20 is the 0-based offset of the offending token.
@Suite("Broken formulas are reported at the offending token")
struct FormulaDiagnosticTests {
    typealias F = FormulaFixture

    private func expectError(_ source: String, _ type: FormulaType = .number, code: String, column: Int,
                             message: String? = nil, hint: String? = nil,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let d = F.error(source, type, sourceLocation: sourceLocation) else { return }
        #expect(d.code == code, "`\(source)`", sourceLocation: sourceLocation)
        #expect(d.location == KaimenKit.SourceLocation(file: "t.jsonc", line: 7, column: column), "`\(source)`: \(d)",
                sourceLocation: sourceLocation)
        #expect(d.severity == .error, sourceLocation: sourceLocation)
        if let message { #expect(d.message == message, sourceLocation: sourceLocation) }
        if let hint { #expect(d.hint == hint, sourceLocation: sourceLocation) }
    }

    // MARK: expression-syntax

    @Test("an unexpected character, counted in Unicode scalars")
    func unexpectedCharacter() {
        // `#` is at offset 10.
        expectError("members + #", code: "expression-syntax", column: 30, message: "unexpected character `#` in formula")
        // `人` is one scalar (three UTF-8 bytes): offset 10 again.
        expectError("members + 人数", code: "expression-syntax", column: 30)
        // A full-width parenthesis from a Chinese input method, at offset 3.
        expectError("min（a, b)", code: "expression-syntax", column: 23, hint: "write the ASCII `(` instead of `（`")
        // `<>` at offset 2; `!` alone at offset 0; `&&` at offset 2.
        expectError("a <> b", .boolean, code: "expression-syntax", column: 22, hint: "write `!=` for “not equal”")
        expectError("!a", .boolean, code: "expression-syntax", column: 20)
        expectError("a && b", .boolean, code: "expression-syntax", column: 22, hint: "write `and`")
    }

    /// Found by a rules author's trial: these were told only "expected a number, a metric or `(`"
    /// or "unexpected character".
    @Test("a doubled or dangling comma, and a metric in brackets, are said for what they are")
    func commasAndBrackets() {
        expectError("min(a,, b)", code: "expression-syntax", column: 26, hint: "one `,` too many: remove one")
        expectError("min(a, b, )", code: "expression-syntax", column: 30, hint: "an argument is missing after the `,`: remove the `,` or add the argument")
        expectError("max(, b)", code: "expression-syntax", column: 24, hint: "the first argument is missing after `(`")
        expectError("【members】 / 10", code: "expression-syntax", column: 20, hint: "a metric is written by its id alone, without brackets: write `members`")
        expectError("[card_rate] * 2", code: "expression-syntax", column: 20, hint: "a metric is written by its id alone, without brackets: write `card_rate`")
        // Chinese quotes and a Chinese full stop from an input method (a rules author's trial).
        expectError("min(1, “a” * 0.5)", code: "expression-syntax", column: 27, hint: "formulas have no strings; name a metric by its id")
        expectError("a * 0。5", code: "expression-syntax", column: 25, hint: "write the ASCII `.` instead of `。`")
        // An id with a dot, as names may have (a review).
        expectError("【staff.count】 + 1", code: "expression-syntax", column: 20, hint: "a metric is written by its id alone, without brackets: write `staff.count`")
        expectError("min(a, b)】", code: "expression-syntax", column: 29, hint: "formulas group with ASCII parentheses `( )` only")
        let zh = F.error("min(a,, b)")
        #expect(zh?.text.zh == "这里应该是数字、指标或 `(`，但出现了 `,`" && zh?.hintText?.zh == "多写了一个 `,`：删去一个", "\(String(describing: zh))")
    }

    @Test("full-width digits and a percent sign get what to write instead")
    func fullWidthDigitsAndPercent() {
        // `０` (U+FF10) at offset 11: the ASCII digit.
        expectError("members > ０.5", .boolean, code: "expression-syntax", column: 30, hint: "write the ASCII `0` instead of `０`")
        // `％` at offset 15, after `55`: the fraction 55% stands for; an ASCII `%` (offset 16) the same.
        expectError("card_rate >= 55％", .boolean, code: "expression-syntax", column: 35, hint: "formulas have no percent sign: write 0.55 for 55%")
        expectError("card_rate >= 9.5%", .boolean, code: "expression-syntax", column: 36, hint: "formulas have no percent sign: write 0.095 for 9.5%")
    }

    @Test("an unexpected token, or the formula ending too early")
    func unexpectedToken() {
        // `)` at offset 4 where an operand should be.
        expectError("a + )", code: "expression-syntax", column: 24,
                    message: "expected a number, a metric or `(`, but found `)`")
        // The formula ends at offset 3, right after `+`.
        expectError("a +", code: "expression-syntax", column: 23,
                    message: "expected a number, a metric or `(`, but found the end of the formula")
        expectError("", code: "expression-syntax", column: 20, message: "the formula is empty")
        expectError("   ", code: "expression-syntax", column: 20, message: "the formula is empty")
        // `if` inside a sum must be parenthesized: the `if` is at offset 4.
        expectError("1 + if a > 0 then 1 else 0", code: "expression-syntax", column: 24)
    }

    @Test("a missing `)` points at what came instead, and the hint at the `(`")
    func missingParenthesis() {
        // `(` at offset 0; the formula ends at offset 12.
        expectError("(members + 1", code: "expression-syntax", column: 32,
                    message: "expected `)`, but found the end of the formula", hint: "the `(` it should close is at 7:20")
        // A call's `(` at offset 3; `b` ends at offset 8, the end of the formula.
        expectError("min(a, b", code: "expression-syntax", column: 28, hint: "the `(` it should close is at 7:23")
        // An extra `)` at offset 5.
        expectError("(a+b))", code: "expression-syntax", column: 25, message: "unmatched `)`")
    }

    @Test("`if` without `then` or `else`")
    func missingThenElse() {
        // "if a > b 1 else 2": `1` at offset 9 where `then` belongs.
        expectError("if a > b 1 else 2", code: "expression-syntax", column: 29,
                    message: "expected `then` after the condition of `if`, but found `1`")
        // "if a > b then 1": ends at offset 15 where `else` belongs.
        expectError("if a > b then 1", code: "expression-syntax", column: 35,
                    message: "expected `else` after `if … then …`, but found the end of the formula")
        // `then` alone at offset 2.
        expectError("a then b", code: "expression-syntax", column: 22, message: "`then` without `if`")
    }

    @Test("tokens after a complete formula")
    func trailingTokens() {
        // `2` at offset 8.
        expectError("members 2", code: "expression-syntax", column: 28,
                    message: "unexpected `2` after a complete formula")
        // `AND` at offset 2 reads as a name; the hint says keywords are lower case.
        expectError("a AND b", .boolean, code: "expression-syntax", column: 22, hint: "keywords are lower case: `and`")
    }

    @Test("comparisons do not chain")
    func chainedComparison() {
        // The second `<` is at offset 6.
        expectError("a < b < 3", .boolean, code: "expression-syntax", column: 26,
                    hint: "join two comparisons with `and`, e.g. `0 < x and x < 1`")
        expectError("0 <= card_rate <= 1", .boolean, code: "expression-syntax", column: 35)
    }

    // MARK: names and functions

    @Test("an unknown metric, with a suggestion when one is close")
    func unknownMetric() {
        expectError("membrs * 2", code: "unknown-metric", column: 20,
                    message: "unknown metric `membrs` in formula", hint: "did you mean `members`?")
        // Case-insensitive match, and a swap of two neighbouring letters.
        expectError("1 + Members", code: "unknown-metric", column: 24, hint: "did you mean `members`?")
        expectError("wokrers", code: "unknown-metric", column: 20, hint: "did you mean `workers`?")
        // A prefix: `card` of `card_rate`.
        expectError("card * 2", code: "unknown-metric", column: 20, hint: "did you mean `card_rate`?")
        // Nothing close: no hint.
        expectError("zzzzzz", code: "unknown-metric", column: 20)
        #expect(F.error("zzzzzz")?.hint == nil)
        // A function named without its arguments.
        expectError("min + 1", code: "unknown-metric", column: 20, hint: "`min` is a function: write `min(a, b, …)`")
    }

    @Test("an unknown function, with a suggestion among the built-ins")
    func unknownFunction() {
        expectError("mn(members, 2)", code: "unknown-function", column: 20,
                    message: "unknown function `mn` in formula", hint: "did you mean `min`?")
        expectError("1 + sqrt(members)", code: "unknown-function", column: 24,
                    hint: "the functions are `min`, `max`, `clamp`, `round`, `abs`")
    }

    @Test("a function called with the wrong number of arguments")
    func wrongArity() {
        expectError("clamp(members, 0)", code: "wrong-arity", column: 20,
                    message: "`clamp` takes 3 arguments, got 2", hint: "write `clamp(x, lo, hi)`")
        expectError("min(members)", code: "wrong-arity", column: 20, message: "`min` takes at least 2 arguments, got 1")
        // `round` at offset 4.
        expectError("1 + round(members, 2, 3)", code: "wrong-arity", column: 24,
                    message: "`round` takes 1 or 2 arguments, got 3")
        expectError("abs()", code: "wrong-arity", column: 20, message: "`abs` takes 1 argument, got 0")
    }

    @Test("round's places must be a constant whole number from 0 to 6")
    func roundPlaces() {
        // `7` at offset 15; `a` at offset 15; `0.5` at offset 9.
        expectError("round(members, 7)", code: "invalid-argument", column: 35)
        expectError("round(members, a)", code: "invalid-argument", column: 35)
        expectError("round(a, 0.5)", code: "invalid-argument", column: 29)
        // A constant expression is fine: 1 + 1 = 2 places.
        #expect(F.evaluate("round(a, 1 + 1)", .number, ["a": "0.125"]) == .number(F.r("0.13")))
    }

    // MARK: type-mismatch

    @Test("numbers and true/false do not mix")
    func typeMismatch() {
        // The right side `(a > b)` starts at its `(`, offset 10.
        expectError("members + (a > b)", code: "type-mismatch", column: 30,
                    message: "`+` needs numbers on both sides, but the right side is true/false")
        expectError("2 and members > 0", .boolean, code: "type-mismatch", column: 20,
                    message: "`and` needs true/false on both sides, but the left side is a number")
        // `2` at offset 16.
        expectError("members > 0 and 2", .boolean, code: "type-mismatch", column: 36,
                    message: "`and` needs true/false on both sides, but the right side is a number")
        expectError("a or true", .boolean, code: "type-mismatch", column: 20)
        // `not members`: the operand at offset 4.
        expectError("not members", .boolean, code: "type-mismatch", column: 24)
        // `-(a > b)`: the operand's `(` at offset 1.
        expectError("-(a > b)", code: "type-mismatch", column: 21)
        // `<` needs numbers: `true` at offset 4.
        expectError("a < true", .boolean, code: "type-mismatch", column: 24)
        // `=` of a number and a boolean: at the `=`, offset 8.
        expectError("members = (a > b)", .boolean, code: "type-mismatch", column: 28,
                    message: "`=` compares values of the same kind, but the left side is a number and the right side is true/false")
        // A boolean argument to min: `a > b` at offset 13.
        expectError("min(members, a > b)", code: "type-mismatch", column: 33,
                    message: "`min` needs numbers, but argument 2 is true/false")
    }

    @Test("if needs a true/false condition and branches of one kind")
    func conditionalTypes() {
        // The condition `members` at offset 3.
        expectError("if members then 1 else 0", code: "type-mismatch", column: 23,
                    message: "the condition of `if` must be true/false, but it is a number")
        // The else branch `true` at offset 21.
        expectError("if a > b then 1 else true", code: "type-mismatch", column: 41,
                    message: "the branches of `if` differ: `then` gives a number, but `else` gives true/false")
    }

    @Test("the whole formula must give what its place expects")
    func resultType() {
        expectError("members * 2", .boolean, code: "type-mismatch", column: 20,
                    message: "this formula must give true/false, but it gives a number")
        expectError("members > 2", .number, code: "type-mismatch", column: 20,
                    message: "this formula must give a number, but it gives true/false")
    }

    // MARK: constants

    @Test("dividing by a constant zero is a compile error")
    func constantDivisionByZero() {
        // `/` at offset 2.
        expectError("1 / 0", code: "division-by-zero", column: 22, message: "division by zero")
        // `/` at offset 8; the divisor folds to 0.
        expectError("members / (2 - 2)", code: "division-by-zero", column: 28, hint: "the divisor `2 - 2` is always 0")
    }

    // MARK: many at once

    @Test("every unknown name and wrong arity in one formula is reported")
    func manyErrors() {
        // `membrs` at offset 0, `wrkers` at offset 9.
        let two = F.errors("membrs + wrkers")
        #expect(two.map(\.code) == ["unknown-metric", "unknown-metric"])
        #expect(two.map { $0.location?.column } == [20, 29])
        #expect(two.map(\.hint) == ["did you mean `members`?", "did you mean `workers`?"])
        // "min(x) + clamp(a, b) + foo(1) > true": min at 0, clamp at 9, foo at 23, the `>` side `true` at 32.
        let four = F.errors("min(a) + clamp(a, b) + foo(1) > true", .boolean)
        #expect(four.map(\.code) == ["wrong-arity", "wrong-arity", "unknown-function", "type-mismatch"])
        #expect(four.map { $0.location?.column } == [20, 29, 43, 52])
    }

    @Test("locations come from the caller's locate, so escapes in the JSON string are honoured")
    func customLocate() {
        // Say the formula sits in JSON as "a \u003e b + x": offsets past 1 are 5 columns further right.
        let result = CompiledFormula.compile("a > b + x", expecting: .boolean, names: F.names) { o in
            KaimenKit.SourceLocation(file: "r.jsonc", line: 3, column: 10 + o + (o > 1 ? 5 : 0))
        }
        guard case .failure(let e) = result else { Issue.record("should fail"); return }
        // `x` at offset 8 → column 10 + 8 + 5 = 23.
        #expect(e.diagnostics.map(\.location) == [KaimenKit.SourceLocation(file: "r.jsonc", line: 3, column: 23)])
        #expect(e.diagnostics.first?.description == "r.jsonc:3:23: error: unknown metric `x` in formula")
    }
}
