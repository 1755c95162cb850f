/// A unit's ballots, one row per ballot standard: each ballot a dot on the standard's own
/// 0…maximum scale, the trimmed ones hollow, the resulting score as a tick. Equal scores stack.
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

    public init(rows: [Row], title: String) {
        self.rows = rows
        self.title = title
    }

    public func rendered() -> HTMLText {
        let labelW = 112.0, plotW = 230.0, rightW = 38.0, rowH = 22.0, top = 4.0
        var c = SVGCanvas(width: labelW + plotW + rightW, height: top + Double(rows.count) * rowH + 6, title: title)
        for (i, row) in rows.enumerated() {
            let y0 = top + Double(i) * rowH, mid = y0 + rowH / 2
            let x = LinearScale(domain: (0, max(row.maximum, 0.0001)), range: (labelW + 4, labelW + plotW - 4))
            c.text(labelW - 5, mid + 3.5, row.name, size: 9.5, anchor: .end)
            c.line(labelW, mid + 6, labelW + plotW, mid + 6, .init(stroke: "#000", strokeWidth: 0.6))
            c.text(labelW, mid + 15, "0", size: 7)
            c.text(labelW + plotW, mid + 15, SVGCanvas.n(row.maximum), size: 7, anchor: .end)
            var seen: [Double: Int] = [:]
            func dot(_ v: Double, hollow: Bool) {
                let k = seen[v, default: 0]
                seen[v] = k + 1
                // Equal scores sit side by side in a short column above the axis.
                let dx = Double(k % 2 == 0 ? k / 2 : -(k / 2 + 1)) * 3.0
                let dy = Double(k / 4) * -3
                c.circle(x(v) + dx, mid + dy, r: 2.6, hollow ? .init(stroke: "#000", strokeWidth: 0.9, fill: "#fff")
                                                            : .init(stroke: "#000", strokeWidth: 0.5, fill: "#000"))
            }
            for v in row.kept.sorted() { dot(v, hollow: false) }
            for v in row.trimmed.sorted() { dot(v, hollow: true) }
            if let r = row.result {
                c.line(x(r), mid - 8, x(r), mid + 6, .init(stroke: "#000", strokeWidth: 1.4, dash: "2 1"))
                c.text(labelW + plotW + 4, mid + 3.5, row.resultLabel ?? SVGCanvas.n(r), size: 8.5)
            }
        }
        return c.rendered()
    }
}
