/// Every unit's total as a dot on one axis, with the grade boundaries as dashed lines: where
/// the units sit and how close each is to the next grade. Dots closer than a dot's width stack.
public struct TotalsDistributionChart: Sendable {
    public struct Dot: Sendable {
        public var label: String
        public var total: Double
        public init(label: String, total: Double) { self.label = label; self.total = total }
    }

    public struct Boundary: Sendable {
        public var name: String
        public var min: Double
        public init(name: String, min: Double) { self.name = name; self.min = min }
    }

    public var dots: [Dot]
    public var boundaries: [Boundary]
    /// The highest possible total (areas' points plus the bonus cap), the axis's right end at least.
    public var maximum: Double
    public var title: String
    /// Labelled dots stack when their labels would overlap, not only their dots (off only to
    /// draw a sealed report again as kaimen before 0.17.0 drew it).
    public var labelsApart = true

    public init(dots: [Dot], boundaries: [Boundary], maximum: Double, title: String) {
        self.dots = dots
        self.boundaries = boundaries
        self.maximum = maximum
        self.title = title
    }

    public func rendered() -> HTMLText {
        let width = 700.0, left = 20.0, right = 20.0
        let totals = dots.map(\.total)
        let lowest = min(totals.min() ?? 0, boundaries.map(\.min).min() ?? 0)
        let lo = max(0, ((lowest - 5) / 10).rounded(.down) * 10)
        let hi = max(maximum, totals.max() ?? 0)
        let x = LinearScale(domain: (lo, hi), range: (left, width - right))
        // Stack dots that would overlap: each takes the lowest free level. A labelled dot is as
        // wide as its label (8 px type: about 4.6 px an ASCII character, 8 px a CJK one).
        let r = 4.5
        let labelled = dots.count <= 40
        func span(_ d: Dot) -> Double {
            guard labelled && labelsApart else { return 2 * r }
            return max(2 * r, Double(DisplayWidth.of(d.label)) * 4.6)
        }
        var levels: [Int] = []
        var placed: [(x: Double, half: Double, level: Int)] = []
        for d in dots {
            let px = x(d.total), half = span(d) / 2
            var level = 0
            while placed.contains(where: { $0.level == level && abs($0.x - px) < $0.half + half + 1 }) { level += 1 }
            placed.append((px, half, level))
            levels.append(level)
        }
        let levelH = labelled ? 22.0 : 10.0
        let maxLevel = Double(levels.max() ?? 0)
        let axisY = 26 + (maxLevel + 1) * levelH
        var c = SVGCanvas(width: width, height: axisY + 30, title: title)
        // Grade bands: the boundary lines, each grade's name just right of its line.
        for b in boundaries where b.min >= lo && b.min <= hi {
            let bx = x(b.min)
            c.line(bx, 12, bx, axisY, .init(stroke: "#000", strokeWidth: 0.8, dash: "4 3"))
            c.text(bx + 3, 10, "\(b.name) ≥ \(TotalsDistributionChart.plain(b.min))", size: 9)
        }
        c.line(left, axisY, width - right, axisY, .init(stroke: "#000", strokeWidth: 1))
        for t in x.ticks(10) {
            c.line(x(t), axisY, x(t), axisY + 4, .init(stroke: "#000", strokeWidth: 0.8))
            c.text(x(t), axisY + 14, TotalsDistributionChart.plain(t), size: 8.5, anchor: .middle)
        }
        for (i, d) in dots.enumerated() {
            let cy = axisY - r - 2 - Double(levels[i]) * levelH
            c.circle(x(d.total), cy, r: r, .init(stroke: "#000", strokeWidth: 0.8, fill: "#555"))
            if labelled { c.text(x(d.total), cy - r - 2, d.label, size: 8, anchor: .middle) }
        }
        return c.rendered()
    }

    static func plain(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : SVGCanvas.n(v)
    }
}
