/// `bands`: the first band whose threshold the value reaches scores its points (分档计分).
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

extension Bands: MethodRule {
    static let keys = ["metric", "ratio", "bands", "otherwise"]
    static let bandKeys = ["min", "max", "points"]
    static var nestedKeys: [(what: String, keys: [String])] { [("ratio", MetricInput.ratioKeys), ("band", bandKeys)] }
    static var keyWords: [String: String] { MetricInput.keyWords.merging(["bands": "分档", "otherwise": "未达档次得分"]) { a, _ in a } }
    static var thresholdKeys: Set<String> { MetricInput.thresholdKeys.union(["bands", "otherwise"]) }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        let ctx = d.ctx
        let input = d.metricInput(r)
        let otherwise = r.number("otherwise", required: false, nonNegative: true, meaning: .points) ?? .zero
        guard let list = r.array("bands") else { return nil }
        if list.isEmpty {
            ctx.error(.emptyBands, RulesMessages.noBands(r.what), at: r.value("bands")?.location, path: r.path("bands"),
                      hint: RulesMessages.addBand)
        }
        var bands: [Band] = []
        var directions = Set<Direction>()
        for (i, node) in list.enumerated() {
            guard let b = ObjectReader(node, path: r.path("bands") + "[\(i)]", what: RulesMessages.band(i, of: r.what), ctx: ctx) else { continue }
            b.finish(allowed: bandKeys)
            let points = b.number("points", nonNegative: true, meaning: .points)
            var threshold: Rational?
            switch (b.has("min"), b.has("max")) {
            case (true, true):
                ctx.error(.conflictingKeys, RulesMessages.minOrMax, at: b.value("max")?.location, path: b.path("max"))
            case (false, false):
                if b.hasMisspelling(of: "min") || b.hasMisspelling(of: "max") { break }
                ctx.error(.missingKey, RulesMessages.bandNeedsThreshold(i, r.what),
                          at: b.location, path: b.path)
            case (true, false):
                threshold = b.number("min", meaning: d.thresholdMeaning(input)); directions.insert(.atLeast)
            case (false, true):
                threshold = b.number("max", meaning: d.thresholdMeaning(input)); directions.insert(.atMost)
            }
            if let threshold, let points { bands.append(.init(threshold: threshold, points: points, origin: b.origin())) }
        }
        if directions.count > 1 {
            ctx.error(.bandsMixed, RulesMessages.bandsMixed(r.what),
                      at: r.value("bands")?.location, path: r.path("bands"))
            return nil
        }
        guard let input, bands.count == list.count, !list.isEmpty else { return nil }
        return .bands(Bands(input: input, direction: directions.first ?? .atLeast, bands: bands, otherwise: otherwise))
    }

    var metricIDs: [String] { input.metricIDs }
    var ratio: Ratio? { input.ratio }

    func encoded() -> [String: JSONOut] {
        let (k, v) = input.encoded()
        return [k: v, "otherwise": .num(otherwise),
                "bands": .array(bands.map { .object([direction.rawValue: .num($0.threshold), "points": .num($0.points)]) })]
    }

    /// Thresholds a rate can reach, bands in order with their own thresholds, points that fall
    /// band by band and never above the standard's.
    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {
        v.checkRatio(input, s, label)
        let key = direction.rawValue
        if v.atMostOne(input) {
            for (i, band) in bands.enumerated() where band.threshold > .one {
                v.error(.unreachableThreshold, ValidationMessages.bandRateThreshold(i, label, key, band.threshold.plainText()),
                        band.origin, key, hint: ValidationMessages.writeFraction((band.threshold.divided(by: Rational(100))!).plainText(), band.threshold.plainText()))
            }
        }
        for (i, band) in bands.enumerated() {
            if band.points > s.points {
                v.error(.pointsExceed, ValidationMessages.bandExceeds(i, label, band.points.plainText(), s.points.plainText()),
                        band.origin, "points")
            }
            guard i > 0 else { continue }
            let prev = bands[i - 1]
            if band.threshold == prev.threshold {
                v.error(.bandsOverlap, ValidationMessages.bandsOverlap(i, label, key, band.threshold.plainText()),
                        band.origin, key, hint: ValidationMessages.ownThreshold)
            } else if (direction == .atLeast) != (band.threshold < prev.threshold) {
                v.error(.bandsOrder, ValidationMessages.bandsOrder(label, key, band.threshold.plainText(), prev.threshold.plainText(), atLeast: direction == .atLeast),
                        band.origin, key, hint: ValidationMessages.widerBandFirst)
            }
            if band.points > prev.points {
                v.error(.bandsNotMonotone, ValidationMessages.bandNotMonotone(i, label, band.points.plainText(), prev.points.plainText()),
                        band.origin, "points", hint: ValidationMessages.pointsNotIncrease)
            }
        }
        if let last = bands.last, otherwise > last.points {
            v.error(.bandsNotMonotone, ValidationMessages.otherwiseExceeds(label, otherwise.plainText(), last.points.plainText()),
                    s.origin, "otherwise")
        }
    }

    func parameters(_ lang: Language) -> String {
        let sym = direction == .atLeast ? "≥" : "≤"
        return input.shortText + " " + bands.map { "\(sym)\($0.threshold.plainText())→\($0.points.plainText())" }.joined(separator: " ")
    }

    func noteRoles(_ roles: inout MetricRoles, points: Rational) {
        roles.note(input, bands.map(\.threshold))
    }
}
