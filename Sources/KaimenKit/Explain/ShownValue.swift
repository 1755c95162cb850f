/// How a line of working shows an exact value that a reader checks against a figure rounded at
/// the rules' precision: to a few decimals, `…` after a figure that is cut short.
///
/// Rounded at those few decimals, a value a hair below a rounding point can read as if it were
/// on it: 0.0049996 at four places is `0.005`, which a reader rounds to 0.01 beside points of
/// 0. Where that happens, the value is cut (toward zero) instead: `0.0049…`. A value so cut
/// rounds at the coarser precision as the value itself does; one rounded there too, since
/// rounding at the finer places then reads the same.
enum ShownValue {
    /// Whether `x`, rounded at `places` and then at `precision`, reads otherwise than `x`
    /// rounded at `precision` at once.
    static func misleads(_ x: Rational, places: Int, precision: Int) -> Bool {
        precision < places && x.rounded(places: places).rounded(places: precision) != x.rounded(places: precision)
    }

    /// `x` to at most `places` decimals without trailing zeros, `…` when more follow: rounded,
    /// or cut toward zero when `cut`.
    static func text(_ x: Rational, places: Int, cut: Bool) -> String {
        guard x.rounded(places: places) != x else { return x.plainText(maxPlaces: places) }
        guard cut else { return x.plainText(maxPlaces: places) + "…" }
        return Self.cut(x, places: places).plainText(maxPlaces: places) + "…"
    }

    /// `x` cut (toward zero) at `places` decimals.
    static func cut(_ x: Rational, places: Int) -> Rational {
        Rational(wide: Int128(x.numerator) * Rational.pow10(places) / Int128(x.denominator), Rational.pow10(places), approximated: false)
    }

    /// `x` to at most `places` decimals, `…` when more follow, cut where rounding would
    /// mislead a reader who rounds it at `precision`.
    static func text(_ x: Rational, places: Int, checkedAt precision: Int) -> String {
        text(x, places: places, cut: misleads(x, places: places, precision: precision))
    }
}
