/// `survey`: satisfied, fairly satisfied and dissatisfied counts, weighted, as a share of the
/// respondents (满意度测评); optionally not assessed below a participation rate.
public struct Survey: Sendable, Equatable {
    public struct Participation: Sendable, Equatable {
        public var population: String
        public var min: Rational
    }
    public var satisfied: String
    public var basic: String
    public var dissatisfied: String
    public var weights: (satisfied: Rational, basic: Rational, dissatisfied: Rational)
    public var participation: Participation?

    public static func == (a: Survey, b: Survey) -> Bool {
        a.satisfied == b.satisfied && a.basic == b.basic && a.dissatisfied == b.dissatisfied
            && a.weights == b.weights && a.participation == b.participation
    }
}

extension Survey: MethodRule {
    static let keys = ["satisfied", "basic", "dissatisfied", "weights", "participation"]
    static let weightKeys = ["satisfied", "basic", "dissatisfied"]
    static let participationKeys = ["population", "min"]
    static var nestedKeys: [(what: String, keys: [String])] { [("survey weights", weightKeys), ("participation", participationKeys)] }
    static var keyWords: [String: String] {
        ["participation.min": "最低参与率", "weights.satisfied": "满意权重", "weights.basic": "基本满意权重", "weights.dissatisfied": "不满意权重"]
    }
    static var thresholdKeys: Set<String> { ["participation.min", "weights.satisfied", "weights.basic", "weights.dissatisfied"] }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        let ctx = d.ctx
        let s = d.metricRef(r, "satisfied"), b = d.metricRef(r, "basic"), da = d.metricRef(r, "dissatisfied")
        var weights = (satisfied: Rational.one, basic: Rational(3, 5), dissatisfied: Rational.zero)
        if let w = r.object("weights", what: RulesMessages.surveyWeights) {
            w.finish(allowed: weightKeys)
            for key in weightKeys {
                guard let v = w.number(key, required: false, meaning: .fraction) else { continue }
                if v < .zero || v > .one {
                    ctx.error(.outOfRange, RulesMessages.surveyWeight(key, v.plainText()),
                              at: w.value(key)?.location, path: w.path(key))
                }
                switch key {
                case "satisfied": weights.satisfied = v
                case "basic": weights.basic = v
                default: weights.dissatisfied = v
                }
            }
        }
        var participation: Participation?
        if let p = r.object("participation", what: RulesMessages.participation) {
            p.finish(allowed: participationKeys)
            let pop = d.metricRef(p, "population"), mn = p.number("min", nonNegative: true, meaning: .fraction)
            if let mn, mn > .one {
                ctx.error(.outOfRange, RulesMessages.participationMin(mn.plainText()),
                          at: p.value("min")?.location, path: p.path("min"))
            }
            if let pop, let mn { participation = .init(population: pop, min: mn) }
        }
        guard let s, let b, let da else { return nil }
        return .survey(Survey(satisfied: s, basic: b, dissatisfied: da, weights: weights, participation: participation))
    }

    var metricIDs: [String] { [satisfied, basic, dissatisfied] + (participation.map { [$0.population] } ?? []) }
    var ratio: Ratio? { nil }
    /// With `participation`, the respondents are at most the population (a rate above 100% is
    /// an error in the data, not a participation).
    var valueBound: ValueBound? {
        participation.map { ValueBound(kind: .survey, parts: [satisfied, basic, dissatisfied], limit: $0.population) }
    }

    func encoded() -> [String: JSONOut] {
        var o: [String: JSONOut] = ["satisfied": .string(satisfied), "basic": .string(basic), "dissatisfied": .string(dissatisfied),
                                    "weights": .object(["satisfied": .num(weights.satisfied), "basic": .num(weights.basic),
                                                        "dissatisfied": .num(weights.dissatisfied)])]
        if let p = participation { o["participation"] = .object(["population": .string(p.population), "min": .num(p.min)]) }
        return o
    }

    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {}

    func parameters(_ lang: Language) -> String {
        var text = "\(satisfied)/\(basic)/\(dissatisfied)"
        if let p = participation { text += lang.t(" 参与率≥", " participation≥") + p.min.plainText() }
        return text
    }

    /// Its three parts are drawn to add up to the respondents, at most the population.
    func noteRoles(_ roles: inout MetricRoles, points: Rational) { roles.surveys.append(self) }
}
