/// A unit's profile: one horizontal bar per area showing the share of the area's maximum it
/// earned, with a tick at the median share of all units. Grey bar, black outline, black tick:
/// readable on a black-and-white printer.
public struct AreaProfileChart: Sendable {
    public struct Row: Sendable {
        public var name: String
        /// Earned / maximum, 0…1 (clamped when drawn).
        public var share: Double
        /// The median share of all units, 0…1.
        public var median: Double
        /// The points as printed, e.g. `11.67 / 12`.
        public var label: String

        public init(name: String, share: Double, median: Double, label: String) {
            self.name = name
            self.share = share
            self.median = median
            self.label = label
        }
    }

    public var rows: [Row]
    public var title: String
    public var medianLabel: String

    public init(rows: [Row], title: String, medianLabel: String) {
        self.rows = rows
        self.title = title
        self.medianLabel = medianLabel
    }

    public func rendered() -> HTMLText {
        let rowH = 17.0, top = 6.0, labelW = 112.0, barW = 190.0, valueW = 78.0
        let height = top + Double(rows.count) * rowH + 22
        var c = SVGCanvas(width: labelW + barW + valueW, height: height, title: title)
        let x = LinearScale(domain: (0, 1), range: (labelW, labelW + barW))
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowH
            c.text(labelW - 5, y + 11.5, r.name, size: 9.5, anchor: .end)
            c.rect(labelW, y + 2, barW, rowH - 6, .init(stroke: "#000", strokeWidth: 0.6, fill: "#fff"))
            c.rect(labelW, y + 2, x(min(max(r.share, 0), 1)) - labelW, rowH - 6, .init(stroke: nil, fill: "#9a9a9a"))
            let m = x(min(max(r.median, 0), 1))
            c.line(m, y, m, y + rowH - 2, .init(stroke: "#000", strokeWidth: 2))
            c.text(labelW + barW + 5, y + 11.5, r.label, size: 9)
        }
        let ly = top + Double(rows.count) * rowH + 12
        for t in [0.0, 0.5, 1.0] {
            c.text(x(t), ly, t == 0 ? "0" : t == 0.5 ? "50%" : "100%", size: 8, anchor: t == 0 ? .start : t == 1 ? .end : .middle)
        }
        c.line(labelW + barW + 6, ly - 8, labelW + barW + 6, ly + 1, .init(stroke: "#000", strokeWidth: 2))
        c.text(labelW + barW + 11, ly, medianLabel, size: 8.5)
        return c.rendered()
    }
}
