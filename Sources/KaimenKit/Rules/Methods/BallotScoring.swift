/// `ballot`: the representatives' scores of a standard (or of its area), aggregated as the
/// file's ballot policy says unless the standard overrides it (代表评分). Standards only.
public struct BallotScoring: Sendable, Equatable {
    public enum Target: String, Sendable {
        case standard, area
    }
    public var target: Target
    /// Overrides of the file's ballot policy for this standard.
    public var aggregate: BallotPolicy.Aggregate?
    public var trim: BallotPolicy.Trim?
    public var minBallots: Int?
}

extension BallotScoring: MethodRule {
    static let keys = ["target", "aggregate", "trim", "minBallots"]
    static var nestedKeys: [(what: String, keys: [String])] { [] }
    static var keyWords: [String: String] {
        ["target": "打分对象", "minBallots": "最少票数", "trim": "去掉最高、最低分",
         "trim.k": "去掉最高、最低票数", "trim.minBallots": "去掉最高、最低所需票数"]
    }
    /// How many ballots count, and how many are dropped: they move which units are assessed
    /// and what their ballots come to.
    static var thresholdKeys: Set<String> { ["minBallots", "trim", "trim.k", "trim.minBallots"] }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        if role != .standard {
            d.ctx.error(.invalidValue, RulesMessages.ballotOnlyStandards(role),
                        at: r.value("method")?.location, path: r.path("method"))
            return nil
        }
        let target = r.choice("target", ["standard", "area"], required: false, words: RulesMessages.targetWords).flatMap(Target.init(rawValue:)) ?? .standard
        let aggregate = r.choice("aggregate", BallotPolicy.Aggregate.allCases.map(\.rawValue), required: false, words: RulesMessages.aggregateWords)
            .flatMap(BallotPolicy.Aggregate.init(rawValue:))
        let trim = r.object("trim", what: RulesMessages.quoted("trim")).flatMap(d.decodeTrim)
        let minBallots = r.integer("minBallots", required: false, range: 1...1000)
        return .ballot(BallotScoring(target: target, aggregate: aggregate, trim: trim, minBallots: minBallots))
    }

    var metricIDs: [String] { [] }
    var ratio: Ratio? { nil }

    func encoded() -> [String: JSONOut] {
        var o: [String: JSONOut] = ["target": .string(target.rawValue)]
        if let a = aggregate { o["aggregate"] = .string(a.rawValue) }
        if let t = trim { o["trim"] = .object(["k": .num(t.k), "minBallots": .num(t.minBallots)]) }
        if let m = minBallots { o["minBallots"] = .num(m) }
        return o
    }

    /// Whether an area has more than one ballot standard is checked with the area.
    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {}

    func parameters(_ lang: Language) -> String {
        var text = target == .area ? lang.t("按方面打分", "per area") : lang.t("按标准打分", "per standard")
        if let a = aggregate { text += " \(a.rawValue)" }
        return text
    }

    func noteRoles(_ roles: inout MetricRoles, points: Rational) {}
}
