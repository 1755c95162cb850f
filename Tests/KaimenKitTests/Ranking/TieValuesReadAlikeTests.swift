import Foundation
import Testing
@testable import KaimenKit

/// Two units with the same total whose tie-break values differ only beyond the sixth decimal,
/// the most a tie note prints. Before 0.27.1 their note read `0.333333 对 0.333333` (and
/// `1.56 对 1.56` for keys beyond 64-bit fractions, held rounded alike): the ranking was right,
/// the note did not say why. Now each value cut short ends in `…`, and the note says they
/// differ only beyond the sixth decimal. Worked by hand: 1/3 = 0.3333333…, 1000000/3000001 =
/// 0.3333332…, both 0.333333 at six places; 1/3 is the larger, so U1 ranks first.
@Suite("A tie note whose values read alike at six places says they differ beyond")
struct TieValuesReadAlikeTests {
    static let ratios = TestSession(
        rules: UnboundedFractionTests.rules(metrics: ["a", "b", "c", "d"], points: 10, grade: "1", standards: [("k", 10, "a / b")])
            .replacingOccurrences(of: #""grades""#, with: #""ranking": { "precision": 2, "tieBreak": [ { "by": "standard", "id": "s.k" } ] }, "grades""#),
        units: "id,name,a,b,c,d\nU2,乙,1000000,3000001,1,1\nU1,甲,1,3,1,1\n")

    @Test("TieValueText: cut at six places where rounding would not tell them apart; alike only where cutting does not either")
    func texts() {
        let (a, b) = (Rational(1, 3), Rational(1_000_000, 3_000_001))
        #expect(TieValueText.readAlike(a, b, kind: .points, precision: 2))
        #expect(TieValueText.pair(a, b, kind: .points, precision: 2) == ("0.333333…", "0.333333…"))
        // An exact value keeps its digits without `…`.
        let (c, d) = (Rational(3, 2), Rational(1_500_000_001, 1_000_000_000))
        #expect(TieValueText.pair(c, d, kind: .points, precision: 2) == ("1.500000", "1.500000…"))
        // Rounded, 1.0000004 and 0.9999996 both read 1.000000…, the larger no larger; cut, they
        // read apart, in their order, and the note needs no clause.
        let (up, down) = (Rational(10_000_004, 10_000_000), Rational(9_999_996, 10_000_000))
        #expect(TieValueText.pair(up, down, kind: .points, precision: 2) == ("1.000000…", "0.999999…"))
        #expect(!TieValueText.readAlike(up, down, kind: .points, precision: 2))
        #expect(TieValueText.pair(Rational(-10_000_004, 10_000_000), Rational(-9_999_996, 10_000_000), kind: .points, precision: 2)
                == ("-1.000000…", "-0.999999…"))
        // Told apart at the sixth place: rounded, as before.
        #expect(!TieValueText.readAlike(Rational(1_234_567, 10_000_000), Rational(1_234_557, 10_000_000), kind: .points, precision: 2))
        #expect(TieValueText.pair(Rational(1_234_567, 10_000_000), Rational(1_234_557, 10_000_000), kind: .points, precision: 2)
                == ("0.123457", "0.123456"))
        #expect(!TieValueText.readAlike(nil, a, kind: .points, precision: 2))
        #expect(TieValueText.pair(nil, a, kind: .points, precision: 2) == ("—", "0.33"))
        // A metric as entered, without trailing zeros.
        #expect(TieValueText.pair(a, b, kind: .metric, precision: 2) == ("0.333333…", "0.333333…"))
        #expect(TieValueText.pair(Rational(1, 10), Rational(2, 10), kind: .metric, precision: 2) == ("0.1", "0.2"))
        // A rate as a percentage: 10.000001% and 10% differ at the sixth place of the percentage.
        let (r1, r2) = (Rational(10_000_001, 100_000_000), Rational(1, 10))
        #expect(TieValueText.pair(r1, r2, kind: .rate, precision: 2) == ("10.000001%", "10%"))
        #expect(!TieValueText.readAlike(r1, r2, kind: .rate, precision: 2))
        #expect(TieValueText.pair(Rational(1, 5), Rational(1, 10), kind: .rate, precision: 2) == ("20%", "10%"))
        #expect(TieValueText.pair(Rational(1, 3), Rational(1_000_000, 3_000_001), kind: .rate, precision: 2) == ("33.33333%", "33.33332%"))
        // As before 0.27.1, for a seal then.
        #expect(TieValueText.pair(a, b, kind: .points, precision: 2, notesAlike: false) == ("0.333333", "0.333333"))
        #expect(TieValueText.pair(a, a, kind: .points, precision: 2, notesAlike: false) == ("0.33", "0.33"))
    }

    @Test("explain, the summary's notes and its byte writer say so, in both languages")
    func notes() throws {
        let s = try Self.ratios.run()
        let (u1, u2) = (try #require(s.table.index(ofUnit: "U1")), try #require(s.table.index(ofUnit: "U2")))
        #expect(s.report.scores.rank[u1] == 1 && s.report.scores.rank[u2] == 2)
        let explained = UnitExplanation(session: s, lang: .zh).render(unit: u2)
        #expect(explained.contains("U1 与 U2 同分 0.33，按“标准k”得分 0.333333… 对 0.333333…（小数点后第 6 位之后才不同），U1 排在前"), "\(explained)")
        let english = UnitExplanation(session: s, lang: .en).render(unit: u2)
        #expect(english.contains("by standard 标准k 0.333333… vs 0.333333… (they differ only beyond the 6th decimal), U1 ranks ahead of U2"), "\(english)")
        let behind = "与 U1 同分，按“标准k”得分 0.333333… 对 0.333333… 排在后（小数点后第 6 位之后才不同）"
        #expect(SummaryExport.Notes(s.report, lang: .zh).text(u2) == behind)
        let ahead = "与 U2 同分，按“标准k”得分 0.333333… 对 0.333333… 排在前（小数点后第 6 位之后才不同）"
        #expect(SummaryExport.Notes(s.report, lang: .zh).text(u1) == ahead)
        let csv = String(decoding: SummaryWriter.csv(s.report, threads: 1), as: UTF8.self)
        #expect(csv.contains(behind) && csv.contains(ahead), "\(csv)")
        #expect(SummaryExport.Notes(s.report, lang: .en).text(u1)
                == "tied with U2 on total; standard 标准k 0.333333… vs 0.333333… puts it ahead (they differ only beyond the 6th decimal)")
    }

    /// Keys beyond 64-bit fractions are held rounded to odd alike (`UnboundedFractionTests`):
    /// the note said `1.56 对 1.56`.
    @Test("keys beyond 64-bit fractions")
    func wideKeys() throws {
        let s = try UnboundedFractionTests.tiedKeys.run()
        let note = try #require(SummaryExport.Notes(s.report, lang: .zh).text(0))
        #expect(note == "与 U2 同分，按“标准k”得分 1.559136… 对 1.559136… 排在后（小数点后第 6 位之后才不同）")
        #expect(String(decoding: SummaryWriter.csv(s.report, threads: 1), as: UTF8.self).contains(note))
    }
}
