import Testing
@testable import KaimenKit

/// The score table keeps points in the fewest bits the rules allow (`ScaledColumn.width`):
/// 16 while every value stays under 32 767 at the rules' precision, then 32, then 64.
@Suite("Score columns: as narrow as the rules allow, never narrower")
struct ScaledColumnTests {
    /// One count standard of `points` points (1 a unit of `n`), a unit with `n` = `points`: it
    /// earns them all, the largest value the rules allow.
    static func session(points: Int, precision: Int = 2) throws -> ScoringSession {
        let rules = RulesText.make(metrics: RulesText.metric("n"), areas: RulesText.area("a", points: "\(points)"),
                                   standards: RulesText.standard("s", area: "a", points: "\(points)", #""method": "count", "metric": "n", "perUnit": 1"#),
                                   more: #""ranking": { "precision": \#(precision) },"#)
        return try TestSession(rules: rules, units: "id,name,n\nU1,甲,\(points)\nU2,乙,1\n").run()
    }

    @Test("the widths by hand: 326 points at precision 2 is 32 600, under 32 767 but at the bound kept with a margin of a point")
    func widths() throws {
        // Bound: 32 767 / 10² − 1 = 326 points (a point's margin for rounding); below it 16 bits.
        // For 32 bits: 2 147 483 647 / 10⁶ (whole) − 1 = 2 146 points at precision 6 (at precision 2,
        // 21 474 835 points, past the million a rules file may give since 0.26.2).
        let cases: [(points: Int, precision: Int, width: ScaledColumn.Width)] = [
            (100, 2, .short), (325, 2, .short), (326, 2, .narrow), (400, 2, .narrow), (32_000, 0, .short), (40_000, 0, .narrow),
            (10, 4, .narrow), (100, 6, .narrow), (2_145, 6, .narrow), (2_146, 6, .wide), (1_000_000, 2, .narrow), (1_000_000, 4, .wide),
        ]
        for c in cases {
            let s = try Self.session(points: c.points, precision: c.precision)
            #expect(s.report.scores.standards.width == c.width, "\(c.points) points at precision \(c.precision)")
            #expect(s.report.scores.areas.width == c.width)
            // The largest value is stored whole, in whichever width.
            let scaled = Int64(c.points) * [1, 10, 100, 1000, 10_000, 100_000, 1_000_000][c.precision]
            let u1 = try #require(s.table.index(ofUnit: "U1"))
            #expect(s.report.scores.standards[u1] == scaled && s.report.scores.areas[u1] == scaled && s.report.scores.total[u1] == scaled)
        }
        // The bundled sample (100 points at precision 2).
        let xicheng = try ScoringPlan.compile(BulkFixtures.xicheng).get()
        #expect(ScaledColumn.width(xicheng) == .short)
    }

    @Test("each width reads back what was written, negative values too")
    func roundTrip() {
        for width in [ScaledColumn.Width.short, .narrow, .wide] {
            var column = ScaledColumn(count: 4, width: width)
            column.withPointer { p in
                p[0] = 32_600
                p[1] = -32_600
                p[2] = 0
                p[3] = 1
            }
            #expect((0..<4).map { column[$0] } == [32_600, -32_600, 0, 1])
            var out: [Int64] = [0, 0]
            column.gather(rows: [0][...], stride: 4, columns: 1..<3, into: &out)
            #expect(out == [-32_600, 0])
        }
        #expect(ScaledColumn(count: 1, width: .short).perCacheLine == 32)
    }
}
