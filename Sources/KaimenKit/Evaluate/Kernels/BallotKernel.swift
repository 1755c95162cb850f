/// `ballot`: the representatives' counted scores of one ballot item, as the rules aggregate
/// them: the mean, the median, or the mean after dropping the `k` lowest and `k` highest
/// (when there are at least `minBallots` and more than 2k). The scores come sorted by score,
/// then by representative, so which of two equal scores is dropped is fixed.
extension UnitScorer {
    mutating func ballot(_ b: BallotStep, max: ProgramConstant) -> KernelOutcome<N>? {
        let cell = unit * ballots.itemCount + b.item
        let lo = Int(ballots.offsets[cell]), hi = Int(ballots.offsets[cell + 1])
        let n = hi - lo
        var from = lo, to = hi
        let trimmed = BallotAggregation.trim(n, aggregate: b.aggregate, k: b.trimK, minBallots: b.trimMinBallots)
        if let k = trimmed {
            from += k
            to -= k
        }
        let unitTerm = N.Term(Rational(integer: ballots.unit))
        var result: N.Term?
        if n > 0 {
            switch b.aggregate {
            case .median:
                let (x, y) = BallotAggregation.median(n)
                let sum = ballots.score(lo + x) + ballots.score(lo + y)
                result = N.Term(Rational(integer: sum)).over(unitTerm).flatMap { $0.over(N.Term(Rational(2))) }
            case .mean, .trimmedMean:
                var sum: Int64 = 0
                for j in from..<to { sum += ballots.score(j) }
                result = N.Term(Rational(integer: sum)).over(unitTerm).flatMap { $0.over(N.Term(Rational(to - from))) }
            }
            if result == nil { return nil }
        }
        if tracing {
            func list(_ r: Range<Int>) -> [BallotScore] {
                r.map { BallotScore(representative: ballots.representative(at: $0, first: lo),
                                    score: Rational(ballots.score($0), ballots.unit)) }
            }
            let median = b.aggregate == .median
            detail = .ballot(BallotDetail(aggregate: b.aggregate, trimmed: trimmed, kept: list(median ? lo..<hi : from..<to),
                                          droppedLow: median ? [] : list(lo..<from), droppedHigh: median ? [] : list(to..<hi),
                                          result: result?.exact))
        }
        if n < b.minBallots { return .notAssessed(.insufficient(count: n, needed: b.minBallots)) }
        guard let r = result else { return .scored(.zero) }
        guard let limited = r.limited(N.Term(.zero), N.Term(max.exact)), let points = N(term: limited) else { return nil }
        return .scored(points)
    }
}
