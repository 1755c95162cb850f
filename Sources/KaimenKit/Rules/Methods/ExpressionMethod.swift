/// `expression`: a formula's number within [0, points], or a condition's full points or 0 (公式计算).
struct ExpressionMethod: Sendable {
    var formula: Formula
}

extension ExpressionMethod: MethodRule {
    static let keys = ["formula"]
    static var nestedKeys: [(what: String, keys: [String])] { [] }
    static var keyWords: [String: String] { [:] }
    static var thresholdKeys: Set<String> { [] }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        d.formula(r, "formula", type: .number, required: true).map { .expression($0) }
    }

    var metricIDs: [String] { formula.metricIDs }
    var ratio: Ratio? { nil }
    func encoded() -> [String: JSONOut] { ["formula": .string(formula.text)] }
    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {}
    func parameters(_ lang: Language) -> String { formula.text }
    func noteRoles(_ roles: inout MetricRoles, points: Rational) { roles.noteFormula(formula) }
}
