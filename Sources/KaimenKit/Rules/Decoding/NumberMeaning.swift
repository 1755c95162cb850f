/// What a number in a rules file counts, so that one written as text (`"30%"`, `"59%"`,
/// `"85分"`) or with a bare `%` gets a hint that fits its field. The same text means different
/// numbers in different fields: `"quota": "30%"` is `30` (a percentage), `"capTotal": "59%"`
/// is `59` (points), and only a rate's threshold is `0.3`. A hint that said "write 0.3" for
/// every field would lead to a file that loads and means something else.
enum NumberMeaning: Sendable, Equatable {
    /// Points: `points`, `otherwise`, `perUnit`, `bonusCap`, `capTotal`, a grade's `min`, …
    case points
    /// A percentage written as its number: `quota`, the `combine` weights (`30` is 30%).
    case percent
    /// A fraction between 0 and 1: a rate's or a ratio's threshold, a share, a weight (`0.9` is 90%).
    case fraction
    /// A threshold compared with a metric's own value (a count, an amount, a number).
    case measure
    /// A band's or a line's threshold (`min`, `max`, `floor`, `target`) whose metric is not known
    /// yet (the parser's view): a fraction for a rate or ratio, the number itself for a count.
    case threshold
    /// A value in a test's `metrics`, written as in a units file (`"91.5%"` in quotes is accepted).
    case dataValue
    /// Nothing more is known.
    case plain

    /// The meaning of a value by the keys above it in the rules file (array positions left
    /// out), for the parser, which knows no more: `["grades", "min"]` is points.
    static func at(keyPath: [String]) -> NumberMeaning {
        guard let key = keyPath.last else { return .plain }
        let parent = keyPath.dropLast().last
        // A test's metrics are data values; its ballots and expected values are points.
        if keyPath.first == "tests" { return keyPath.dropFirst().first == "metrics" ? .dataValue : .points }
        switch key {
        case "quota": return .percent
        case "ballots" where parent == "combine", "metrics" where parent == "combine": return .percent
        case "points" where parent == "corridor": return .points
        case "share": return .fraction
        case "min" where parent == "participation": return .fraction
        case "min" where keyPath.first == "grades": return .points
        // Which, a rate or a count, only the decoder knows (`RulesDecoder.thresholdMeaning`).
        case "min", "max", "floor", "target": return .threshold
        case _ where parent == "weights": return .fraction
        case "points", "otherwise", "perUnit", "bonusCap", "capTotal", "scoreStep", "notAssessable", "zero": return .points
        default: return .plain
        }
    }

    /// What to write instead of the text `text` (a JSON string) given for the number `key`;
    /// `nil` when the text is not a number in another dress.
    func hint(key: String, text: String) -> Localized? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if Rational(decimal: s) != nil { return RulesMessages.removeQuotes(s) }
        if s.hasSuffix("%") || s.hasSuffix("％") {
            let number = String(s.dropLast()).trimmingCharacters(in: .whitespaces)
            guard Rational(decimal: number) != nil else { return nil }
            return percentHint(key: key, number: number, quoted: true)
        }
        // `"十二"`, `"三分"`: Chinese numerals (since 0.29.2), answered as `"12"` and `"3分"` are.
        if let (value, rest) = NumberSpellings.chinesePrefix(s) {
            let number = value.plainText(maxPlaces: 6)
            if rest.isEmpty { return RulesMessages.numberInDigits(number) }
            if rest == "分", self == .points { return RulesMessages.pointsWithoutUnit(number) }
            return nil
        }
        if s.hasSuffix("分"), self == .points {
            let number = String(s.dropLast()).trimmingCharacters(in: .whitespaces)
            guard Rational(decimal: number) != nil else { return nil }
            return RulesMessages.pointsWithoutUnit(number)
        }
        return nil
    }

    /// What to write for `number%` given for `key`: the number itself, its hundredth, or (in a
    /// test's metrics) the text in quotes. `quoted`: it was written `"30%"`, not `30%`.
    func percentHint(key: String, number: String, quoted: Bool) -> Localized {
        switch self {
        case .points: return RulesMessages.pointsNotPercent(key, number)
        case .percent: return RulesMessages.percentAsNumber(key, number)
        case .fraction: return RulesMessages.fractionFromPercent(number, Self.hundredth(of: number), quoted: quoted)
        case .measure: return RulesMessages.measureNotPercent(key)
        case .threshold: return RulesMessages.thresholdPercent(key, number, Self.hundredth(of: number))
        case .dataValue: return RulesMessages.dataPercent(number, Self.hundredth(of: number))
        case .plain: return RulesMessages.numberWithoutPercent(number)
        }
    }

    /// `90` → `0.9`: a percentage as the fraction it stands for.
    static func hundredth(of number: String) -> String {
        guard let r = Rational(decimal: number), let f = r.divided(by: Rational(100)) else { return number }
        return f.plainText(maxPlaces: 12)
    }
}
