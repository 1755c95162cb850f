/// One way the result could have come out: area weights moved, another ballot aggregation,
/// a representative left out, or the representatives drawn again with replacement.
public struct Scenario: Sendable, Equatable {
    public enum Aggregation: Sendable, Equatable, CaseIterable {
        case mean, median, trimmed1, trimmed2

        public var name: String {
            switch self {
            case .mean: "mean"
            case .median: "median"
            case .trimmed1: "trimmedMean k=1"
            case .trimmed2: "trimmedMean k=2"
            }
        }
    }

    public enum Representatives: Sendable, Equatable {
        case all
        /// Every ballot of this representative (index in the roster) left out.
        case leaveOut(Int)
        /// How many times each representative's ballots count (a bootstrap draw; 0 = left out).
        case bootstrap([Int])
    }

    /// What to vary.
    public struct Variation: Sendable, Equatable {
        /// Each area's weight moves by up to ± this percentage (0 = not varied).
        public var weightPercent: Int
        public var aggregation: Bool
        public var leaveOneOut: Bool
        public var bootstrap: Bool

        public init(weightPercent: Int = 10, aggregation: Bool = true, leaveOneOut: Bool = true, bootstrap: Bool = true) {
            self.weightPercent = weightPercent
            self.aggregation = aggregation
            self.leaveOneOut = leaveOneOut
            self.bootstrap = bootstrap
        }

        public static let names = ["weights", "aggregation", "leave-one-out", "bootstrap"]
    }

    /// The factor each area's points are multiplied by (1 = as the rules say), renormalised so
    /// the most a unit can score stays the same.
    public var areaWeights: [Rational]
    /// `nil`: as the rules say.
    public var aggregation: Aggregation?
    public var representatives: Representatives

    /// `count` scenarios drawn from `seed`: the same seed always gives the same scenarios.
    ///
    /// Each area's weight is `1 + p% × d/100` with `d` uniform in −100…100, then all are scaled
    /// by one factor so that Σ weight × area maximum = Σ area maximum. The aggregation is one of
    /// mean, median, trimmed mean with k = 1 or 2, each equally likely. Representatives: with
    /// both leave-one-out and bootstrap, even scenarios leave out representatives in turn and
    /// odd ones draw a bootstrap sample; with one of them, every scenario does that one.
    public static func draw(_ count: Int, seed: UInt64, variation: Variation, areaMax: [Rational], representatives: Int) -> [Scenario] {
        var rng = SplitMix64(seed: seed)
        let total = areaMax.reduce(Rational.zero, +)
        var out: [Scenario] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            var weights = [Rational](repeating: .one, count: areaMax.count)
            if variation.weightPercent > 0 {
                for a in weights.indices {
                    let d = rng.between(-100, 100)
                    weights[a] = Rational(Int64(10_000 + variation.weightPercent * d), 10_000)
                }
                let weighted = zip(weights, areaMax).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
                if let c = total.divided(by: weighted) { weights = weights.map { $0 * c } }
            }
            let aggregation = variation.aggregation ? Aggregation.allCases[rng.below(4)] : nil
            var reps = Representatives.all
            if representatives > 0 {
                switch (variation.leaveOneOut, variation.bootstrap) {
                case (true, true): reps = i % 2 == 0 ? .leaveOut((i / 2) % representatives) : bootstrap(&rng, representatives)
                case (true, false): reps = .leaveOut(i % representatives)
                case (false, true): reps = bootstrap(&rng, representatives)
                case (false, false): break
                }
            }
            out.append(Scenario(areaWeights: weights, aggregation: aggregation, representatives: reps))
        }
        return out
    }

    static func bootstrap(_ rng: inout SplitMix64, _ n: Int) -> Representatives {
        var counts = [Int](repeating: 0, count: n)
        for _ in 0..<n { counts[rng.below(n)] += 1 }
        return .bootstrap(counts)
    }
}
