/// A unit's ballots, one row per ballot standard: each ballot a dot on the standard's own
/// 0…maximum scale, the trimmed ones hollow, the resulting score as a tick. Equal scores stack:
/// since 0.19.0 in columns of two, each dot clear of the others, and the result's label clear
/// of the dots (before, they sat 3 points apart, overlapping, and a stack at the maximum
/// touched the label).
public struct BallotDotsChart: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var maximum: Double
        public var kept: [Double]
        public var trimmed: [Double]
        /// The points the ballots gave (their mean after trimming), if any.
        public var result: Double?
        /// The result as the score sheet's table writes it (`1.50`), beside its tick; `nil`: in
        /// the chart's own short form (`1.5`), as before 0.18.0.
        public var resultLabel: String?

        public init(name: String, maximum: Double, kept: [Double], trimmed: [Double], result: Double?, resultLabel: String? = nil) {
            self.name = name
            self.maximum = maximum
            self.kept = kept
            self.trimmed = trimmed
            self.result = result
            self.resultLabel = resultLabel
        }
    }

    public var rows: [Row]
    public var title: String
    /// Equal ballots in columns of two, clear of each other and of the result's label (since
    /// 0.19.0); off, side by side 3 points apart, as before.
    public var stacksApart = true
    /// The result's tick clear of the dots (since 0.25.0): drawn behind them and reaching 4
    /// points above a stack of two and 3 below the axis; each row's scale labels (`0`, the
    /// maximum) drawn after every tick, so a tick at either end, which reaches the label of the
    /// row above and its own, never covers it. Before, a dashed black line from just above the
    /// dots ran through a stack of black dots at the result and was lost in it (a papers
    /// trial), showing 2.5 points of itself.
    public var tickClear = true
    /// A stack's columns kept within the scale (since 0.26.0): a stack whose columns, fanned
    /// right and left of its value, would pass either end of the scale fans towards the other
    /// end only. Before, a big group of equal ballots at 0 fanned over the row's name, and at
    /// the maximum past the axis.
    public var fansWithin = true

    public init(rows: [Row], title: String) {
        self.rows = rows
        self.title = title
    }

    public func rendered() -> HTMLText {
        let labelW = 112.0, plotW = 230.0, rightW = 38.0, rowH = 22.0, top = 4.0
        // Each row's dots first: a label pushed right by a wide stack at the maximum widens the
        // chart rather than leave it (its text at about 5 points a character).
        struct Placed { var x: Double, y: Double, hollow: Bool }
        var placed: [[Placed]] = [], labelX: [Double] = []
        // Each row's scale, made once: the dots are placed by it here, the result's line below.
        let scales = rows.map { LinearScale(domain: (0, max($0.maximum, 0.0001)), range: (labelW + 4, labelW + plotW - 4)) }
        for (i, row) in rows.enumerated() {
            let mid = top + Double(i) * rowH + rowH / 2
            let x = scales[i]
            var seen: [Double: Int] = [:], dots: [Placed] = []
            var count: [Double: Int] = [:]
            for v in row.kept + row.trimmed { count[v, default: 0] += 1 }
            let (low, high) = (x(0), x(max(row.maximum, 0.0001)))
            for (v, hollow) in row.kept.sorted().map({ ($0, false) }) + row.trimmed.sorted().map({ ($0, true) }) {
                let k = seen[v, default: 0]
                seen[v] = k + 1
                let fan = fansWithin ? Self.fan(count[v] ?? 1, at: x(v), low: low, high: high) : 0
                let (cx, cy) = stacksApart ? Self.stacked(k, at: x(v), mid, fan: fan) : Self.sideBySide(k, at: x(v), mid)
                dots.append(Placed(x: cx, y: cy, hollow: hollow))
            }
            placed.append(dots)
            let rightmost = dots.map { $0.x + Self.radius }.max() ?? 0
            labelX.append(stacksApart ? max(labelW + plotW + 4, rightmost + 3) : labelW + plotW + 4)
        }
        let labelRoom = zip(rows, labelX).map { row, x in x + 5 * Double((row.resultLabel ?? SVGCanvas.n(row.result ?? 0)).count) }.max() ?? 0
        let width = stacksApart ? max(labelW + plotW + rightW, labelRoom.rounded(.up)) : labelW + plotW + rightW
        var c = SVGCanvas(width: width, height: top + Double(rows.count) * rowH + 6, title: title)
        func middle(_ i: Int) -> Double { top + Double(i) * rowH + rowH / 2 }
        // Row `i`'s scale, `0` and its maximum under the axis.
        func scaleLabels(_ i: Int) {
            c.text(labelW, middle(i) + 15, "0", size: 7)
            c.text(labelW + plotW, middle(i) + 15, SVGCanvas.n(rows[i].maximum), size: 7, anchor: .end)
        }
        // Row `i`'s result: its tick, from `top` to `bottom` (from the row's middle), and its label.
        func result(_ i: Int, _ r: Double, top: Double, bottom: Double, width: Double) {
            let x = scales[i](r), mid = middle(i)
            c.line(x, mid + top, x, mid + bottom, .init(stroke: "#000", strokeWidth: width, dash: "2 1"))
            c.text(labelX[i], mid + 3.5, rows[i].resultLabel ?? SVGCanvas.n(r), size: 8.5)
        }
        for (i, row) in rows.enumerated() {
            let mid = middle(i)
            c.text(labelW - 5, mid + 3.5, row.name, size: 9.5, anchor: .end)
            c.line(labelW, mid + 6, labelW + plotW, mid + 6, .init(stroke: "#000", strokeWidth: 0.6))
            if !tickClear { scaleLabels(i) }
            if let r = row.result, tickClear {
                // Behind the dots, so each keeps its own look (black counted, hollow trimmed: a
                // white edge drawn over them made a counted one look trimmed, a papers trial),
                // and long enough to show past them: 4 above the top of a stack of two (5.5
                // above the middle), within the row, and 3 below the axis (6 below it).
                result(i, r, top: -9.5, bottom: 9, width: 1.2)
            }
            for d in placed[i] {
                c.circle(d.x, d.y, r: Self.radius, d.hollow ? .init(stroke: "#000", strokeWidth: 0.9, fill: "#fff")
                                                            : .init(stroke: "#000", strokeWidth: 0.5, fill: "#000"))
            }
            if !tickClear, let r = row.result { result(i, r, top: -8, bottom: 6, width: 1.4) }
        }
        // After every tick, which reaches the labels of its own row and the row above's.
        if tickClear { rows.indices.forEach(scaleLabels) }
        return c.rendered()
    }

    static let radius = 2.6

    /// Where the `k`-th ballot of one value (0 first) sits, for the value at `x` on a row whose
    /// middle is `mid`: in columns of two (the first just above the axis, the second above it,
    /// clear of the row above's scale),
    /// the columns 5.6 apart, alternately right and left of the value: 0, +1, −1, +2, … columns.
    /// Dots 5.2 wide never overlap.
    /// - Parameter fan: 0 alternately right and left; +1 right only, −1 left only (`fan(_:at:low:high:)`).
    static func stacked(_ k: Int, at x: Double, _ mid: Double, fan: Int = 0) -> (x: Double, y: Double) {
        let column = k / 2, level = k % 2
        let offset = fan != 0 ? fan * column : column == 0 ? 0 : (column % 2 == 1 ? (column + 1) / 2 : -(column / 2))
        return (x + Double(offset) * 5.6, mid + 2.5 - Double(level) * 5.4)
    }

    /// How a stack of `n` equal ballots at `x` fans so that its columns stay between `low` and
    /// `high` (the scale's two ends): alternately (0) where they fit, else away from the end
    /// it would pass, right (+1) or left (−1).
    static func fan(_ n: Int, at x: Double, low: Double, high: Double) -> Int {
        let columns = (n + 1) / 2
        guard columns > 1 else { return 0 }
        // Alternately, the columns reach `(columns − 1) / 2` to the left and half of them, rounded up, to the right.
        let left = Double((columns - 1) / 2) * 5.6, right = Double(columns / 2) * 5.6
        if x + right > high + 0.001 { return -1 }
        if x - left < low - 0.001 { return 1 }
        return 0
    }

    /// Before 0.19.0: 3 points apart (overlapping), alternately right and left, a second layer
    /// from the fifth.
    static func sideBySide(_ k: Int, at x: Double, _ mid: Double) -> (x: Double, y: Double) {
        (x + Double(k % 2 == 0 ? k / 2 : -(k / 2 + 1)) * 3.0, mid + Double(k / 4) * -3)
    }
}
