import Foundation

/// A small inline SVG writer for charts kaimen draws itself (no chart library): lines,
/// rectangles, circles, polylines and text, in user units, escaped like HTML. Greys and dash
/// patterns carry the meaning, so a chart survives a black-and-white printer.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    /// A short description for screen readers (`<title>`).
    public var title: String
    private var parts: [String] = []

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A stroke or fill style written by kaimen: colour names/hex, widths and dash patterns.
    public struct Style: Sendable {
        public var stroke: String?
        public var strokeWidth: Double
        public var fill: String
        public var dash: String?

        public init(stroke: String? = "#000", strokeWidth: Double = 1, fill: String = "none", dash: String? = nil) {
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.fill = fill
            self.dash = dash
        }

        var attributes: String {
            var s = " fill=\"\(fill)\""
            if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"\(SVGCanvas.n(strokeWidth))\"" }
            if let dash { s += " stroke-dasharray=\"\(dash)\"" }
            return s
        }
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: Style = Style()) {
        parts.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\"\(style.attributes)/>")
    }

    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ style: Style) {
        parts.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\"\(style.attributes)/>")
    }

    public mutating func circle(_ cx: Double, _ cy: Double, r: Double, _ style: Style) {
        parts.append("<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\"\(style.attributes)/>")
    }

    public mutating func polyline(_ points: [(Double, Double)], _ style: Style) {
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        parts.append("<polyline points=\"\(p)\"\(style.attributes)/>")
    }

    /// Text from anywhere, escaped. `size` in user units.
    public mutating func text(_ x: Double, _ y: Double, _ text: String, size: Double = 10, anchor: Anchor = .start,
                              bold: Bool = false, fill: String = "#000") {
        var s = "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { s += " font-weight=\"bold\"" }
        if fill != "#000" { s += " fill=\"\(fill)\"" }
        parts.append(s + ">" + HTMLText.escape(text) + "</text>")
    }

    /// A tooltip-style `<title>` on the last shape is not needed for print; charts label in place.
    public var shapeCount: Int { parts.count }

    /// The `<svg>` element for inline use in HTML (no namespace needed there), scaling to the width it is given.
    public func rendered() -> HTMLText {
        var s = "<svg viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" "
        s += "height=\"\(Self.n(height))\" role=\"img\" font-family=\"\(HTMLText.escape(HTMLDocument.fontStack))\">"
        s += "<title>\(HTMLText.escape(title))</title>"
        s += parts.joined()
        s += "</svg>"
        return HTMLText(markup: s)
    }

    /// A coordinate with at most two decimals, no trailing zeros, never `-0` or `nan`.
    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { let i = Int(r); return i == 0 ? "0" : String(i) }
        // The hundredths as an integer, printed without `String(format:)` (slow on Linux): the
        // same text as `%.2f` of `r` wherever a double holds the hundredths exactly.
        let hundredths = (v * 100).rounded()
        if abs(hundredths) < 1e15 {
            var s = Rational.formatScaled(Int64(hundredths), places: 2)
            if s.utf8.last == UInt8(ascii: "0") { s.removeLast() }
            return s
        }
        var s = String(format: "%.2f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

/// Maps a value range onto a pixel range, linearly.
public struct LinearScale: Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    public func callAsFunction(_ v: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return range.0 }
        return range.0 + (v - domain.0) / span * (range.1 - range.0)
    }

    /// About `count` round tick values across the domain (steps of 1, 2 or 5 × 10ⁿ).
    public func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.1 - domain.0
        guard span > 0, count > 0 else { return [domain.0] }
        let raw = span / Double(count)
        let mag = pow10(floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var out: [Double] = []
        var t = (domain.0 / step).rounded(.up) * step
        while t <= domain.1 + step * 1e-9 { out.append(t); t += step }
        return out
    }

    private func pow10(_ e: Double) -> Double { var r = 1.0; if e >= 0 { for _ in 0..<Int(e) { r *= 10 } } else { for _ in 0..<Int(-e) { r /= 10 } }; return r }
}
