/// `count`: so many points per counted thing, up to the standard's points (按数量计分).
public struct Count: Sendable, Equatable {
    public var metric: String
    public var perUnit: Rational
}

extension Count: MethodRule {
    static let keys = ["metric", "perUnit"]
    static var nestedKeys: [(what: String, keys: [String])] { [] }
    static var keyWords: [String: String] { ["perUnit": "每个计分"] }
    static var thresholdKeys: Set<String> { ["perUnit"] }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        let metric = d.metricRef(r, "metric"), per = r.number("perUnit", nonNegative: true, meaning: .points)
        guard let metric, let per else { return nil }
        return .count(Count(metric: metric, perUnit: per))
    }

    var metricIDs: [String] { [metric] }
    var ratio: Ratio? { nil }

    func encoded() -> [String: JSONOut] { ["metric": .string(metric), "perUnit": .num(perUnit)] }

    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {
        if perUnit.isZero { v.error(.invalidValue, ValidationMessages.perUnitPositive(label), s.origin, "perUnit") }
    }

    func parameters(_ lang: Language) -> String { "\(metric) ×\(perUnit.plainText())" }

    /// Its metric may go below zero; the count that reaches the cap, and half of it, are edges.
    func noteRoles(_ roles: inout MetricRoles, points: Rational) {
        roles.countInputs.insert(metric)
        if let cap = points.divided(by: perUnit) { roles.values[metric, default: []].formUnion([cap, cap * Rational(1, 2)]) }
    }
}
