import Foundation
import Testing
@testable import KaimenKit

/// Each scoring method is one `MethodRule`, reached through `ScoringMethod.rule`; each ballot
/// aggregation is the mean of a run of the sorted ballots, chosen in one place.
@Suite("A method is one rule and one kernel; an aggregation is one choice of ballots")
struct MethodRuleTests {
    static func load(_ relative: String) throws -> Rules {
        try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent(relative).path).rules
    }

    @Test("every method's rule is the type its kind names, and the comparison fixture uses every method")
    func registry() throws {
        let rules = try Self.load(EngineRuns.rules("all-methods"))
        var kinds = Set<ScoringMethod.Kind>()
        for s in rules.standards + rules.bonuses + rules.deductions {
            kinds.insert(s.method.kind)
            #expect(type(of: s.method.rule) == s.method.kind.rule, "\(s.id): \(s.method.name) reaches \(type(of: s.method.rule))")
            // The rule's metrics are the method's, and its keys are what the decoder allows for it.
            #expect(s.method.metricIDs == s.method.rule.metricIDs)
            #expect(RulesDecoder.methodKeys[s.method.name] == s.method.kind.rule.keys)
        }
        #expect(kinds == Set(ScoringMethod.Kind.allCases), "all-methods.jsonc leaves out \(Set(ScoringMethod.Kind.allCases).subtracting(kinds))")
    }

    @Test("each method written back by its rule reads in again as the same method")
    func roundTrip() throws {
        let rules = try Self.load(EngineRuns.rules("all-methods"))
        let text = RulesEncoder.encode(rules).rendered()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-method-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("rules.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let again = try RulesLoader().load(file.path).rules
        for (a, b) in zip(rules.standards + rules.bonuses + rules.deductions, again.standards + again.bonuses + again.deductions) {
            #expect(a.method.kind == b.method.kind)
            #expect(a.method.rule.encoded() == b.method.rule.encoded(), "\(a.id)")
            #expect(a.method.rule.parameters(.zh) == b.method.rule.parameters(.zh), "\(a.id)")
        }
    }

    /// `ScoringDetail` is matched with `if case` only, so the compiler cannot tell that a kernel
    /// records what it used; this does: every standard of every method explains itself.
    @Test("every method's kernel records what it used, for explain and the score sheets")
    func detailRecorded() throws {
        let s = try EngineFormsTests.session(rules: EngineRuns.rules("all-methods"), units: 120, seed: 5)
        let narrator = Narrator(session: s, lang: .zh)
        for (i, st) in s.rules.standards.enumerated() {
            let results = s.results.map { $0.standards[i] }
            #expect(results.contains { $0.detail != .none }, "\(st.id) (\(st.method.name)) never records a detail")
            // Its own words, not only the points: the note says more than what it earned.
            if let r = results.first(where: { $0.isAssessed && $0.detail != .none }) {
                let note = narrator.forUnit(s.results.firstIndex { $0.standards[i] == r }!).note(r, st)
                #expect(note != narrator.earned(r, st), "\(st.id) (\(st.method.name)): the note is only the points")
            }
        }
    }

    /// Worked by hand: which of n sorted ballots count (from ..< to), and how many were dropped at each end.
    @Test("which sorted ballots count: mean all, trimmed mean without k at each end from minBallots, median the middle one or two",
          arguments: [
              // (aggregate, n, k, minBallots, from, to, trimmed)
              (BallotPolicy.Aggregate.mean, 0, 1, 5, 0, 0, nil), (.mean, 1, 1, 5, 0, 1, nil), (.mean, 7, 1, 5, 0, 7, nil),
              (.trimmedMean, 4, 1, 5, 0, 4, nil), (.trimmedMean, 5, 1, 5, 1, 4, 1), (.trimmedMean, 7, 2, 5, 2, 5, 2),
              (.trimmedMean, 4, 2, 3, 0, 4, nil),  // at least minBallots, but not more than 2k
              (.trimmedMean, 0, 1, 5, 0, 0, nil),
              (.median, 0, 1, 5, 0, 0, nil), (.median, 1, 1, 5, 0, 1, nil), (.median, 2, 1, 5, 0, 2, nil),
              (.median, 5, 1, 5, 2, 3, nil), (.median, 6, 1, 5, 2, 4, nil), (.median, 7, 1, 5, 3, 4, nil),
          ] as [(BallotPolicy.Aggregate, Int, Int, Int, Int, Int, Int?)])
    func counted(_ c: (BallotPolicy.Aggregate, Int, Int, Int, Int, Int, Int?)) {
        let r = BallotAggregation.counted(c.1, aggregate: c.0, k: c.2, minBallots: c.3)
        #expect(r.from == c.4)
        #expect(r.to == c.5)
        #expect(r.trimmed == c.6)
    }

    @Test("the panel's aggregate: a median shows every ballot as counted, a trimmed mean names what it dropped")
    func aggregator() {
        let scores = [9, 5, 7, 8, 6, 7].enumerated().map { BallotScore(representative: $0.offset, score: Rational($0.element)) }
        // Sorted: 5 (R1), 6 (R4), 7 (R2), 7 (R5), 8 (R3), 9 (R0); median (7 + 7) / 2 = 7.
        let median = BallotAggregator.aggregate(scores, aggregate: .median, trim: .init(k: 1, minBallots: 5))
        #expect(median.result == Rational(7))
        #expect(median.trimmed == nil && median.kept.count == 6 && median.droppedLow.isEmpty && median.droppedHigh.isEmpty)
        // Trimmed: drop 5 (R1) and 9 (R0); (6 + 7 + 7 + 8) / 4 = 7.
        let trimmed = BallotAggregator.aggregate(scores, aggregate: .trimmedMean, trim: .init(k: 1, minBallots: 5))
        #expect(trimmed.result == Rational(7))
        #expect(trimmed.trimmed == 1)
        #expect(trimmed.droppedLow.map(\.representative) == [1] && trimmed.droppedHigh.map(\.representative) == [0])
        #expect(trimmed.kept.map(\.representative) == [4, 2, 5, 3])
        // Mean of all six: 42 / 6 = 7; of 9, 5, 8: 22/3.
        #expect(BallotAggregator.aggregate(scores, aggregate: .mean, trim: .init(k: 1, minBallots: 5)).result == Rational(7))
        #expect(BallotAggregator.aggregate(Array(scores.prefix(4)).filter { $0.score != Rational(7) }, aggregate: .mean,
                                           trim: .init(k: 1, minBallots: 5)).result == Rational(22, 3))
    }
}

extension MethodRuleTests {
    /// A key of a standard is named as its method names it (a linear `target` is 目标值, a
    /// ballot `target` 打分对象); the nested key lists are merged into one table, where a clash
    /// would lose one of them without a word.
    @Test("each method's keys are named by its own words in a diff; no nested list has two contents")
    func noClashes() {
        var nested: [String: [String]] = [:]
        for kind in ScoringMethod.Kind.allCases {
            for (key, word) in kind.rule.keyWords {
                #expect(RulesDiffMessages.field(key, method: kind.rawValue).zh == "\(word)（\(key)）", "\(kind.rawValue).\(key)")
            }
            for (what, keys) in kind.rule.nestedKeys {
                if let k = nested[what] { #expect(k == keys, "\(what): \(k) and \(keys) (\(kind.rawValue))") }
                nested[what] = keys
            }
            // A threshold key is one of the method's own keys (or a nested key under one).
            for key in kind.rule.thresholdKeys {
                #expect(kind.rule.keys.contains(String(key.split(separator: ".")[0])), "\(kind.rawValue): threshold key `\(key)` is not its key")
            }
        }
    }
}
