// `ballot`: the representatives' counted scores of one ballot item, as the rules aggregate
// them: the mean, the median, or the mean after dropping the `k` lowest and `k` highest
// (when there are at least `minBallots` and more than 2k). The scores come sorted by score,
// then by representative, so which of two equal scores is dropped is fixed. Which of them
// count is `BallotAggregation.counted`'s to say.

/// A ballot standard's compiled step: its ballot item and the policy that applies to it.
struct BallotStep: Sendable {
    /// The ballot item (column group in `BallotColumns`).
    var item: Int
    var aggregate: BallotPolicy.Aggregate
    var trimK: Int
    var trimMinBallots: Int
    var minBallots: Int
}

extension BallotScoring {
    /// The standard's overrides on the file's policy. A bonus or deduction item has no ballots
    /// of its own and scores 0 (the decoder allows the method on standards only).
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        guard let item = ballotItem else { return .noBallots }
        let policy = b.plan.rules.ballots
        let trim = trim ?? policy.trim
        let step = BallotStep(item: item, aggregate: aggregate ?? policy.aggregate, trimK: trim.k,
                              trimMinBallots: trim.minBallots, minBallots: minBallots ?? policy.minBallots)
        return .ballot(MethodSteps.add(step, to: &b.methods.ballot))
    }
}

/// The unit's scores for a ballot step's item: where they are (`lo ..< hi`, sorted), which of
/// them count (`from ..< to`, by `BallotAggregation.counted`) and the sum of those.
struct CountedBallots {
    let lo: Int, hi: Int
    let counted: BallotAggregation.Counted
    let sum: Int64

    var n: Int { hi - lo }
    var from: Int { lo + counted.from }
    var to: Int { lo + counted.to }

    /// The step's outcome is a function of how many scores there are and the sum of those that
    /// count, nothing else (which count is a function of how many there are; the rest are the
    /// step's constants): the two as one number for `KernelMemo`, `nil` when they do not fit
    /// (a count from 2^20, a sum from 2^42 either way).
    var key: Int64? {
        guard n < 1 << 20, sum >= -(1 << 42), sum < 1 << 42 else { return nil }
        return sum << 20 | Int64(n)
    }
}

extension UnitScorer {
    /// The unit's scores for `b`'s item, and the sum of those that count.
    @inline(__always) func counted(_ b: BallotStep) -> CountedBallots {
        let cell = unit * ballots.itemCount + b.item
        let lo = Int(ballots.offsets[cell]), hi = Int(ballots.offsets[cell + 1])
        let counted = BallotAggregation.counted(hi - lo, aggregate: b.aggregate, k: b.trimK, minBallots: b.trimMinBallots)
        var sum: Int64 = 0
        for j in lo + counted.from ..< lo + counted.to { sum += ballots.score(j) }
        return CountedBallots(lo: lo, hi: hi, counted: counted, sum: sum)
    }

    mutating func ballot(_ b: BallotStep, max: ProgramConstant) -> KernelOutcome<N>? {
        let c = counted(b)
        let (lo, hi, n, from, to, sum, counted) = (c.lo, c.hi, c.n, c.from, c.to, c.sum, c.counted)
        var result: N.Term?
        if n > 0 {
            // sum / (unit × count) as one fraction; in the rare case that product overflows,
            // divided twice.
            let unit = ballots.unit
            let (d, overflow) = unit.multipliedReportingOverflow(by: Int64(to - from))
            result = overflow ? N.Term(Rational(integer: sum)).over(N.Term(Rational(integer: unit))).flatMap { $0.over(N.Term(Rational(to - from))) }
                : N.Term(sum, over: d)
            if result == nil { return nil }
        }
        if tracing {
            func list(_ r: Range<Int>) -> [BallotScore] {
                r.map { BallotScore(representative: ballots.representative(at: $0, first: lo),
                                    score: Rational(ballots.score($0), ballots.unit)) }
            }
            let trimmed = counted.trimmed != nil
            detail = .ballot(BallotDetail(aggregate: b.aggregate, trimmed: counted.trimmed, kept: list(trimmed ? from..<to : lo..<hi),
                                          droppedLow: trimmed ? list(lo..<from) : [], droppedHigh: trimmed ? list(to..<hi) : [],
                                          result: result?.exact))
        }
        if n < b.minBallots { return .notAssessed(.insufficient(count: n, needed: b.minBallots)) }
        guard let r = result else { return .scored(.zero) }
        guard let limited = r.limited(N.Term(.zero), N.Term(max.exact)), let points = N(term: limited) else { return nil }
        return .scored(points)
    }
}

extension BallotScoring {
    /// `5 张有效票：8, 7, 9, 6, 8`, in roster order; anonymous (`Narrator.namesRepresentatives`
    /// off), by score, since roster order would tell who gave which.
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .ballot(let d) = r.detail else { return nil }
        let all = (d.droppedLow + d.kept + d.droppedHigh).sorted {
            n.namesRepresentatives ? $0.representative < $1.representative : ($0.score, $0.representative) < ($1.score, $1.representative)
        }
        return n.lang.t("\(all.count) 张有效票：", "\(all.count) ballots: ") + all.map { n.fmt.points($0.score) }.joined(separator: ", ")
    }

    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .ballot(let d) = r.detail else { return nil }
        return n.ballotText(d) + n.lang.t("：", ": ") + n.earned(r, s)
    }
}
