/// Whether a group of representatives (第一组, 第二组 …) scored harsher or more leniently than
/// the panel as a whole: the mean of its ballots, each as a share of its standard's maximum,
/// against the mean of every ballot. Groups usually hear different units, so a difference can
/// also come from the units themselves; the what-if ranking shows what it would change.
public struct GroupEffect: Sendable, Equatable {
    public var name: String
    public var members: Int
    /// Units the group's members scored.
    public var units: Int
    public var ballots: Int
    /// The mean share and the offset as shown (binary, summed as kaimen always has, so a report
    /// sealed before reads the same).
    public var meanShare: Double
    /// `meanShare − the overall mean share`.
    public var offset: Double
    /// The offset, exact: the flag is decided on it.
    public var exactOffset: Rational
    /// By ballot item: the group's mean score minus every ballot's mean score on the item, in
    /// points, exact; `nil` where the group cast no ballot on it. The what-if subtracts it.
    public var itemOffsets: [Rational?]

    /// Flagged when there are two groups or more and it is at least `threshold` of the
    /// maximum away from the overall mean.
    /// The comparison is exact: an offset of exactly 10% is flagged at a threshold of 10%. Only
    /// groups with ballots are compared. (`legacy`: as before 0.29.0, in binary and counting
    /// the roster's groups, to write a report sealed before again.)
    func isFlagged(threshold: Rational, groupsWithBallots: Int, groups: Int, legacy: Bool) -> Bool {
        if legacy { return groups >= 2 && ballots > 0 && abs(offset) >= threshold.doubleValue }
        return groupsWithBallots >= 2 && ballots > 0 && exactOffset.magnitude >= threshold
    }

    /// Every group, in roster order, and the overall mean share.
    static func of(_ data: PanelBallots) -> (groups: [GroupEffect], overall: Double) {
        let g = data.groups.count, m = data.itemCount
        var members = [Int](repeating: 0, count: g)
        for x in data.groupOf { members[x] += 1 }
        var units = [Set<Int>](repeating: [], count: g)
        var count = [Int](repeating: 0, count: g), shareSum = [Double](repeating: 0, count: g)
        var exactSum = [Rational](repeating: .zero, count: g)
        var itemSum = [Rational](repeating: .zero, count: g * m), itemCount = [Int](repeating: 0, count: g * m)
        var allSum = [Rational](repeating: .zero, count: m), allCount = [Int](repeating: 0, count: m)
        var total = 0.0, exactTotal = Rational.zero, n = 0
        for c in data.cells.indices {
            let item = data.item(ofCell: c), unit = data.unit(ofCell: c)
            let exactMax = data.items[item].max, max = exactMax.doubleValue
            for b in data.cells[c] where max > 0 {
                let x = data.groupOf[b.representative]
                let share = b.score.doubleValue / max, exact = b.score.divided(by: exactMax)!
                exactSum[x] += exact
                exactTotal += exact
                count[x] += 1
                shareSum[x] += share
                units[x].insert(unit)
                itemSum[x * m + item] += b.score
                itemCount[x * m + item] += 1
                allSum[item] += b.score
                allCount[item] += 1
                total += share
                n += 1
            }
        }
        let overall = n == 0 ? 0 : total / Double(n)
        let exactOverall = n == 0 ? .zero : exactTotal.divided(by: Rational(n))!
        let itemMean = (0..<m).map { allCount[$0] == 0 ? nil : allSum[$0].divided(by: Rational(allCount[$0])) }
        let groups = (0..<g).map { x in
            let mean = count[x] == 0 ? 0 : shareSum[x] / Double(count[x])
            let exactMean = count[x] == 0 ? .zero : exactSum[x].divided(by: Rational(count[x]))!
            let offsets: [Rational?] = (0..<m).map { i in
                guard itemCount[x * m + i] > 0, let all = itemMean[i] else { return nil }
                return itemSum[x * m + i].divided(by: Rational(itemCount[x * m + i]))! - all
            }
            return GroupEffect(name: data.groups[x], members: members[x], units: units[x].count, ballots: count[x],
                               meanShare: mean, offset: count[x] == 0 ? 0 : mean - overall,
                               exactOffset: count[x] == 0 ? .zero : exactMean - exactOverall, itemOffsets: offsets)
        }
        return (groups, overall)
    }
}
