import Testing
@testable import KaimenKit

@Suite("The lexer reads numbers exactly and offsets in Unicode scalars")
struct LexerTests {
    private func kinds(_ source: String) -> [Token.Kind] {
        (try? Lexer.tokenize(Array(source.unicodeScalars)))?.map(\.kind) ?? []
    }

    @Test("numbers, names, keywords and operators")
    func tokens() {
        #expect(kinds("members >= 0.6") == [.name("members"), .greaterEqual, .number(Rational(3, 5)), .end])
        #expect(kinds("1e3 2.5E-1 7") == [.number(1000), .number(Rational(1, 4)), .number(7), .end])
        #expect(kinds("a==b a=b a!=b a<=b a<b a>b") == [
            .name("a"), .equal, .name("b"), .name("a"), .equal, .name("b"), .name("a"), .notEqual, .name("b"),
            .name("a"), .lessEqual, .name("b"), .name("a"), .less, .name("b"), .name("a"), .greater, .name("b"), .end,
        ])
        #expect(kinds("if not true then false else x and y or z") == [
            .if, .not, .true, .then, .false, .else, .name("x"), .and, .name("y"), .or, .name("z"), .end,
        ])
        #expect(kinds("min(a,-b)*c/d+e") == [
            .name("min"), .leftParen, .name("a"), .comma, .minus, .name("b"), .rightParen, .star, .name("c"),
            .slash, .name("d"), .plus, .name("e"), .end,
        ])
        // Names may contain digits, `_` and `.`; `ifx` and `Andy` are names, not keywords.
        #expect(kinds("rights.rate_2 ifx Andy") == [.name("rights.rate_2"), .name("ifx"), .name("Andy"), .end])
    }

    @Test("offsets count Unicode scalars, and the end token sits after the last one")
    func offsets() throws {
        // "a\t>  1": `a` 0, `>` 2, `1` 5; the end at 6.
        let tokens = try Lexer.tokenize(Array("a\t>  1".unicodeScalars))
        #expect(tokens.map(\.offset) == [0, 2, 5, 6])
        #expect(tokens.map(\.end) == [1, 3, 6, 6])
        // A full-width space is whitespace too: `b` at offset 2.
        #expect(try Lexer.tokenize(Array("a\u{3000}b".unicodeScalars)).map(\.offset) == [0, 2, 3])
    }

    @Test("a number with too many digits is an error, not a wrong value")
    func hugeNumber() {
        let digits = String(repeating: "9", count: 40)
        #expect(throws: FormulaProblem.self) { try Lexer.tokenize(Array(digits.unicodeScalars)) }
    }
}
