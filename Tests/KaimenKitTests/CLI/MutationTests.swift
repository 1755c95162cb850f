import Foundation
import Testing
@testable import KaimenKit

/// Issue 9, item 15: thousands of seeded mutations of the bundled samples, so the project finds
/// the next fault of the kind hostile testing found by hand. For every mutation:
/// - no trap (a trap ends the test run);
/// - every error has a location;
/// - the bulk readers either hand over or read exactly what the checked readers read, with
///   nothing to report;
/// - through the command line, `--engine checked` and `--engine bulk` exit 0 or 1 and print the
///   same bytes on standard output and standard error.
/// The mutations are the same on every run (`Mutator`, seeded by the mutation's number); a
/// failure names the seed, and `Mutator(seed:)` gives its bytes back.
@Suite("Mutated samples: no trap, located errors, both engines alike")
struct MutationTests {
    /// A bundled session: its rules, loaded once, and its files.
    struct Sample: Sendable {
        var name: String
        var rulesFiles: [String]
        var rules: Rules
        var units: [UInt8]
        var roster: [UInt8]
        var ballots: [[UInt8]]
        /// The files as read unmutated, for the mutated one to be read against.
        var baseUnits: [KaimenKit.Unit] = []
        var baseIndex = IDTable()
        var baseReps: [Representative] = []

        /// The sample with its unmutated files read.
        func read() -> Sample {
            var s = self
            s.baseUnits = UnitsReader(rules: rules).read(Data(units), fileName: "units.csv").table!.units
            s.baseIndex = BulkUnitsReader.read(units, fileName: "units.csv", rules: rules, threads: 1)!.index
            s.baseReps = RosterReader.read(Data(roster), fileName: "roster.csv", units: s.baseUnits).reps!
            return s
        }

        static let read = all.map { $0.read() }

        static let all = [
            Sample(name: "xicheng-2014", rulesFiles: ["xicheng-2014.jsonc"], rules: BulkFixtures.xicheng,
                   units: BulkFixtures.sample("xicheng-2014/units.csv"), roster: BulkFixtures.sample("xicheng-2014/roster.csv"),
                   ballots: [BulkFixtures.sample("xicheng-2014/ballots.csv")]),
            Sample(name: "dongcheng-2019", rulesFiles: ["dongcheng-2019.jsonc", "xicheng-2014.jsonc"], rules: BulkFixtures.dongcheng,
                   units: BulkFixtures.sample("dongcheng-2019/units.csv"), roster: BulkFixtures.sample("dongcheng-2019/roster.csv"),
                   ballots: [BulkFixtures.sample("dongcheng-2019/ballots.csv"), BulkFixtures.sample("dongcheng-2019/ballots-wide.csv")]),
        ]
    }

    /// Mutations read by the readers directly, per block of seeds (blocks run in parallel).
    static let readerMutations = 2_400
    /// Mutations run through the whole command line, once per engine (180 until 7 December, when
    /// CI on a slower machine needed the time; each is two whole runs, the readers' 2 400 are cheap).
    static let commandMutations = 60
    static let blocks = 6

    /// Every error has a place in a file.
    static func expectLocated(_ ds: [Diagnostic], seed: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for d in ds where d.severity == .error && d.location == nil {
            Issue.record("seed \(seed): an error without a location: \(d)", sourceLocation: sourceLocation)
        }
    }

    @Test("the readers: located errors; the bulk readers hand over or agree", arguments: 0 ..< blocks)
    func readers(block: Int) {
        let perBlock = Self.readerMutations / Self.blocks
        for k in 0 ..< perBlock {
            let seed = UInt64(block * perBlock + k)
            var m = Mutator(seed: seed)
            let sample = Sample.read[m.int(2)]
            let rules = sample.rules
            let threads = 1 + m.int(2)
            let (baseUnits, baseIndex, reps) = (sample.baseUnits, sample.baseIndex, sample.baseReps)
            switch m.int(3) {
            case 0:
                let bytes = m.mutateCSV(sample.units)
                let checked = UnitsReader(rules: rules).read(Data(bytes), fileName: "units.csv")
                Self.expectLocated(checked.diagnostics, seed: seed)
                if let bulk = BulkUnitsReader.read(bytes, fileName: "units.csv", rules: rules, threads: threads, parallelThreshold: 0) {
                    #expect(checked.diagnostics.isEmpty, "seed \(seed): the bulk units reader took a file the checked one reports")
                    if let table = checked.table, checked.diagnostics.isEmpty { BulkFixtures.expectSame(bulk, table) }
                }
            case 1:
                let bytes = m.mutateCSV(sample.roster)
                let checked = RosterReader.read(Data(bytes), fileName: "roster.csv", units: baseUnits)
                Self.expectLocated(checked.diagnostics, seed: seed)
                if let bulk = BulkRosterReader.read(bytes, fileName: "roster.csv", units: baseIndex, threads: threads, parallelThreshold: 0) {
                    #expect(checked.diagnostics.isEmpty, "seed \(seed): the bulk roster reader took a file the checked one reports")
                    if checked.diagnostics.isEmpty { #expect(bulk == checked.reps, "seed \(seed)") }
                }
            default:
                let bytes = m.mutateCSV(m.pick(sample.ballots))
                let checked = BallotsReader(rules: rules, units: baseUnits, representatives: reps).read(Data(bytes), fileName: "ballots.csv")
                Self.expectLocated(checked.diagnostics, seed: seed)
                if let bulk = BulkBallotsReader.read(bytes, fileName: "ballots.csv", rules: rules, units: (baseIndex, baseUnits.map(\.id)),
                                                     roster: reps, threads: threads, parallelThreshold: 0) {
                    // A wide file's empty cells are warned of by both (`blank-score`): the bulk reader gathers them as facts.
                    let reported = checked.diagnostics.filter { $0.code != "blank-score" }
                    #expect(reported.isEmpty, "seed \(seed): the bulk ballots reader took a file the checked one reports")
                    #expect(bulk.blankCells.warning(fileName: "ballots.csv") == checked.diagnostics.first { $0.code == "blank-score" }, "seed \(seed)")
                    if let box = checked.box, reported.isEmpty { BulkFixtures.expectSame(bulk, box, unitCount: baseUnits.count) }
                }
            }
        }
    }

    /// A session's files, one of them mutated, in a folder of its own.
    static func write(_ sample: Sample, _ m: inout Mutator, to dir: URL) throws -> [String] {
        let rulesDir = Fixtures.packageRoot.appendingPathComponent("rules")
        var files: [String: [UInt8]] = [:]
        for name in sample.rulesFiles { files[name] = try [UInt8](Data(contentsOf: rulesDir.appendingPathComponent(name))) }
        files["units.csv"] = sample.units
        files["roster.csv"] = sample.roster
        files["ballots.csv"] = m.pick(sample.ballots)
        switch m.int(5) {
        case 0: files[sample.rulesFiles[0]] = m.mutateRules(files[sample.rulesFiles[0]]!)
        case 1: files["units.csv"] = m.mutateCSV(sample.units)
        case 2: files["roster.csv"] = m.mutateCSV(sample.roster)
        default: files["ballots.csv"] = m.mutateCSV(files["ballots.csv"]!)
        }
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return ["score", "--rules", sample.rulesFiles[0], "--units", "units.csv", "--roster", "roster.csv", "--ballots", "ballots.csv",
                "--threads", "2", "--lang", m.int(2) == 0 ? "zh" : "en", "--format", m.pick(["table", "csv", "json"])]
    }

    @Test("the command line: exit 0 or 1, located errors, the same bytes from both engines", arguments: 0 ..< blocks)
    func commandLine(block: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-mutation-\(block)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let perBlock = Self.commandMutations / Self.blocks
        for k in 0 ..< perBlock {
            let seed = UInt64(1_000_000 + block * perBlock + k)
            var m = Mutator(seed: seed)
            let args = try Self.write(Sample.all[m.int(2)], &m, to: dir)
            var runs: [(code: ExitCode, out: String, err: String)] = []
            for engine in ["exact", "fast"] {
                let console = BufferConsole(currentDirectory: dir.path)
                let code = CLI.run(args + ["--engine", engine], console: console)
                runs.append((code, console.stdout, console.stderr))
            }
            let (checked, bulk) = (runs[0], runs[1])
            #expect(checked.code == .success || checked.code == .failure, "seed \(seed): exit \(checked.code)")
            #expect(bulk.code == checked.code, "seed \(seed)")
            #expect(bulk.out == checked.out, "seed \(seed): standard output differs")
            #expect(bulk.err == checked.err, "seed \(seed): standard error differs")
            if checked.code == .failure {
                // An error without a place prints as a line that starts with its label.
                let unlocated = checked.err.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("错误：") }
                #expect(unlocated.isEmpty, "seed \(seed): \(unlocated)")
            }
        }
    }
}
