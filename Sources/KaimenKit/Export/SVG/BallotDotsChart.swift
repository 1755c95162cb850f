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
        /// the chart's own short form (`1.5`), as before 0.18.0. Without a result, said alone
        /// where it would stand (`不考核`, since 0.26.0: too few ballots to count).
        public var resultLabel: String?
        /// None of the row's ballots counted (too few of them: since 0.29.2): drawn grey, so that
        /// they do not read as counted (black) or trimmed (hollow black).
        public var uncounted: Bool

        public init(name: String, maximum: Double, kept: [Double], trimmed: [Double], result: Double?, resultLabel: String? = nil,
                    uncounted: Bool = false) {
            self.name = name
            self.maximum = maximum
            self.kept = kept
            self.trimmed = trimmed
            self.result = result
            self.resultLabel = resultLabel
            self.uncounted = uncounted
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
    /// A row's stacks placed together (since 0.26.0, `columns(_:low:high:)`): a stack's columns
    /// stay within the scale where there is room, so that one at either end fans inwards, and
    /// never land on another stack's. Before, a big group of equal ballots at 0 fanned over
    /// the row's name, one at the maximum past the axis, and a wide fan onto its neighbour's dots.
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
            // Since 0.26.0 each stack's columns, placed for the whole row at once.
            var columns: [Double: [Double]] = [:]
            if fansWithin && stacksApart {
                var count: [Double: Int] = [:]
                for v in row.kept + row.trimmed { count[v, default: 0] += 1 }
                let values = count.keys.sorted()
                let xs = Self.columns(values.map { (x($0), count[$0]!) }, low: x(0), high: x(max(row.maximum, 0.0001)))
                columns = Dictionary(uniqueKeysWithValues: zip(values, xs))
            }
            // Since 0.26.0 a stack's trimmed ballots first, in its column on the value: pushed a
            // column aside, the trimmed highest read as the lowest of its group (a secretary's trial).
            let kept = row.kept.sorted().map { ($0, false) }, trimmed = row.trimmed.sorted().map { ($0, true) }
            for (v, hollow) in fansWithin && stacksApart ? trimmed + kept : kept + trimmed {
                let k = seen[v, default: 0]
                seen[v] = k + 1
                let (cx, cy) = if let c = columns[v] { (c[k / 2], mid + 2.5 - Double(k % 2) * 5.4) }
                               else if stacksApart { Self.stacked(k, at: x(v), mid) } else { Self.sideBySide(k, at: x(v), mid) }
                dots.append(Placed(x: cx, y: cy, hollow: hollow))
            }
            placed.append(dots)
            let rightmost = dots.map { $0.x + Self.radius }.max() ?? 0
            labelX.append(stacksApart ? max(labelW + plotW + 4, rightmost + 3) : labelW + plotW + 4)
        }
        // About 5 points a character, a character two columns wide (`不考核`, since 0.26.0) 9.
        let labelRoom = zip(rows, labelX).map { row, x in
            x + (row.resultLabel ?? SVGCanvas.n(row.result ?? 0)).reduce(0) { $0 + (DisplayWidth.of($1) == 2 ? 9 : 5) }
        }.max() ?? 0
        let width = stacksApart ? max(labelW + plotW + rightW, labelRoom.rounded(.up)) : labelW + plotW + rightW
        var c = SVGCanvas(width: width, height: top + Double(rows.count) * rowH + 6, title: title)
        func middle(_ i: Int) -> Double { top + Double(i) * rowH + rowH / 2 }
        // Row `i`'s scale, `0` and its maximum under the axis.
        func scaleLabels(_ i: Int) {
            c.text(labelW, middle(i) + 15, "0", size: 7)
            c.text(labelW + plotW, middle(i) + 15, SVGCanvas.n(rows[i].maximum), size: 7, anchor: .end)
        }
        // Row `i`'s result label, right of its dots.
        func label(_ i: Int, _ text: String) { c.text(labelX[i], middle(i) + 3.5, text, size: 8.5) }
        // Row `i`'s result: its tick, from `top` to `bottom` (from the row's middle), and its label.
        func result(_ i: Int, _ r: Double, top: Double, bottom: Double, width: Double) {
            let x = scales[i](r), mid = middle(i)
            c.line(x, mid + top, x, mid + bottom, .init(stroke: "#000", strokeWidth: width, dash: "2 1"))
            label(i, rows[i].resultLabel ?? SVGCanvas.n(r))
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
                if row.uncounted {
                    c.circle(d.x, d.y, r: Self.radius, d.hollow ? .init(stroke: "#888", strokeWidth: 0.9, fill: "#fff")
                                                                : .init(stroke: "#888", strokeWidth: 0.5, fill: "#bbb"))
                    continue
                }
                c.circle(d.x, d.y, r: Self.radius, d.hollow ? .init(stroke: "#000", strokeWidth: 0.9, fill: "#fff")
                                                            : .init(stroke: "#000", strokeWidth: 0.5, fill: "#000"))
            }
            if !tickClear, let r = row.result { result(i, r, top: -8, bottom: 6, width: 1.4) }
            // No result, but a label (since 0.26.0, `不考核`): the label alone, where the result's stands.
            if row.result == nil, let text = row.resultLabel { label(i, text) }
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
    static func stacked(_ k: Int, at x: Double, _ mid: Double) -> (x: Double, y: Double) {
        let column = k / 2, level = k % 2
        let offset = column == 0 ? 0 : (column % 2 == 1 ? (column + 1) / 2 : -(column / 2))
        return (x + Double(offset) * 5.6, mid + 2.5 - Double(level) * 5.4)
    }

    /// Since 0.26.0: where the columns of a row's stacks go, `stacks` being each value's `x` and
    /// how many ballots gave it, in ascending order of value. Each stack's first column sits on
    /// its value whatever is near (so a single ballot is always where it belongs). Its further
    /// columns, stack after stack, take the places `stacked` would (0, +1, −1, +2, … columns of
    /// 5.6), skipping any within a dot's width (5.2) of a column already placed, any on the far
    /// side of a neighbouring stack's value (a dot there reads as another score), and, while
    /// there is room, any outside the scale (`low`…`high`): so a stack at either end fans
    /// inwards, and no fan lands on or past another stack. A stack with no room left within
    /// the scale goes beyond it on its own side; one boxed in by both neighbours, last of all,
    /// wherever a place is free.
    static func columns(_ stacks: [(x: Double, count: Int)], low: Double, high: Double) -> [[Double]] {
        var taken = stacks.map(\.x)
        var out = stacks.map { [$0.x] }
        func offset(_ k: Int) -> Int { k % 2 == 1 ? (k + 1) / 2 : -(k / 2) }
        // The first two passes try candidates out to twice the scale's width on either side.
        let reach = 4 * (Int(max(0, high - low) / 5.6) + 1)
        for (i, s) in stacks.enumerated() {
            let needed = (s.count + 1) / 2
            let left = i > 0 ? stacks[i - 1].x : -Double.infinity, right = i + 1 < stacks.count ? stacks[i + 1].x : Double.infinity
            // 0: within the scale, between the neighbours; 1: beyond the scale, still between
            // them; 2: anywhere free.
            for pass in 0 ..< 3 {
                var k = 1
                while out[i].count < needed && (pass == 2 || k <= reach) {
                    let cx = s.x + Double(offset(k)) * 5.6
                    k += 1
                    if pass < 2 && !(cx > left + 0.001 && cx < right - 0.001) { continue }
                    if pass == 0 && !(cx >= low - 0.001 && cx <= high + 0.001) { continue }
                    if taken.contains(where: { abs($0 - cx) < 2 * radius - 0.001 }) { continue }
                    out[i].append(cx)
                    taken.append(cx)
                }
            }
        }
        return out
    }

    /// Before 0.19.0: 3 points apart (overlapping), alternately right and left, a second layer
    /// from the fifth.
    static func sideBySide(_ k: Int, at x: Double, _ mid: Double) -> (x: Double, y: Double) {
        (x + Double(k % 2 == 0 ? k / 2 : -(k / 2 + 1)) * 3.0, mid + Double(k / 4) * -3)
    }
}
