/// How a standard turns a unit's metrics or ballots into points. Each method is written in
/// its own file in `Rules/Methods/` (and its kernel in `Evaluate/Kernels/`); see `MethodRule`.
public enum ScoringMethod: Sendable, Equatable {
    case bands(Bands)
    case linear(Linear)
    case count(Count)
    case checklist([ChecklistItem])
    case presence(metric: String)
    case ballot(BallotScoring)
    case survey(Survey)
    case expression(Formula)

    /// The methods without their parameters: one case each, so every list of methods
    /// (`allNames`) and every text that names one (`words`) is checked by the compiler.
    public enum Kind: String, CaseIterable, Sendable {
        case bands, linear, count, checklist, presence, ballot, survey, expression

        /// The method as people say it: 分档计分 / by bands. Papers, `rules diff` and any other
        /// text that names a method take it from here. In English one family, how the points
        /// are given (scored `by bands`, `by ratio`, `by count`, … or `yes / no`), where the
        /// Chinese says 按…计分.
        public var words: Localized {
            switch self {
            case .bands: Localized(zh: "分档计分", en: "by bands")
            case .linear: Localized(zh: "按比例计分", en: "by ratio")
            case .count: Localized(zh: "按数量计分", en: "by count")
            case .checklist: Localized(zh: "逐项核对", en: "by checklist")
            case .presence: Localized(zh: "有无核对", en: "yes / no")
            case .ballot: Localized(zh: "代表评分", en: "by ballot")
            case .survey: Localized(zh: "满意度测评", en: "by survey")
            case .expression: Localized(zh: "公式计算", en: "by formula")
            }
        }

        /// The English words before 0.29.7, which score sheets sealed before then print: nouns,
        /// and `per count`.
        public var englishBefore0297: String {
            switch self {
            case .bands: "bands"
            case .linear: "linear"
            case .count: "per count"
            case .checklist: "checklist"
            case .presence: "yes / no"
            case .ballot: "ballots"
            case .survey: "survey"
            case .expression: "formula"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .bands: .bands
        case .linear: .linear
        case .count: .count
        case .checklist: .checklist
        case .presence: .presence
        case .ballot: .ballot
        case .survey: .survey
        case .expression: .expression
        }
    }

    /// The name written in the rules file's `method` key.
    public var name: String { kind.rawValue }

    /// Every method's name, in the order the docs list them.
    public static let allNames = Kind.allCases.map(\.rawValue)

    /// The method as people say it.
    public var words: Localized { kind.words }

    /// The ratio the method reads, if it reads one.
    public var ratio: Ratio? { rule.ratio }

    public var metricIDs: [String] { rule.metricIDs }

    /// The method as one `MethodRule`: its own file in `Rules/Methods/` and its kernel's.
    var rule: any MethodRule {
        switch self {
        case .bands(let b): b
        case .linear(let l): l
        case .count(let c): c
        case .checklist(let items): Checklist(items: items)
        case .presence(let m): Presence(metric: m)
        case .ballot(let b): b
        case .survey(let s): s
        case .expression(let f): ExpressionMethod(formula: f)
        }
    }
}

extension ScoringMethod.Kind {
    /// The type that reads, checks and shows a method of this kind.
    var rule: any MethodRule.Type {
        switch self {
        case .bands: Bands.self
        case .linear: Linear.self
        case .count: Count.self
        case .checklist: Checklist.self
        case .presence: Presence.self
        case .ballot: BallotScoring.self
        case .survey: Survey.self
        case .expression: ExpressionMethod.self
        }
    }
}
