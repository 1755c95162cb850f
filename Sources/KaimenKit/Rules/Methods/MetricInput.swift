/// What `bands` and `linear` read: one metric, or the ratio of two with its rule for a zero
/// denominator. How a rules file writes it, what is checked and how it is shown, once for both.
public enum MetricInput: Sendable, Equatable {
    case metric(String)
    case ratio(Ratio)

    public var metricIDs: [String] {
        switch self {
        case .metric(let m): [m]
        case .ratio(let r): [r.numerator, r.denominator]
        }
    }

    var ratio: Ratio? { if case .ratio(let r) = self { return r } else { return nil } }
    var isRatio: Bool { ratio != nil }

    static let ratioKeys = ["numerator", "denominator", "zero", "maxOne"]
    /// For `rules diff`: what its keys are called, and which move a threshold.
    static let keyWords = ["ratio.zero": "比值分母为 0 时", "ratio.maxOne": "比值不超过 1"]
    static let thresholdKeys: Set<String> = ["ratio.zero", "ratio.maxOne"]

    /// `metric` or `ratio`, as the rules file writes it.
    func encoded() -> (String, JSONOut) {
        switch self {
        case .metric(let m): return ("metric", .string(m))
        case .ratio(let r):
            let zero: JSONOut
            switch r.zero {
            case .points(let p): zero = .num(p)
            case .full: zero = .string("full")
            case .notAssessable: zero = .string("notAssessable")
            }
            return ("ratio", .object(["numerator": .string(r.numerator), "denominator": .string(r.denominator),
                                      "zero": zero, "maxOne": .bool(r.maxOne)]))
        }
    }

    /// `rate` or `signed/companies`, for `rules show`.
    var shortText: String {
        switch self {
        case .metric(let m): m
        case .ratio(let r): "\(r.numerator)/\(r.denominator)"
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

extension RulesDecoder {
    /// A standard's `metric` or `ratio` (exactly one of them).
    func metricInput(_ r: ObjectReader) -> MetricInput? {
        switch (r.has("metric"), r.has("ratio")) {
        case (true, true):
            ctx.error(.conflictingKeys, RulesMessages.metricAndRatio(r.what), at: r.value("ratio")?.location, path: r.path("ratio"))
            return nil
        case (false, false):
            if r.hasMisspelling(of: "metric") || r.hasMisspelling(of: "ratio") { return nil }
            ctx.error(.missingKey, RulesMessages.needsMetricOrRatio(r.what), at: r.location, path: r.path,
                      hint: RulesMessages.addMetricOrRatio)
            return nil
        case (true, false):
            return metricRef(r, "metric").map { .metric($0) }
        case (false, true):
            guard let q = r.object("ratio", what: RulesMessages.ratio) else { return nil }
            q.finish(allowed: MetricInput.ratioKeys)
            let num = metricRef(q, "numerator"), den = metricRef(q, "denominator")
            var zero: Ratio.Zero?
            if let z = q.value("zero") {
                if case .number = z.value {
                    zero = ObjectReader.number(z, key: "zero", path: q.path("zero"), nonNegative: true, meaning: .points, ctx: ctx).map { .points($0) }
                } else if z.stringValue == "full" {
                    zero = .full
                } else if z.stringValue == "notAssessable" {
                    zero = .notAssessable
                } else {
                    ctx.error(.invalidValue, RulesMessages.zeroChoice, at: z.location, path: q.path("zero"))
                }
            } else {
                ctx.error(.missingKey, RulesMessages.ratioNeedsZero, at: q.location, path: q.path, hint: RulesMessages.addZero)
                // Said; the standard is still checked as a whole (its bands' order: since 0.29.2),
                // with a rule that adds no problem of its own. The file does not load.
                zero = .notAssessable
            }
            let maxOne = q.bool("maxOne") ?? true
            guard let num, let den, let zero else { return nil }
            return .ratio(Ratio(numerator: num, denominator: den, zero: zero, maxOne: maxOne))
        }
    }
}

extension RulesValidator {
    /// A ratio's zero-denominator points within the standard's, and not a metric over itself.
    func checkRatio(_ input: MetricInput, _ s: Standard, _ label: Localized) {
        guard case .ratio(let r) = input else { return }
        if case .points(let p) = r.zero, p > s.points {
            error(.pointsExceed, ValidationMessages.zeroDenominatorExceeds(label, p.plainText(), s.points.plainText()), s.origin, "ratio")
        }
        if r.numerator == r.denominator {
            error(.invalidValue, ValidationMessages.ratioOfItself(label, r.numerator), s.origin, "ratio")
        }
    }

    /// Whether the input never exceeds 1: a rate, or a ratio whose numerator cannot pass its denominator.
    func atMostOne(_ input: MetricInput) -> Bool {
        switch input {
        case .metric(let id): return rules.metric(id)?.kind == .rate
        case .ratio(let r): return r.maxOne
        }
    }
}
