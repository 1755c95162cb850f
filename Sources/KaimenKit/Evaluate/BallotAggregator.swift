/// Aggregates a list of ballots the way the `ballot` kernel does, for the panel analytics
/// (a consensus without one representative, how often a ballot is trimmed). Which ballots a
/// trimmed mean drops and which a median takes is decided once, in `BallotAggregation`.
public enum BallotAggregator {
    /// Sorted by score, then by representative (so which of two equal scores is dropped is fixed).
    public static func aggregate(_ scores: [BallotScore], aggregate: BallotPolicy.Aggregate, trim: BallotPolicy.Trim) -> BallotDetail {
        let sorted = scores.sorted { ($0.score, $0.representative) < ($1.score, $1.representative) }
        var detail = BallotDetail(aggregate: aggregate, trimmed: nil, kept: sorted, droppedLow: [], droppedHigh: [], result: nil)
        guard !sorted.isEmpty else { return detail }
        let n = sorted.count
        switch aggregate {
        case .median:
            let (a, b) = BallotAggregation.median(n)
            detail.result = (sorted[a].score + sorted[b].score).divided(by: Rational(2))
        case .mean, .trimmedMean:
            if let k = BallotAggregation.trim(n, aggregate: aggregate, k: trim.k, minBallots: trim.minBallots) {
                detail.trimmed = k
                detail.droppedLow = Array(sorted.prefix(k))
                detail.droppedHigh = Array(sorted.suffix(k))
                detail.kept = Array(sorted.dropFirst(k).dropLast(k))
            }
            detail.result = detail.kept.reduce(Rational.zero) { $0 + $1.score }.divided(by: Rational(detail.kept.count))
        }
        return detail
    }
}

/// The two decisions of ballot aggregation, shared by the kernel and `BallotAggregator`.
enum BallotAggregation {
    /// How many ballots a trimmed mean drops at each end of `n` sorted ones: `k` when there
    /// are at least `minBallots` and more than 2k; `nil` (none dropped) otherwise or for a plain mean.
    @inline(__always) static func trim(_ n: Int, aggregate: BallotPolicy.Aggregate, k: Int, minBallots: Int) -> Int? {
        aggregate == .trimmedMean && n >= minBallots && n > 2 * k ? k : nil
    }

    /// The median of `n > 0` sorted ballots is the mean of these two (the same one twice when `n` is odd).
    @inline(__always) static func median(_ n: Int) -> (Int, Int) {
        n % 2 == 1 ? (n / 2, n / 2) : (n / 2 - 1, n / 2)
    }
}
