/// Turns one unit's counted ballots for one item into points: trimmed mean, mean or median.
public enum BallotAggregator {
    /// Sorted by score, then by representative (so which of two equal scores is dropped is fixed).
    public static func aggregate(_ scores: [BallotScore], aggregate: BallotPolicy.Aggregate, trim: BallotPolicy.Trim) -> BallotDetail {
        let sorted = scores.sorted { ($0.score, $0.representative) < ($1.score, $1.representative) }
        var detail = BallotDetail(aggregate: aggregate, trimmed: nil, kept: sorted, droppedLow: [], droppedHigh: [], result: nil)
        guard !sorted.isEmpty else { return detail }
        switch aggregate {
        case .mean:
            detail.result = mean(sorted)
        case .trimmedMean:
            if sorted.count >= trim.minBallots && sorted.count > 2 * trim.k {
                detail.trimmed = trim.k
                detail.droppedLow = Array(sorted.prefix(trim.k))
                detail.droppedHigh = Array(sorted.suffix(trim.k))
                detail.kept = Array(sorted.dropFirst(trim.k).dropLast(trim.k))
            }
            detail.result = mean(detail.kept)
        case .median:
            let n = sorted.count
            if n % 2 == 1 {
                detail.result = sorted[n / 2].score
            } else {
                detail.result = (sorted[n / 2 - 1].score + sorted[n / 2].score).divided(by: Rational(2))
            }
        }
        return detail
    }

    static func mean(_ s: [BallotScore]) -> Rational {
        s.reduce(Rational.zero) { $0 + $1.score }.divided(by: Rational(s.count))!
    }
}
