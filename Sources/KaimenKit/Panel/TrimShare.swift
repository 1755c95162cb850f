/// How often a representative's ballot was the one trimmed off (去掉最高分、最低分), against what
/// chance would give.
///
/// In a cell of `n` ballots trimmed `k` at each end, a ballot strictly below the kept ones
/// counts 1 as dropped low; when several ballots share the boundary score and only some of them
/// were dropped, each counts its share (`dropped among them / how many share the score`), so
/// which of two equal scores the tie order happened to drop does not matter. By chance each
/// ballot would be dropped low with probability `k / n`, and high likewise.
public struct TrimShare: Sendable, Equatable {
    public var droppedLow: Double = 0
    public var droppedHigh: Double = 0
    public var chanceLow: Double = 0
    public var chanceHigh: Double = 0
    /// The same four counts, exact (sums of `d/t` and `k/n`): the flag is decided on them.
    public var exactDroppedLow = Rational.zero
    public var exactDroppedHigh = Rational.zero
    public var exactChanceLow = Rational.zero
    public var exactChanceHigh = Rational.zero
    /// Ballots in trimmed cells.
    public var cells: Int = 0

    public init() {}

    /// Flagged when a side was dropped at least twice as often as chance and at least 3 more
    /// times, compared exactly (`legacy`: in binary, as before 0.29.0, to write a sealed report again).
    func flaggedSide(legacy: Bool = false) -> (low: Bool, high: Bool) {
        if legacy {
            return (droppedLow >= 2 * chanceLow && droppedLow - chanceLow >= 3, droppedHigh >= 2 * chanceHigh && droppedHigh - chanceHigh >= 3)
        }
        let two = Rational(2), three = Rational(3)
        return (exactDroppedLow >= two * exactChanceLow && exactDroppedLow - exactChanceLow >= three,
                exactDroppedHigh >= two * exactChanceHigh && exactDroppedHigh - exactChanceHigh >= three)
    }

    /// Adds one trimmed cell's counts to `shares[representative]`.
    static func add(_ detail: BallotDetail, into shares: inout [TrimShare]) {
        guard let k = detail.trimmed, k > 0 else { return }
        let all = detail.droppedLow + detail.kept + detail.droppedHigh
        let chance = Double(k) / Double(all.count), exactChance = Rational(Int64(k), Int64(all.count))
        for b in all {
            shares[b.representative].cells += 1
            shares[b.representative].chanceLow += chance
            shares[b.representative].chanceHigh += chance
            shares[b.representative].exactChanceLow += exactChance
            shares[b.representative].exactChanceHigh += exactChance
        }
        if let edge = detail.droppedLow.last?.score {
            let dropped = detail.droppedLow.filter { $0.score == edge }.count
            let tied = all.filter { $0.score == edge }.count
            for b in all where b.score <= edge {
                shares[b.representative].droppedLow += b.score < edge ? 1 : Double(dropped) / Double(tied)
                shares[b.representative].exactDroppedLow += b.score < edge ? .one : Rational(Int64(dropped), Int64(tied))
            }
        }
        if let edge = detail.droppedHigh.first?.score {
            let dropped = detail.droppedHigh.filter { $0.score == edge }.count
            let tied = all.filter { $0.score == edge }.count
            for b in all where b.score >= edge {
                shares[b.representative].droppedHigh += b.score > edge ? 1 : Double(dropped) / Double(tied)
                shares[b.representative].exactDroppedHigh += b.score > edge ? .one : Rational(Int64(dropped), Int64(tied))
            }
        }
    }
}
