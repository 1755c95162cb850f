import Foundation
import KaimenKit

/// What the fuzz targets read their inputs against: the bundled rules, units and roster, loaded
/// once per process from the repository (found relative to this file).
enum FuzzSession {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Loaded: Sendable {
        var rules: Rules
        var units: [KaimenKit.Unit]
        var representatives: [Representative]
    }

    static let xicheng = load("xicheng-2014")
    static let dongcheng = load("dongcheng-2019")

    static func load(_ name: String) -> Loaded {
        let rulesPath = root.appendingPathComponent("rules/\(name).jsonc").path
        guard let rules = try? RulesLoader().load(rulesPath).rules else { fatalError("cannot load \(rulesPath)") }
        let sample = root.appendingPathComponent("samples/\(name)")
        guard let unitsData = try? Data(contentsOf: sample.appendingPathComponent("units.csv")),
              let table = UnitsReader(rules: rules).read(unitsData, fileName: "units.csv").table,
              let rosterData = try? Data(contentsOf: sample.appendingPathComponent("roster.csv")),
              let reps = RosterReader.read(rosterData, fileName: "roster.csv", units: table.units).reps else {
            fatalError("cannot load the sample \(sample.path)")
        }
        return Loaded(rules: rules, units: table.units, representatives: reps)
    }

    /// Every error a reader reports must say where it is.
    static func checkLocated(_ diagnostics: [Diagnostic]) {
        for d in diagnostics where d.severity == .error && d.location == nil {
            fatalError("an error without a location: \(d)")
        }
    }
}

/// The fuzzer's bytes as `Data`.
func fuzzData(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Data { Data(bytes: bytes, count: count) }
