/// What each metric of a rules file is for, read from the rules once, so that generated values
/// are valid data (numerators below their denominators, survey parts that add up) and, for
/// edge units, land where the rules decide something: on a band's threshold, a linear
/// standard's floor and target, a count's cap, a formula's constants, a zero denominator.
struct MetricRoles {
    /// A ratio's numerator → its denominator (the first ratio that reads it).
    var numeratorOf: [String: String] = [:]
    /// A numerator → whether some ratio reading it allows values above 1 (`maxOne: false`).
    var mayExceedOne: [String: Bool] = [:]
    var denominators = Set<String>()
    var surveys: [Survey] = []
    var surveyParts = Set<String>()
    var vetoInputs = Set<String>()
    var deductionInputs = Set<String>()
    /// Metrics a `count` method reads: a `number` among them may go below zero.
    var countInputs = Set<String>()
    /// Values of a metric read directly where a rule decides something.
    var values: [String: Set<Rational>] = [:]
    /// Values of a ratio (numerator / denominator) where a rule decides something, by numerator.
    var ratioValues: [String: Set<Rational>] = [:]

    init(_ rules: Rules) {
        for s in rules.standards + rules.bonuses + rules.deductions {
            s.method.rule.noteRoles(&self, points: s.points)
            if let p = s.precondition { noteFormula(p.when) }
        }
        surveyParts = Set(surveys.flatMap { [$0.satisfied, $0.basic, $0.dissatisfied] })
        vetoInputs = Set(rules.vetoes.flatMap { $0.when.metricIDs })
        deductionInputs = Set(rules.deductions.flatMap { $0.metricIDs })
        for v in rules.vetoes { noteFormula(v.when) }
    }

    mutating func note(_ input: MetricInput, _ points: [Rational]) {
        switch input {
        case .metric(let m):
            values[m, default: []].formUnion(points)
        case .ratio(let r):
            if numeratorOf[r.numerator] == nil { numeratorOf[r.numerator] = r.denominator }
            mayExceedOne[r.numerator] = (mayExceedOne[r.numerator] ?? false) || !r.maxOne
            denominators.insert(r.denominator)
            ratioValues[r.numerator, default: []].formUnion(points + [.zero, .one])
        }
    }

    /// Every number written in a formula is a value where it may decide something
    /// (`stations > 0`, `disputes = 0`, `rate >= 0.6`): its metrics get those values.
    mutating func noteFormula(_ f: Formula) {
        let constants = MetricRoles.numbers(in: f.text)
        for m in f.metricIDs { values[m, default: []].formUnion(constants + [.zero, .one]) }
    }

    /// The decimal numbers written in a formula's text (not inside names such as `m2`).
    static func numbers(in text: String) -> [Rational] {
        var out: [Rational] = []
        var current = ""
        var inName = false
        for ch in text + " " {
            if ch.isASCII && (ch.isNumber || ch == ".") && !inName {
                current.append(ch)
                continue
            }
            if !current.isEmpty, let r = Rational(decimal: current) { out.append(r) }
            current = ""
            inName = ch.isASCII && (ch.isLetter || ch == "_" || (inName && ch.isNumber))
        }
        return out
    }

    /// The least common multiple of the denominators of the ratio values read with
    /// `denominator`, so that a denominator drawn as a multiple of it makes every such value
    /// an exact whole numerator; 100 when that would be larger than 10 000.
    func denominatorStep(for denominator: String) -> Int64 {
        var l: Int64 = 1
        for (num, den) in numeratorOf where den == denominator {
            for v in ratioValues[num] ?? [] {
                l = l / MetricRoles.gcd(l, v.denominator) * v.denominator
                if l > 10_000 { return 100 }
            }
        }
        return l
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
}
