import Foundation
import Testing
@testable import KaimenKit

@Suite("A checked run traces every unit only when the session is small enough to want it")
struct TraceAtMostTests {
    static func inputs(_ sample: String) -> ScoringSession.Inputs {
        ScoringSession.Inputs(rules: "rules/\(sample).jsonc", units: "samples/\(sample)/units.csv", roster: "samples/\(sample)/roster.csv",
                              ballots: "samples/\(sample)/ballots.csv", baseDirectory: Fixtures.packageRoot.path)
    }

    @Test("one unit over the limit: no traced results, and the same summary, ranks, grades and warnings",
          arguments: ["xicheng-2014", "dongcheng-2019"])
    func overTheLimit(_ sample: String) throws {
        var inputs = Self.inputs(sample)
        let traced = try ScoringSession.run(inputs)
        let count = traced.table.units.count
        #expect(traced.results.count == count && traced.results.indices.allSatisfy { traced.results[$0].unit == $0 })

        inputs.traceAtMost = count - 1
        let bare = try ScoringSession.run(inputs)
        #expect(bare.results.isEmpty)
        #expect(SummaryWriter.csv(bare.report, lang: .zh) == SummaryWriter.csv(traced.report, lang: .zh))
        #expect(bare.report.scores.rank == traced.report.scores.rank && bare.report.scores.grade == traced.report.scores.grade)
        #expect(SessionWarnings.collect(bare.report, lang: .zh, limit: nil) == SessionWarnings.collect(traced.report, lang: .zh, limit: nil))

        inputs.traceAtMost = count
        #expect(try ScoringSession.run(inputs).results.count == count)
    }
}
