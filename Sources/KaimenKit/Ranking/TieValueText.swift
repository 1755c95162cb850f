/// How two tie-break values are printed side by side (in `explain`, the summary's notes and
/// the session warnings): with as many decimals as it takes to show that they differ, so a
/// reader can see why one unit is ahead. Tie-breaks compare exact values; the totals'
/// precision says only how totals are rounded.
public enum TieValueText {
    /// The most decimals a tie-break value is ever printed with.
    public static let maxPlaces = 6

    /// The fewest decimals, at least `minimum` and at most `maxPlaces`, at which `a` and `b`
    /// (rounded half away from zero) read differently; `maxPlaces` when they never do (two
    /// values beyond 64-bit fractions, held rounded alike, are equal here). At precision 0, 6.4
    /// and 6.2 need 1.
    public static func places(_ a: Rational?, _ b: Rational?, minimum: Int) -> Int {
        guard let a, let b else { return max(0, min(minimum, maxPlaces)) }
        var d = max(0, min(minimum, maxPlaces))
        while d < maxPlaces && a.scaledInteger(places: d) == b.scaledInteger(places: d) { d += 1 }
        return d
    }

    /// Whether two values a ranking told apart read alike even at `maxPlaces` (they differ
    /// only beyond it): their texts then end in `…` where cut, and the note says so
    /// (`clauseReadAlike`). Before 0.27.1 such a note read `1.56 对 1.56`.
    public static func readAlike(_ a: Rational?, _ b: Rational?, isMetric: Bool, precision: Int) -> Bool {
        guard let a, let b else { return false }
        return places(a, b, minimum: isMetric ? 4 : precision) == maxPlaces
            && a.scaledInteger(places: maxPlaces) == b.scaledInteger(places: maxPlaces)
    }

    /// What a tie note adds after two values that read alike.
    public static func clauseReadAlike(_ lang: Language) -> String {
        lang.t("（小数点后第 \(maxPlaces) 位之后才不同）", " (they differ only beyond the \(maxPlaces)th decimal)")
    }

    /// The two values' texts: points at the rules' precision or more, metrics as entered (up to
    /// 4 decimals, or more when needed to tell them apart); `—` for a missing value. Where
    /// they read alike even at `maxPlaces`, a value cut short ends in `…`.
    public static func pair(_ a: Rational?, _ b: Rational?, isMetric: Bool, precision: Int) -> (String, String) {
        let d = places(a, b, minimum: isMetric ? 4 : precision)
        let alike = readAlike(a, b, isMetric: isMetric, precision: precision)
        func text(_ v: Rational?) -> String {
            guard let v else { return "—" }
            let shown = isMetric ? v.plainText(maxPlaces: d) : v.formatted(places: d)
            return alike && v.rounded(places: d) != v ? shown + "…" : shown
        }
        return (text(a), text(b))
    }
}
