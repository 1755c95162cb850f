import Foundation
import Testing
@testable import KaimenKit

/// Krippendorff's alpha and the ICC against independent implementations: every expected value
/// below was printed by `Fixtures/reference/panel/agreement.py` (the `krippendorff` 0.9 and
/// `pingouin` 0.7 packages; its output is kept beside it as `agreement.out`).
@Suite("Agreement: Krippendorff's alpha and ICC agree with the reference packages")
struct AgreementTests {
    static let tolerance = 1e-9
    let nan = Double.nan

    /// Rows are raters, columns units, NaN missing (the packages' layout) → values by unit.
    func byUnit(_ raters: [[Double]]) -> [[Double]] {
        (0..<raters[0].count).map { u in raters.map { $0[u] }.filter { !$0.isNaN } }
    }

    @Test("Krippendorff's own reliability-data example: interval alpha 0.849")
    func krippendorffExample() throws {
        let data: [[Double]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
            [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
        ]
        let alpha = try #require(KrippendorffAlpha.interval(byUnit(data)))
        #expect(abs(alpha - 0.8491071428571428) < Self.tolerance)
    }

    @Test("ballots with missing values (recusals, units not heard)")
    func missingValues() throws {
        let data: [[Double]] = [
            [3.5, 2.0, 4.0, 1.5, nan, 3.0, 2.5, 0.5, 3.0, 2.0],
            [3.0, nan, 3.5, 1.0, 2.0, 3.0, 2.0, 1.0, 3.5, 2.5],
            [4.0, 2.5, 4.0, nan, 2.5, 3.5, nan, 0.5, 3.0, 1.5],
            [2.5, 1.5, 3.0, 1.0, 1.5, 2.0, 2.0, 0.0, nan, 1.5],
            [3.5, 2.0, nan, 2.0, 2.0, 3.0, 3.0, 1.0, 3.5, 2.0],
            [nan, 3.0, 4.0, 1.5, 2.5, 4.0, 2.5, 1.5, 4.0, nan],
        ]
        let alpha = try #require(KrippendorffAlpha.interval(byUnit(data)))
        #expect(abs(alpha - 0.7653346386614454) < Self.tolerance)
    }

    @Test("alpha is undefined when every value is the same, or nothing can be paired")
    func undefined() {
        #expect(KrippendorffAlpha.interval([[2, 2], [2, 2, 2]]) == nil)
        #expect(KrippendorffAlpha.interval([[1], [3]]) == nil)
    }

    @Test("Shrout & Fleiss (1979) Table 2: ICC(2,1) 0.29 and ICC(2,4) 0.62")
    func shroutFleiss() throws {
        let r = try #require(ICC.twoWayRandom(Self.exact([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]])))
        #expect(abs(try #require(r.single) - 0.28976377952755916) < Self.tolerance)
        #expect(abs(try #require(r.average) - 0.6200505475989893) < Self.tolerance)
        let single = try #require(r.exactSingle), average = try #require(r.exactAverage)
        #expect(ICC.Reading(reading: single) == .poor && ICC.Reading(reading: average) == .moderate)
    }

    @Test("a complete panel of 8 units and 5 representatives: ICC and alpha")
    func completePanel() throws {
        let table: [[Double]] = [[3.5, 3.0, 4.0, 3.5, 3.0], [2.0, 1.5, 2.5, 2.0, 1.0], [4.0, 3.5, 4.0, 4.0, 3.5], [1.0, 1.5, 2.0, 0.5, 1.0],
                                 [2.5, 2.5, 3.0, 2.0, 2.0], [3.0, 2.0, 3.5, 3.0, 2.5], [0.5, 1.0, 1.5, 0.5, 0.0], [3.0, 3.5, 3.5, 2.5, 3.0]]
        let r = try #require(ICC.twoWayRandom(Self.exact(table)))
        #expect(abs(try #require(r.single) - 0.830411220911699) < Self.tolerance)
        #expect(abs(try #require(r.average) - 0.9607582798554253) < Self.tolerance)
        let single = try #require(r.exactSingle), average = try #require(r.exactAverage)
        #expect(ICC.Reading(reading: single) == .good && ICC.Reading(reading: average) == .excellent)
        let alpha = try #require(KrippendorffAlpha.interval(table))
        #expect(abs(alpha - 0.8113543788187373) < Self.tolerance)
    }

    @Test("the ICC needs two targets and two raters; with no variation neither figure has a value")
    func iccUndefined() throws {
        #expect(ICC.twoWayRandom(Self.exact([[1, 2, 3]])) == nil)
        #expect(ICC.twoWayRandom(Self.exact([[1], [2]])) == nil)
        let flat = try #require(ICC.twoWayRandom(Self.exact([[2, 2], [2, 2]])))
        #expect(flat.single == nil && flat.average == nil)
        #expect(flat.undefined(average: false) == .noVariation && flat.undefined(average: true) == .noVariation)
    }

    @Test("Koo & Li readings at the boundaries, on exact values")
    func readings() {
        func r(_ text: String) -> ICC.Reading { ICC.Reading(Rational(decimal: text)!) }
        #expect(r("0.49") == .poor && r("0.5") == .moderate && r("0.75") == .good)
        #expect(r("0.9") == .good && r("0.91") == .excellent)
        #expect(ICC.Reading(reading: Rational(decimal: "-0.1")!) == nil && ICC.Reading(reading: Rational(decimal: "1.5")!) == nil)
    }

    static func exact(_ table: [[Double]]) -> [[Rational]] { table.map { $0.map { Rational(decimal: String($0))! } } }

    static func xicheng() throws -> PanelReport {
        let root = Fixtures.packageRoot.path + "/"
        let s = try ScoringSession.run(.init(rules: root + "rules/xicheng-2014.jsonc", units: root + "samples/xicheng-2014/units.csv",
                                             roster: root + "samples/xicheng-2014/roster.csv", ballots: root + "samples/xicheng-2014/ballots.csv"))
        return PanelReport.analyse(s, options: .init(seed: 1, resamples: 200))
    }

    @Test("the Xicheng sample, read by kaimen, gives the reference script's alpha per standard and overall")
    func xichengAlpha() throws {
        let p = try Self.xicheng()
        let expected: [String: Double] = [
            "rights.ballot": -0.013022113022113091, "publicity": -0.08142076502732265, "safety.ballot": -0.06293919951115212,
            "democracy.ballot": -0.12934296525627786, "models.ballot": -0.117165401220783, "warmth.ballot": -0.04463894967177229,
            "insurance.ballot": -0.12259615384615374, "audit.ballot": -0.11363079615048122,
        ]
        for a in p.agreement.byItem {
            let key = p.data.items[a.item!].key
            #expect(abs(try #require(a.value) - expected[key]!) < Self.tolerance, "\(key)")
        }
        #expect(abs(try #require(p.agreement.overall.value) - -0.09654579342071368) < Self.tolerance)
        let interval = try #require(p.agreement.overall.interval)
        #expect(interval.low < interval.high)
    }

    @Test("the Xicheng sample's first group: ICC on its three units without R03 (recused from X02)")
    func xichengICC() throws {
        let p = try Self.xicheng()
        let expected = ["rights.ballot": (0.07112970711297067, 0.3148148148148147), "safety.ballot": (0.1118421052631579, 0.43037974683544306)]
        for (key, (single, average)) in expected {
            let item = try #require(p.data.items.firstIndex { $0.key == key })
            let block = try #require(p.agreement.icc.first { $0.item == item && $0.group == 0 })
            let r = try #require(block.result)
            #expect(r.n == 3 && r.k == 6)
            #expect(block.ratersLeftOut.map { p.data.representatives[$0].id } == ["R03"])
            let (s1, sk) = (try #require(r.single), try #require(r.average))
            #expect(abs(s1 - single) < Self.tolerance && abs(sk - average) < Self.tolerance)
        }
        // The other groups heard two units each: no ICC, and the reason says so.
        #expect(p.agreement.icc.filter { $0.group != 0 }.allSatisfy { $0.result == nil && $0.reason != nil })
    }
}
