/// How two tie-break values are printed side by side (in `explain`, the summary's notes and
/// the session warnings): with as many decimals as it takes to show that they differ, so a
/// reader can see why one unit is ahead. Tie-breaks compare exact values; the totals'
/// precision says only how totals are rounded.
public enum TieValueText {
    /// The most decimals a tie-break value is ever printed with.
    public static let maxPlaces = 6

    /// The fewest decimals, at least `minimum` and at most `maxPlaces`, at which `a` and `b`
    /// (rounded half away from zero) read differently; `maxPlaces` when they never do. At
    /// precision 0, 6.4 and 6.2 need 1.
    public static func places(_ a: Rational?, _ b: Rational?, minimum: Int) -> Int {
        guard let a, let b, a != b else { return max(0, min(minimum, maxPlaces)) }
        var d = max(0, min(minimum, maxPlaces))
        while d < maxPlaces && a.scaledInteger(places: d) == b.scaledInteger(places: d) { d += 1 }
        return d
    }

    /// The two values' texts: points at the rules' precision or more, metrics as entered (up to
    /// 4 decimals, or more when needed to tell them apart); `—` for a missing value.
    public static func pair(_ a: Rational?, _ b: Rational?, isMetric: Bool, precision: Int) -> (String, String) {
        if isMetric {
            let d = places(a, b, minimum: 4)
            return (a.map { $0.plainText(maxPlaces: d) } ?? "—", b.map { $0.plainText(maxPlaces: d) } ?? "—")
        }
        let d = places(a, b, minimum: precision)
        return (a.map { $0.formatted(places: d) } ?? "—", b.map { $0.formatted(places: d) } ?? "—")
    }
}
