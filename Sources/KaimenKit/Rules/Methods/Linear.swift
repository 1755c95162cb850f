/// `linear`: points in proportion between a floor and a target (按比例计分).
public struct Linear: Sendable, Equatable {
    public var input: MetricInput
    public var floor: Rational
    public var target: Rational
}

extension Linear: MethodRule {
    static let keys = ["metric", "ratio", "floor", "target"]
    static var nestedKeys: [(what: String, keys: [String])] { [("ratio", MetricInput.ratioKeys)] }
    static var keyWords: [String: String] { MetricInput.keyWords.merging(["floor": "下限", "target": "目标值"]) { a, _ in a } }
    static var thresholdKeys: Set<String> { MetricInput.thresholdKeys.union(["floor", "target"]) }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        let input = d.metricInput(r)
        let floor = r.number("floor", meaning: d.thresholdMeaning(input)), target = r.number("target", meaning: d.thresholdMeaning(input))
        guard let input, let floor, let target else { return nil }
        return .linear(Linear(input: input, floor: floor, target: target))
    }

    var metricIDs: [String] { input.metricIDs }
    var ratio: Ratio? { input.ratio }

    func encoded() -> [String: JSONOut] {
        let (k, v) = input.encoded()
        return [k: v, "floor": .num(floor), "target": .num(target)]
    }

    /// A rate's floor and target at most 1; a target apart from the floor.
    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {
        v.checkRatio(input, s, label)
        if v.atMostOne(input) {
            for (key, x) in [("floor", floor), ("target", target)] where x > .one {
                v.error(.unreachableThreshold, ValidationMessages.rateThreshold(label, key, x.plainText()), s.origin, key,
                        hint: ValidationMessages.writeFraction((x.divided(by: Rational(100))!).plainText(), x.plainText()))
            }
        }
        if floor == target {
            v.error(.invalidValue, ValidationMessages.targetEqualsFloor(label, floor.plainText()), s.origin, "target")
        }
    }

    func parameters(_ lang: Language) -> String { "\(input.shortText) \(floor.plainText())→\(target.plainText())" }

    func noteRoles(_ roles: inout MetricRoles, points: Rational) {
        roles.note(input, [floor, target, (floor + target) * Rational(1, 2)])
    }
}
