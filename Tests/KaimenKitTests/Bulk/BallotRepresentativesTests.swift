import Foundation
import Testing
@testable import KaimenKit

/// `BallotColumns.representatives`: who cast each counted ballot, filled by the readers only
/// when asked, always by `BallotColumns.from(_:)`, and within each (unit, item) in
/// `BallotAggregator`'s order, by score, then representative.
@Suite("Ballot columns keep who cast each ballot on request")
struct BallotRepresentativesTests {
    typealias S = BulkBallotsReaderTests
    typealias F = BulkFixtures

    /// The checked reader's ballots as columns, with representatives.
    static func checkedColumns(_ session: S.Session, _ bytes: [UInt8]) throws -> BallotColumns {
        let box = try #require(session.checked(bytes).box)
        return BallotColumns.from(box, unitCount: session.units.units.count)
    }

    @Test("from a checked ballot box: by score, then by representative, per (unit, item)")
    func fromBox() throws {
        // Roster order R01 = 0, R02 = 1, R03 = 2, R04 = 3. X01 rights.ballot: R04 3, R01 3.5,
        // R02 3 → sorted (3, R02 = 1), (3, R04 = 3), (3.5, R01 = 0); at scale 1 the mantissas
        // are 30, 30, 35. X01 publicity: R02 1.5 alone → 15 by R02 = 1.
        let text = "representative,unit,standard,score\nR04,X01,rights.ballot,3\nR01,X01,rights.ballot,3.5\nR02,X01,rights.ballot,3\nR02,X01,publicity,1.5\n"
        let columns = try Self.checkedColumns(S.xicheng, Array(text.utf8))
        #expect(S.xicheng.roster.map(\.id).prefix(4) == ["R01", "R02", "R03", "R04"])
        let items = BallotItem.items(of: F.xicheng)
        let rights = items.firstIndex { $0.key == "rights.ballot" }!, publicity = items.firstIndex { $0.key == "publicity" }!
        #expect(columns.scale == 1)
        func cell(_ unit: Int, _ item: Int) -> (scores: [Int16], reps: [Int32]) {
            let i = unit * columns.itemCount + item
            let r = Int(columns.offsets[i]) ..< Int(columns.offsets[i + 1])
            return (Array(columns.scores[r]), Array(columns.representatives[r]))
        }
        #expect(columns.representatives.count == columns.scores.count)
        #expect(cell(0, rights).scores == [30, 30, 35] && cell(0, rights).reps == [1, 3, 0])
        #expect(cell(0, publicity).scores == [15] && cell(0, publicity).reps == [1])
    }

    @Test("the bulk readers leave representatives empty unless asked")
    func emptyByDefault() throws {
        let columns = try #require(S.xicheng.bulk(F.sample("xicheng-2014/ballots.csv")))
        #expect(columns.representatives.isEmpty && !columns.scores.isEmpty)
    }

    /// Bulk with representatives equals `from(checked)` exactly, on one thread and on several;
    /// and its scores and offsets are those read without them.
    func expectKept(_ session: S.Session, _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try Self.checkedColumns(session, bytes)
        let plain = try #require(session.bulk(bytes), sourceLocation: sourceLocation)
        for (threads, threshold) in [(1, 4 << 20), (2, 0), (3, 0)] {
            let kept = try #require(BulkBallotsReader.read(bytes, fileName: "ballots.csv", rules: session.rules, units: (session.index, session.ids),
                                                           roster: session.roster, threads: threads, parallelThreshold: threshold,
                                                           keepRepresentatives: true), sourceLocation: sourceLocation)
            #expect(kept.scale == expected.scale && kept.offsets == expected.offsets, sourceLocation: sourceLocation)
            #expect(kept.scores == expected.scores, sourceLocation: sourceLocation)
            #expect(kept.representatives == expected.representatives, sourceLocation: sourceLocation)
            #expect(kept.recusals == expected.recusals, sourceLocation: sourceLocation)
            #expect(kept.scores == plain.scores && kept.offsets == plain.offsets, sourceLocation: sourceLocation)
        }
    }

    @Test("the readers, asked, give the checked reader's representatives: samples long and wide",
          arguments: ["xicheng-2014/ballots.csv", "dongcheng-2019/ballots.csv", "dongcheng-2019/ballots-wide.csv"])
    func samples(path: String) throws {
        try expectKept(path.hasPrefix("xicheng") ? S.xicheng : S.dongcheng, F.sample(path))
    }

    @Test("the readers, asked, give the checked reader's representatives: generated wide and long, grouped or not")
    func generated() throws {
        try expectKept(S.generated, F.generated.ballots)
        try expectKept(S.generated, BulkBallotsLongTests.long(.unitThenStandard))
        try expectKept(S.generated, BulkBallotsLongTests.long(.byRepresentative))
    }

    /// The Xicheng sample with scores in eighths (up to three decimals; its rules' step 0.125).
    static let eighths: S.Session = {
        let path = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        precondition(text.contains(#""scoreStep": 0.5"#))
        let changed = text.replacingOccurrences(of: #""scoreStep": 0.5"#, with: #""scoreStep": 0.125"#)
        let rules = try! RulesLoader(readFile: { $0 == path ? changed : try RulesLoader.readFromDisk($0) }).load(path).rules
        return S.Session(rules: rules, units: F.sample("xicheng-2014/units.csv"), roster: F.sample("xicheng-2014/roster.csv"))
    }()

    /// Every representative scores every unit's every item (27 to a cell: more than a bucket
    /// sorts in place), in a random order within the unit, the scores of each unit written with
    /// `values(unit)`; grouped by unit or shuffled. (Session 28's review, which found the
    /// assembly's rescaling of chunks untested with representatives kept.)
    static func everyone(seed: UInt64, grouped: Bool, values: (Int) -> [String]) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        let items = ["rights.ballot", "publicity", "safety.ballot", "democracy.ballot", "models.ballot", "warmth.ballot", "insurance.ballot", "audit.ballot"]
        var lines: [String] = []
        for u in 1 ... 9 {
            let written = values(u)
            for r in (1 ... 27).shuffled(using: &rng) {
                for item in items { lines.append(String(format: "R%02d,X%02d,%@,%@", r, u, item, written[Int(rng.next() % UInt64(written.count))])) }
            }
        }
        if !grouped { lines.shuffle(using: &rng) }
        return Array(("representative,unit,standard,score\n" + lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test("more than 16 ballots a cell, chunks at different scales (first or last units with more decimals), grouped or not",
          arguments: [true, false])
    func rescaledChunks(grouped: Bool) throws {
        for seed in 1 ... 3 as ClosedRange<UInt64> {
            // Whole numbers first, then halves, quarters and eighths: later chunks start at a larger scale.
            try expectKept(Self.eighths, Self.everyone(seed: seed, grouped: grouped) { u in
                u < 4 ? ["0", "1", "2"] : u < 6 ? ["1", "1.5", "0.5"] : u < 8 ? ["1.25", "1", "0.75"] : ["1.125", "1", "2"]
            })
            // Eighths first, whole numbers last: the later chunks are rescaled when joined.
            try expectKept(Self.eighths, Self.everyone(seed: seed, grouped: grouped) { u in u > 6 ? ["0", "1", "2"] : ["1.125", "1", "2"] })
        }
    }
}
