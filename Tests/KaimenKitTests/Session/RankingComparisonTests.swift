import Foundation
import Testing
@testable import KaimenKit

/// One comparison of a seal's `ranking` with another ranking of its shape, for `verify` (the
/// result scored again) and `status` (the sealed summary's figures): one order, one quoting.
@Suite("a seal's ranking against another: one comparison for status and verify")
struct RankingComparisonTests {
    typealias D = SessionMessages.RankingDifference

    static func entry(_ rank: Int, _ total: String, _ grade: String) -> JSONOut {
        .object(["rank": .num(rank), "total": .string(total), "grade": .string(grade)])
    }

    @Test("equal rankings: no difference")
    func equal() {
        let r = JSONOut.object(["X01": Self.entry(1, "90.00", "优秀")])
        #expect(Verifier.rankingDifferences(sealed: r, other: r).isEmpty)
    }

    /// The other ranking: X02 first (95.00), X01 second, X03 third. The seal swaps X01's and
    /// X02's ranks, gives X03 the grade 良好 for 合格 and a total "70" for "70.50", lacks X04,
    /// and has X09, which the other lacks.
    @Test("in the other ranking's order (rank, then id), then units only the seal has; rank, total, grade, each quoted as the seal holds it")
    func order() {
        let other = JSONOut.object(["X01": Self.entry(2, "90.00", "优秀"), "X02": Self.entry(1, "95.00", "优秀"),
                                    "X03": Self.entry(3, "70.50", "合格"), "X04": Self.entry(4, "60.00", "合格")])
        let sealed = JSONOut.object(["X01": Self.entry(1, "90.00", "优秀"), "X02": Self.entry(2, "95.00", "优秀"),
                                     "X03": Self.entry(3, "70", "良好"), "X09": Self.entry(5, "50.00", "基本合格")])
        #expect(Verifier.rankingDifferences(sealed: sealed, other: other) == [
            D(unit: "X02", field: "rank", sealed: "2", other: "1"),
            D(unit: "X01", field: "rank", sealed: "1", other: "2"),
            D(unit: "X03", field: "total", sealed: "70", other: "70.50"),
            D(unit: "X03", field: "grade", sealed: "良好", other: "合格"),
            D(unit: "X04", field: nil, sealed: nil, other: nil),
            D(unit: "X09", field: nil, sealed: "", other: nil),
        ])
    }

    @Test("a figure the seal lacks, holds as another type, or holds with a control character: quoted one way")
    func quoting() {
        let other = JSONOut.object(["X01": Self.entry(1, "90.00", "优秀")])
        let sealed = JSONOut.object(["X01": .object(["rank": .string("1"), "total": .number("90.00"), "grade": .string("优\u{7}秀"), "note": .bool(true)])])
        #expect(Verifier.rankingDifferences(sealed: sealed, other: other) == [
            // The string "1" and the number 1 read alike: the seal's rank is quoted as its text.
            D(unit: "X01", field: "rank", sealed: "1", other: "1"),
            D(unit: "X01", field: "total", sealed: "90.00", other: "90.00"),
            D(unit: "X01", field: "grade", sealed: "优\\u{7}秀", other: "优秀"),
            D(unit: "X01", field: "note", sealed: "true", other: "—"),
        ])
    }

    @Test("a summary's figures read into the seal's shape: a whole rank as a number, anything else as its text")
    func summaryShape() {
        let csv = "排名,类别排名,单位编号,单位,类别,总分,等级\n1,1,X02,乙,企业,90.50,优秀\n二,1,X01,甲,街道,80.00,良好\n"
        #expect(Verifier.summaryRanking(Data(csv.utf8), path: "results/summary.csv")
            == .object(["X02": Self.entry(1, "90.50", "优秀"), "X01": .object(["rank": .string("二"), "total": .string("80.00"), "grade": .string("良好")])]))
    }

    @Test("the two messages: their own leading sentence and side, the same differences")
    func messages() {
        let d = [D(unit: "X02", field: "rank", sealed: "2", other: "1"), D(unit: "X04", field: nil, sealed: nil, other: nil),
                 D(unit: "X09", field: nil, sealed: "", other: nil)]
        #expect(SessionMessages.sealRanking(seq: 5, against: .journal, d).zh
            == "封存记录 5 的字段 `ranking`（名次、总分和等级）与按日志重新计算的结果不符：`X02` 的名次（rank）封存为 `2`，按日志应为 `1`；"
            + "`X04` 不在封存的 ranking 中，按日志有这个单位；封存的 ranking 中有 `X09`，按日志没有这个单位")
        #expect(SessionMessages.sealRanking(seq: 5, against: .file("results/summary.csv"), d).en
            == "field `ranking` (ranks, totals and grades) of seal record 5 does not match the result file it seals, `results/summary.csv`: "
            + "`X02`'s rank is sealed as `2`, `results/summary.csv` has `1`; `X04` is not in the sealed ranking, but in `results/summary.csv`; "
            + "the sealed ranking has `X09`, which `results/summary.csv` does not")
    }
}
