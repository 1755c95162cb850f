import Testing
@testable import KaimenKit

@Suite("Compiling resolves names once and folds constants")
struct FoldingTests {
    typealias F = FormulaFixture

    @Test("parts without a metric become one constant")
    func folding() {
        let cases: [(String, FormulaType, String)] = [
            ("2 * 3 + members", .number, "6 + members"),          // 2 × 3 = 6
            ("members * (1 + 1)", .number, "members * 2"),
            ("min(1, 2) + round(2.675, 2)", .number, "3.68"),    // 1 + 2.68
            ("-(2 - 5) * members", .number, "3 * members"),      // -(-3) = 3
            ("1 / 3 * members", .number, "1/3 * members"),       // a third is kept exact
            ("0.1 + 0.2 = 0.3", .boolean, "true"),
            ("123456789 * 1000 + members", .number, "123456789000 + members"),
            ("false and members > 0", .boolean, "false"),        // never reads members
            ("true and members > 0", .boolean, "members > 0"),
            ("true or members > 0", .boolean, "true"),
            ("not (1 > 2) or members > 0", .boolean, "true"),
            ("if 1 < 2 then members else workers", .number, "members"),
            ("if members > 0 then 2 * 2 else abs(-1)", .number, "if members > 0 then 4 else 1"),
        ]
        for (source, type, expected) in cases {
            #expect(F.compile(source, type)?.folded == expected, "`\(source)`")
        }
    }

    @Test("a constant formula compiles to a single push")
    func constantProgram() {
        #expect(F.compile("2 * 3")?.program.code == [.push(6)])
        #expect(F.compile("members + 1")?.program.code == [.load(slot: 0), .push(1), .binary(.add)])
    }

    @Test("slots lists every metric named, sorted and without duplicates")
    func slots() {
        // workers = 1, members = 0, card_rate = 4.
        #expect(F.compile("workers + members + workers * card_rate")?.slots == [0, 1, 4])
        #expect(F.compile("3")?.slots == [])
        // Named in an untaken constant branch still counts as named.
        #expect(F.compile("if true then members else workers")?.slots == [0, 1])
        #expect(F.compile("if true then 1 else workers")?.resultType == .number)
    }
}
