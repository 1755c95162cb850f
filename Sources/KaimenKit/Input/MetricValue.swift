import Foundation

/// Reads one metric cell as its kind requires: a count is a whole number ≥ 0, a rate lies in
/// [0, 1] (or is written as a percentage, `87.5%`), a flag is yes/no.
public enum MetricValue {
    /// What a cell that means "no value" looks like: empty, `-`, `N/A`, …
    public static let missingTokens: Set<String> = ["", "-", "—", "N/A", "n/a", "NA", "na", "null", "无", "空"]

    public enum Parsed: Equatable, Sendable {
        case value(Rational)
        case missing
        /// Not acceptable; the message says why and what would fix it.
        case invalid(message: String, hint: String?)
    }

    static let yes: Set<String> = ["1", "是", "有", "true", "TRUE", "True", "yes", "YES", "Yes", "y", "Y", "✓", "√"]
    static let no: Set<String> = ["0", "否", "无", "false", "FALSE", "False", "no", "NO", "No", "n", "N", "✗", "×"]

    /// `1,234,567.5`: a first group of 1–3 digits, then groups of exactly 3.
    static func wellGrouped(_ s: Substring) -> Bool {
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : s
        let integer = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    public static func parse(_ raw: String, kind: MetricDefinition.Kind) -> Parsed {
        let text = raw.trimmingSpaces()
        if kind == .flag {
            if yes.contains(text) { return .value(.one) }
            if no.contains(text) { return .value(.zero) }
        }
        if missingTokens.contains(text) { return .missing }
        if kind == .flag {
            return .invalid(message: "`\(Echo.cell(text))` is not a yes/no value", hint: "write 1 or 0 (是/否)")
        }
        var numberText = Substring(text)
        var percent = false
        if numberText.hasSuffix("%") || numberText.hasSuffix("％") {
            percent = true
            numberText = numberText.dropLast()
        }
        if numberText.contains(",") && !wellGrouped(numberText) {
            return .invalid(message: "`\(Echo.cell(text))` is not a number", hint: "write decimals with a point (`31.75`); commas may only separate thousands (`1,234`)")
        }
        let cleaned = numberText.replacingOccurrences(of: ",", with: "")
        guard var value = Rational(decimal: cleaned) else {
            let lower = cleaned.lowercased()
            if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lower) {
                return .invalid(message: "`\(Echo.cell(text))` is not a number", hint: "enter the actual figure, or leave the cell empty if it is unknown")
            }
            return .invalid(message: "`\(Echo.cell(text))` is not a number", hint: nil)
        }
        if percent {
            guard kind == .rate || kind == .number else {
                return .invalid(message: "`\(Echo.cell(text))` is a percentage, but this metric is \(kind == .amount ? "an" : "a") \(kind.rawValue)", hint: "enter the figure itself")
            }
            value = value.divided(by: Rational(100))!
        }
        switch kind {
        case .count:
            if value.isNegative { return .invalid(message: "a count cannot be negative (`\(Echo.cell(text))`)", hint: nil) }
            if !value.isInteger { return .invalid(message: "a count must be a whole number, not `\(Echo.cell(text))`", hint: nil) }
        case .amount:
            if value.isNegative { return .invalid(message: "`\(Echo.cell(text))` is negative; this amount cannot be", hint: nil) }
        case .rate:
            if value.isNegative { return .invalid(message: "a rate cannot be negative (`\(Echo.cell(text))`)", hint: nil) }
            if value > .one {
                return .invalid(message: "the rate `\(Echo.cell(text))` is above 100%",
                                hint: percent ? nil : "write rates as fractions (0.875) or percentages (87.5%)")
            }
        case .number, .flag:
            break
        }
        return .value(value)
    }
}

extension StringProtocol {
    /// Without spaces, tabs and ideographic spaces on either side.
    func trimmingSpaces() -> String {
        var s = Substring(self).unicodeScalars[...]
        func blank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" || c == "\r" || c == "\n" }
        while let f = s.first, blank(f) { s.removeFirst() }
        while let l = s.last, blank(l) { s.removeLast() }
        return String(String.UnicodeScalarView(s))
    }
}
