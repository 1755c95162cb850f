/// Aggregates a list of ballots the way the `ballot` kernel does, for the panel analytics
/// (a consensus without one representative, how often a ballot is trimmed). Which ballots a
/// trimmed mean drops and which a median takes is decided once, in `BallotAggregation`.
public enum BallotAggregator {
    /// Sorted by score, then by representative (so which of two equal scores is dropped is fixed).
    public static func aggregate(_ scores: [BallotScore], aggregate: BallotPolicy.Aggregate, trim: BallotPolicy.Trim) -> BallotDetail {
        let sorted = scores.sorted { ($0.score, $0.representative) < ($1.score, $1.representative) }
        var detail = BallotDetail(aggregate: aggregate, trimmed: nil, kept: sorted, droppedLow: [], droppedHigh: [], result: nil)
        guard !sorted.isEmpty else { return detail }
        let c = BallotAggregation.counted(sorted.count, aggregate: aggregate, k: trim.k, minBallots: trim.minBallots)
        if let k = c.trimmed {
            detail.trimmed = k
            detail.droppedLow = Array(sorted[..<c.from])
            detail.droppedHigh = Array(sorted[c.to...])
            detail.kept = Array(sorted[c.from ..< c.to])
        }
        detail.result = sorted[c.from ..< c.to].reduce(Rational.zero) { $0 + $1.score }.divided(by: Rational(c.to - c.from))
        return detail
    }
}

/// Which of an item's sorted ballots count, for every aggregation: written once, shared by
/// the `ballot` kernel and `BallotAggregator`. Each aggregation is the mean of a run of the
/// ballots sorted by score (then representative): all of them, all but the `k` lowest and `k`
/// highest, or the middle one or two. A new aggregation of that shape is its case in
/// `BallotPolicy.Aggregate` (with its words) and its line here.
enum BallotAggregation {
    /// The ballots that count among `n` sorted ones: `from ..< to`, averaged. `trimmed`: how
    /// many a trimmed mean dropped at each end (`nil` when none were: those of a median that
    /// are not in the middle are not "dropped", every ballot is shown as counted).
    struct Counted {
        let from: Int
        let to: Int
        let trimmed: Int?
    }

    @inline(__always) static func counted(_ n: Int, aggregate: BallotPolicy.Aggregate, k: Int, minBallots: Int) -> Counted {
        guard n > 0 else { return Counted(from: 0, to: 0, trimmed: nil) }
        switch aggregate {
        case .mean:
            return Counted(from: 0, to: n, trimmed: nil)
        case .trimmedMean:
            // `k` at each end when there are at least `minBallots` and more than 2k.
            return n >= minBallots && n > 2 * k ? Counted(from: k, to: n - k, trimmed: k) : Counted(from: 0, to: n, trimmed: nil)
        case .median:
            // The mean of the middle two when `n` is even, the middle one when odd.
            return Counted(from: (n - 1) / 2, to: n / 2 + 1, trimmed: nil)
        }
    }
}
