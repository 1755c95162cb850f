/// How two tie-break values are printed side by side (in `explain`, the summary's notes and
/// the session warnings): with as many decimals as it takes to show that they differ, so a
/// reader can see why one unit is ahead. Tie-breaks compare exact values; the totals'
/// precision says only how totals are rounded.
public enum TieValueText {
    /// The most decimals a tie-break value is ever printed with.
    public static let maxPlaces = 6

    /// How a tie-break's values read: points at the rules' precision or more, a metric as
    /// entered (up to 4 decimals, or more to tell them apart), a rate as a percentage (up to 2
    /// decimals, or more; since 0.27.1, before as a fraction: `0.2 对 0.1` for 20% and 10%).
    public enum Kind: Sendable, Equatable {
        case points, metric, rate

        /// The fewest decimals printed.
        func minimum(precision: Int) -> Int {
            switch self {
            case .points: precision
            case .metric: 4
            case .rate: 2
            }
        }
    }

    /// The kind of tie-break `t`'s values, as the papers of `report` print them (`nil`: as this
    /// version does).
    public static func kind(_ t: RankingPolicy.TieBreak, rules: Rules, asOf report: ScoreReport? = nil) -> Kind {
        guard case .metric(let id) = t.key else { return .points }
        let percent = report?.writes(since: ScoreReport.v0_27_1) ?? true
        return percent && rules.metric(id)?.kind == .rate ? .rate : .metric
    }

    /// The fewest decimals, at least `minimum` and at most `maxPlaces`, at which `a` and `b`
    /// (rounded half away from zero) read differently; `maxPlaces` when they never do. At
    /// precision 0, 6.4 and 6.2 need 1. (Equal values, or one missing: `minimum`.)
    public static func places(_ a: Rational?, _ b: Rational?, minimum: Int) -> Int {
        guard let a, let b, a != b else { return max(0, min(minimum, maxPlaces)) }
        var d = max(0, min(minimum, maxPlaces))
        while d < maxPlaces && a.scaledInteger(places: d) == b.scaledInteger(places: d) { d += 1 }
        return d
    }

    /// Whether two values a ranking told apart are printed cut at `maxPlaces` (since 0.27.1):
    /// rounded there they would read alike (or they are equal as held: two keys beyond 64-bit
    /// fractions, rounded alike). Cut, not rounded, so that the one ranked ahead never reads
    /// below the other: rounded, 1.0000004 and 0.9999996 both read `1.000000…`.
    static func cutShort(_ a: Rational, _ b: Rational, minimum: Int) -> Bool {
        cutShort(a, b, places: places(a, b, minimum: minimum))
    }

    /// `cutShort`, given `places(a, b, minimum:)` already worked out.
    static func cutShort(_ a: Rational, _ b: Rational, places d: Int) -> Bool {
        a == b || d == maxPlaces && a.scaledInteger(places: maxPlaces) == b.scaledInteger(places: maxPlaces)
    }

    /// Whether two values a ranking told apart read alike even cut at `maxPlaces` (they differ
    /// only beyond it): the note then says so (`clauseReadAlike`). Before 0.27.1 such a note
    /// read `1.56 对 1.56` or `0.333333 对 0.333333`.
    public static func readAlike(_ a: Rational?, _ b: Rational?, kind: Kind, precision: Int) -> Bool {
        guard let a = a.map({ shown($0, kind) }), let b = b.map({ shown($0, kind) }),
              cutShort(a, b, minimum: kind.minimum(precision: precision)) else { return false }
        return ShownValue.cut(a, places: maxPlaces) == ShownValue.cut(b, places: maxPlaces)
    }

    /// What a tie note adds after two values that read alike.
    public static func clauseReadAlike(_ lang: Language) -> String {
        lang.t("（小数点后第 \(maxPlaces) 位之后才不同）", " (they differ only beyond the \(maxPlaces)th decimal)")
    }

    /// The two values' texts (`Kind`); `—` for a missing value. Where rounding at `maxPlaces`
    /// would not tell them apart, each is cut there, with `…` when cut short (since 0.27.1;
    /// `notesAlike` false: as before).
    public static func pair(_ a: Rational?, _ b: Rational?, kind: Kind, precision: Int, notesAlike: Bool = true) -> (String, String) {
        let (x, y) = (a.map { shown($0, kind) }, b.map { shown($0, kind) })
        let suffix = kind == .rate ? "%" : ""
        if notesAlike, let x, let y, cutShort(x, y, minimum: kind.minimum(precision: precision)) {
            func text(_ v: Rational) -> String {
                let cut = ShownValue.cut(v, places: maxPlaces)
                return (kind == .points ? cut.formatted(places: maxPlaces) : cut.plainText(maxPlaces: maxPlaces)) + suffix + (cut == v ? "" : "…")
            }
            return (text(x), text(y))
        }
        let d = places(x, y, minimum: kind.minimum(precision: precision))
        func text(_ v: Rational?) -> String {
            guard let v else { return "—" }
            return (kind == .points ? v.formatted(places: d) : v.plainText(maxPlaces: d)) + suffix
        }
        return (text(x), text(y))
    }

    /// A value as its kind shows it: a rate as a percentage.
    private static func shown(_ v: Rational, _ kind: Kind) -> Rational { kind == .rate ? v * Rational(100) : v }
}
