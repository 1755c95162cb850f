/// How a standard turns a unit's metrics or ballots into points.
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

        /// The method as people say it: 分档计分 / bands. Papers, `rules diff` and any other
        /// text that names a method take it from here.
        public var words: Localized {
            switch self {
            case .bands: Localized(zh: "分档计分", en: "bands")
            case .linear: Localized(zh: "按比例计分", en: "linear")
            case .count: Localized(zh: "按数量计分", en: "per count")
            case .checklist: Localized(zh: "逐项核对", en: "checklist")
            case .presence: Localized(zh: "有无核对", en: "yes / no")
            case .ballot: Localized(zh: "代表评分", en: "ballots")
            case .survey: Localized(zh: "满意度测评", en: "survey")
            case .expression: Localized(zh: "公式计算", en: "formula")
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

    /// The ratio a `bands` or `linear` method reads, if it reads one.
    public var ratio: Ratio? {
        switch self {
        case .bands(let b): if case .ratio(let r) = b.input { return r }
        case .linear(let l): if case .ratio(let r) = l.input { return r }
        default: break
        }
        return nil
    }

    public var metricIDs: [String] {
        switch self {
        case .bands(let b): b.input.metricIDs
        case .linear(let l): l.input.metricIDs
        case .count(let c): [c.metric]
        case .checklist(let items): items.map(\.metric)
        case .presence(let m): [m]
        case .ballot: []
        case .survey(let s): [s.satisfied, s.basic, s.dissatisfied] + (s.participation.map { [$0.population] } ?? [])
        case .expression(let f): f.metricIDs
        }
    }
}

/// What a metric-based method reads: one metric, or the ratio of two.
public enum MetricInput: Sendable, Equatable {
    case metric(String)
    case ratio(Ratio)

    public var metricIDs: [String] {
        switch self {
        case .metric(let m): [m]
        case .ratio(let r): [r.numerator, r.denominator]
        }
    }
}

public struct Ratio: Sendable, Equatable {
    /// What a zero denominator gives.
    public enum Zero: Sendable, Equatable {
        case points(Rational)
        case full
        case notAssessable
    }

    public var numerator: String
    public var denominator: String
    public var zero: Zero
    /// A numerator above its denominator is an error in the data.
    public var maxOne: Bool
}

public struct Bands: Sendable, Equatable {
    public enum Direction: String, Sendable {
        /// `min`: value ≥ threshold; higher is better.
        case atLeast = "min"
        /// `max`: value ≤ threshold; lower is better.
        case atMost = "max"
    }

    public struct Band: Sendable, Equatable {
        public var threshold: Rational
        public var points: Rational
        public var origin: Origin
    }

    public var input: MetricInput
    public var direction: Direction
    public var bands: [Band]
    public var otherwise: Rational
}

public struct Linear: Sendable, Equatable {
    public var input: MetricInput
    public var floor: Rational
    public var target: Rational
}

public struct Count: Sendable, Equatable {
    public var metric: String
    public var perUnit: Rational
}

public struct ChecklistItem: Sendable, Equatable {
    public var id: String
    public var name: String
    public var metric: String
    public var points: Rational
    public var origin: Origin
}

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
