import Foundation
import Testing
@testable import KaimenKit

/// Rules, samples and the checked readers' results, to hold the bulk readers against.
enum BulkFixtures {
    static let xicheng = loadRules("xicheng-2014")
    static let dongcheng = loadRules("dongcheng-2019")

    static func loadRules(_ name: String) -> Rules {
        try! RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/\(name).jsonc").path).rules
    }

    static func sample(_ path: String) -> [UInt8] {
        try! [UInt8](Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/\(path)")))
    }

    /// How many units `generated` holds: 3000, fewer under the sanitizers.
    static let generatedUnits = Fixtures.units(3000)

    /// A generated session, once per size.
    static let generated: (units: [UInt8], roster: [UInt8], ballots: [UInt8]) = {
        let g = DataGenerator(rules: xicheng, units: generatedUnits, seed: 7).generate()
        return (g.units, g.roster, g.ballots)
    }()

    static func checkedUnits(_ bytes: [UInt8], rules: Rules, fileName: String = "units.csv") -> (table: UnitTable?, diagnostics: [Diagnostic]) {
        UnitsReader(rules: rules).read(Data(bytes), fileName: fileName)
    }

    static func checkedRoster(_ bytes: [UInt8], units: [KaimenKit.Unit]) -> [Representative] {
        let r = RosterReader.read(Data(bytes), fileName: "roster.csv", units: units)
        return r.reps!
    }

    /// Every value of the bulk result equals the checked reader's.
    static func expectSame(_ bulk: BulkUnitsReader.Result, _ checked: UnitTable, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(bulk.identities.ids == checked.units.map(\.id), sourceLocation: sourceLocation)
        #expect(bulk.identities.names == checked.units.map(\.name), sourceLocation: sourceLocation)
        #expect(bulk.identities.categories == checked.units.map(\.category), sourceLocation: sourceLocation)
        #expect(bulk.identities.lines == checked.units.map { Int32($0.location.line) }, sourceLocation: sourceLocation)
        #expect(bulk.columns.unitCount == checked.units.count, sourceLocation: sourceLocation)
        #expect(bulk.index.count == checked.units.count, sourceLocation: sourceLocation)
        var mismatches = 0
        for m in checked.values.indices {
            for u in checked.units.indices where bulk.columns.value(metric: m, unit: u) != checked.values[m][u] {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("metric \(m), unit \(u): bulk \(String(describing: bulk.columns.value(metric: m, unit: u))) ≠ checked \(String(describing: checked.values[m][u]))",
                                 sourceLocation: sourceLocation)
                }
            }
        }
        for (u, unit) in checked.units.enumerated() {
            #expect(bulk.index.find(unit.id) == Int32(u), sourceLocation: sourceLocation)
        }
    }

    /// Per (unit, item), the bulk scores equal the checked reader's counted ballots, sorted;
    /// and the recusals are the same.
    static func expectSame(_ bulk: BallotColumns, _ checked: BallotBox, unitCount: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let itemCount = checked.items.count
        #expect(bulk.itemCount == itemCount, sourceLocation: sourceLocation)
        #expect(bulk.offsets.count == unitCount * itemCount + 1, sourceLocation: sourceLocation)
        #expect(bulk.recusals == checked.recusals, sourceLocation: sourceLocation)
        var expected = Array(repeating: [Rational](), count: unitCount * itemCount)
        for b in checked.ballots { expected[b.unit * itemCount + b.item].append(b.score) }
        var mismatches = 0
        for cell in expected.indices {
            let got = bulk.offsets.count > cell + 1
                ? bulk.scores[Int(bulk.offsets[cell]) ..< Int(bulk.offsets[cell + 1])].map { Rational(Int64($0), BulkData.pow10[bulk.scale]) }
                : []
            if got != expected[cell].sorted() {
                mismatches += 1
                if mismatches <= 5 { Issue.record("cell \(cell): bulk \(got) ≠ checked \(expected[cell].sorted())", sourceLocation: sourceLocation) }
            }
        }
    }

    static func expectIdentical(_ a: BallotColumns, _ b: BallotColumns, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.scale == b.scale && a.itemCount == b.itemCount, sourceLocation: sourceLocation)
        #expect(a.offsets == b.offsets, sourceLocation: sourceLocation)
        #expect(a.scores == b.scores, sourceLocation: sourceLocation)
        #expect(a.recusals == b.recusals, sourceLocation: sourceLocation)
    }

    static func expectIdentical(_ a: BulkUnitsReader.Result, _ b: BulkUnitsReader.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.identities.ids == b.identities.ids && a.identities.names == b.identities.names
                && a.identities.categories == b.identities.categories && a.identities.lines == b.identities.lines,
                sourceLocation: sourceLocation)
        #expect(a.columns.scales == b.columns.scales, sourceLocation: sourceLocation)
        #expect(a.columns.wide == b.columns.wide && a.columns.narrow == b.columns.narrow, sourceLocation: sourceLocation)
    }
}
