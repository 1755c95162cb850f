/// `presence`: the full points when a metric is above 0 (有无核对).
struct Presence: Sendable {
    var metric: String
}

extension Presence: MethodRule {
    static let keys = ["metric"]
    static var nestedKeys: [(what: String, keys: [String])] { [] }
    static var keyWords: [String: String] { [:] }
    static var thresholdKeys: Set<String> { [] }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        d.metricRef(r, "metric").map { .presence(metric: $0) }
    }

    var metricIDs: [String] { [metric] }
    var ratio: Ratio? { nil }
    func encoded() -> [String: JSONOut] { ["metric": .string(metric)] }
    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {}
    func parameters(_ lang: Language) -> String { metric }
    func noteRoles(_ roles: inout MetricRoles, points: Rational) {}
}
