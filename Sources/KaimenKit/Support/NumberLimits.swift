/// The numbers kaimen holds exactly in data files (docs/inputs.md, *Number limits*): at most
/// 12 digits before the decimal point (below 10¹², i.e. up to 999999999999) and at most 6
/// decimals as written. Within them every value prints at up to 6 decimals without overflow
/// and all arithmetic on it stays exact; beyond them a value is an error that says so, never
/// "not a number" and never a saturated figure on a sheet.
public enum NumberLimits {
    public static let maxWholeDigits = 12
    public static let maxDecimals = 6
    /// 10¹²: every value's magnitude is below it.
    public static let bound = Rational(integer: 1_000_000_000_000)
    /// The largest whole number, as messages print it.
    public static let largestText = "999999999999"
    /// The most `points` a rules file may give an area, a standard, a band, a checklist item or
    /// the corridor: a million. An area's proration multiplies two of them and the fixed
    /// point holds them at six places, so within it nothing overflows; a rules file's points
    /// are tens. (An area of 3·10⁹ points scored 3037000499.95 for full marks: a hostile test,
    /// session 41.)
    public static let largestPoints = Rational(integer: 1_000_000)

    public enum Problem: Equatable, Sendable {
        case tooLarge
        case tooManyDecimals
    }

    /// Checks a parsed value as written (before a `%` is applied).
    public static func check(_ v: Rational) -> Problem? {
        if v.magnitude >= bound { return .tooLarge }
        if !(v * Rational(integer: 1_000_000)).isInteger { return .tooManyDecimals }
        return nil
    }

    /// For a number's text `Rational(decimal:)` could not read (a data value, a rules-file or
    /// formula literal, a score): whether its value is beyond the limits, judged by the value
    /// (``DecimalText``), never by how it is written. Too large when it is 10¹² or more (its
    /// first significant digit at the 13th place before the point or further: `1e308`, 40
    /// digits, `0.0001e31`); else too many decimals when its last significant digit is past the
    /// 6th after the point (`1e-400`, `0.` + 70 zeros + `1e31`, which is 10⁻⁴⁰: "too large" by its
    /// exponent's sign before 0.29.3). `nil` for a text that is no number, and for zero, which
    /// `Rational(decimal:)` reads whatever its exponent (`0e400`, "not a number" before 0.29.3).
    public static func check(unreadableLiteral text: Substring) -> Problem? {
        guard let d = DecimalText(text), !d.isZero else { return nil }
        if d.lead >= maxWholeDigits { return .tooLarge }
        if d.power < -maxDecimals { return .tooManyDecimals }
        return nil
    }

    /// The bulk reader's test, on a mantissa and its scale: whether the checked reader would
    /// take the value without a word about limits (else the bulk reader hands the file over).
    ///
    /// ⌊|m| / 10^s⌋ < 10¹² exactly when |m| < 10^(12 + s), so the test is one comparison, not a
    /// division per value (a division took a fifth of the units reader's time).
    @inline(__always)
    static func fits(mantissa m: Int64, scale s: Int) -> Bool {
        guard s >= 0 && s <= maxDecimals else { return false }
        return m.magnitude < UInt64(ByteNumber.pow10(maxWholeDigits + s))
    }

    /// The message for `text`.
    public static func message(_ problem: Problem, text: String) -> Localized {
        switch problem {
        case .tooLarge:
            Localized(zh: "`\(text)` 超出了 kaimen 能精确保存的范围（整数部分最多 \(maxWholeDigits) 位，即不超过 \(largestText)）",
                      en: "`\(text)` is larger than kaimen can hold exactly (at most \(largestText), \(maxWholeDigits) digits before the point)")
        case .tooManyDecimals:
            Localized(zh: "`\(text)` 的小数位数超出了 kaimen 能精确保存的范围（最多 \(maxDecimals) 位小数）",
                      en: "`\(text)` has more decimals than kaimen holds exactly (at most \(maxDecimals))")
        }
    }

    public static func hint(_ problem: Problem) -> Localized {
        switch problem {
        case .tooLarge: Localized(zh: "请核对该数值；如确为如此大的数，请换用更大的计量单位（如“万元”）",
                                  en: "check the figure; if it really is that large, use a larger unit (e.g. 10,000 yuan)")
        case .tooManyDecimals: Localized(zh: "请四舍五入到 \(maxDecimals) 位小数以内", en: "round it to at most \(maxDecimals) decimals")
        }
    }

    /// The hint for a metric's value: a value with many decimals is most often a formula's in a
    /// workbook (a rate `=G2/F2` shown as 97.4% is stored as 0.973926380368098).
    public static func metricHint(_ problem: Problem) -> Localized {
        switch problem {
        case .tooLarge: hint(problem)
        case .tooManyDecimals: Localized(zh: "请四舍五入到 \(maxDecimals) 位小数以内（Excel 中由公式算出的值，可写成 =ROUND(G2/F2, \(maxDecimals))）",
                                         en: "round it to at most \(maxDecimals) decimals (a value a formula works out in Excel can be written =ROUND(G2/F2, \(maxDecimals)))")
        }
    }
}
