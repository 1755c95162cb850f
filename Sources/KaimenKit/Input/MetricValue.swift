import Foundation

/// Reads one metric cell as its kind requires: a count is a whole number ≥ 0, a rate lies in
/// [0, 1] (or is written as a percentage, `87.5%`), a flag is yes/no. Full-width digits and
/// marks typed by an input method (`１２８０`, `８５％`) read as their ASCII forms.
public enum MetricValue {
    /// What a cell that means "no value" looks like: empty, `-`, `N/A`, …
    public static let missingTokens: Set<String> = ["", "-", "—", "N/A", "n/a", "NA", "na", "null", "无", "空"]

    public enum Parsed: Equatable, Sendable {
        case value(Rational)
        case missing
        /// Not acceptable; the message says why and what would fix it.
        case invalid(message: Localized, hint: Localized?)
        /// A number beyond what kaimen holds exactly (`NumberLimits`).
        case beyondLimits(NumberLimits.Problem)
    }

    static let yes: Set<String> = ["1", "是", "有", "true", "TRUE", "True", "yes", "YES", "Yes", "y", "Y", "✓", "√"]
    static let no: Set<String> = ["0", "否", "无", "false", "FALSE", "False", "no", "NO", "No", "n", "N", "✗", "×"]

    /// `1,234,567.5`: a first group of 1–3 digits, then groups of exactly 3, and no comma
    /// after the point (`1.5,5` is not 1.55).
    static func wellGrouped(_ s: Substring) -> Bool {
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : s
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 && parts[1].contains(",") { return false }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    public static func parse(_ raw: String, kind: MetricDefinition.Kind) -> Parsed {
        let typed = raw.trimmingSpaces()
        let ascii = TypedNumber.ascii(typed)
        let parsed = parseASCII(ascii, typed: typed, kind: kind)
        // A number with something typed around it: say what to remove. This comes before the
        // advice on commas, which a cell such as `1,236人` also draws: its comma is right, its
        // `人` is what is wrong.
        guard case .invalid(let message, let hint) = parsed, kind != .flag, hint == nil || hint == ReaderMessages.commaGrouping else {
            return parsed
        }
        func valid(_ text: String) -> Bool { if case .value = parseASCII(text, typed: text, kind: kind) { true } else { false } }
        // A formula's text, an Excel error value, a date: what the spreadsheet put there (before
        // a unit to remove: `#DIV/0!` is no `0` with `#DIV/!` around it).
        if hint == nil, let sheet = TypedNumber.spreadsheetHint(typed) { return .invalid(message: message, hint: sheet) }
        if let better = TypedNumber.hint(for: ascii, valid: valid) { return .invalid(message: message, hint: better) }
        if hint != nil, let comma = TypedNumber.commaHint(typed: typed, valid: valid) { return .invalid(message: message, hint: comma) }
        return parsed
    }

    /// `text` with full-width forms already replaced; messages quote `typed`, what the cell holds.
    private static func parseASCII(_ text: String, typed: String, kind: MetricDefinition.Kind) -> Parsed {
        if kind == .flag {
            if yes.contains(text) { return .value(.one) }
            if no.contains(text) { return .value(.zero) }
        }
        if missingTokens.contains(text) { return .missing }
        if kind == .flag {
            return .invalid(message: ReaderMessages.notYesNo(Echo.cell(typed)), hint: ReaderMessages.writeYesNo)
        }
        var numberText = Substring(text)
        var percent = false
        if numberText.hasSuffix("%") || numberText.hasSuffix("％") {
            percent = true
            numberText = numberText.dropLast()
        }
        // A comma as a character (a comma with a combining mark is not one): the byte check
        // first, since most cells have none.
        let grouped = numberText.utf8.contains(UInt8(ascii: ",")) && numberText.contains(where: { $0 == "," })
        if grouped && !wellGrouped(numberText) {
            return .invalid(message: ReaderMessages.notANumber(Echo.cell(typed)), hint: ReaderMessages.commaGrouping)
        }
        let cleaned = grouped ? String(numberText.filter { $0 != "," }) : String(numberText)
        guard var value = Rational(decimal: cleaned) else {
            // Digits too many to hold (`1234…` of 40 digits), or an exponent beyond them (`1e308`,
            // `-1e309`, `1e-400`), as a rules file's literal and a ballot's score are read: beyond
            // the limits, never "not a number" (docs/inputs.md, *Number limits*).
            if let problem = NumberLimits.check(unreadableLiteral: Substring(cleaned)) { return .beyondLimits(problem) }
            let lower = cleaned.lowercased()
            if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lower) {
                return .invalid(message: ReaderMessages.notANumber(Echo.cell(typed)), hint: ReaderMessages.notAFigure)
            }
            return .invalid(message: ReaderMessages.notANumber(Echo.cell(typed)), hint: nil)
        }
        if let problem = NumberLimits.check(value) { return .beyondLimits(problem) }
        if percent {
            guard kind == .rate || kind == .number else {
                return .invalid(message: ReaderMessages.percentForKind(Echo.cell(typed), kind), hint: ReaderMessages.enterFigure)
            }
            value = value.divided(by: Rational(100))!
        }
        switch kind {
        case .count:
            if value.isNegative { return .invalid(message: ReaderMessages.negativeCount(Echo.cell(typed)), hint: nil) }
            if !value.isInteger { return .invalid(message: ReaderMessages.fractionalCount(Echo.cell(typed)), hint: nil) }
        case .amount:
            if value.isNegative { return .invalid(message: ReaderMessages.negativeAmount(Echo.cell(typed)), hint: nil) }
        case .rate:
            if value.isNegative { return .invalid(message: ReaderMessages.negativeRate(Echo.cell(typed)), hint: nil) }
            if value > .one {
                return .invalid(message: ReaderMessages.rateAbove100(Echo.cell(typed)),
                                hint: percent ? nil : ReaderMessages.writeRate)
            }
        case .number, .flag:
            break
        }
        return .value(value)
    }
}

extension StringProtocol {
    /// Without any space, tab, ideographic or no-break space, wherever it stands (`1 280` →
    /// `1280`, `录入员　甲` → `录入员甲`).
    func removingBlanks() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{3000}" && $0 != "\u{A0}" }))
    }

    /// Without spaces, tabs and ideographic spaces on either side.
    func trimmingSpaces() -> String {
        func blank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" || c == "\r" || c == "\n" }
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, blank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        // Sliced as scalars (a bound may fall inside a character: ` \u{301}x` loses its space and
        // keeps the combining mark); a cell is rarely padded, so most calls copy the text once.
        return String(Substring(scalars[start..<end]))
    }
}
