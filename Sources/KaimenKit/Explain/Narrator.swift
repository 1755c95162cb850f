/// Says in words how each number was reached: the note on a score sheet, the inputs a
/// standard used, and the reason a standard was not assessed.
public struct Narrator {
    public let rules: Rules
    /// The run whose metric values `inputs` and `note` describe; warnings need only the rules.
    let values: MetricValues?
    let metricIndex: [String: Int]
    /// The roster, for naming who cast a ballot.
    let representatives: [Representative]
    public let lang: Language
    let fmt: ValueFormatter
    /// Whether a ballot's note names who cast it (`去掉最高 9（R05）`); without, the scores only,
    /// for papers that keep the representatives anonymous (`summary.xlsx` by default).
    var namesRepresentatives = true
    /// Whether a weighted standard's points say their weight, with the raw points to two more
    /// places, so that raw × weight can be checked against the weighted points (since 0.24.0;
    /// `得 3.63 分，按权重折算 7.25 分` did not multiply out).
    var showsWeight = true
    /// Whether a value in a line of working is cut where rounding would mislead, with `…` after
    /// one cut short (`ShownValue`; since 0.27.1, for an expression standard's value).
    var cutsValues = true

    public init(session: ScoringSession, lang: Language = .zh) {
        self.rules = session.rules
        self.values = .table(session.table)
        self.metricIndex = session.plan.metricIndex
        self.representatives = session.representatives
        self.lang = lang
        self.fmt = ValueFormatter(rules: session.rules, lang: lang)
        self.showsWeight = session.report.writes(since: ScoreReport.v0_24)
        self.cutsValues = session.report.writes(since: ScoreReport.v0_27_1)
    }

    public init(source: ExplainSource, lang: Language = .zh) {
        self.rules = source.rules
        self.values = source.values
        self.metricIndex = source.plan.metricIndex
        self.representatives = source.representatives
        self.lang = lang
        self.fmt = ValueFormatter(rules: source.rules, lang: lang)
    }

    public init(rules: Rules, lang: Language = .zh) {
        self.rules = rules
        self.values = nil
        self.metricIndex = [:]
        self.representatives = []
        self.lang = lang
        self.fmt = ValueFormatter(rules: rules, lang: lang)
    }

    /// `得 2 分（满分 3 分）`
    func earned(_ r: StandardResult, _ s: Standard) -> String {
        if s.role == .deduction {
            return lang.t("扣 \(fmt.points(r.raw)) 分（最多扣 \(fmt.points(s.points)) 分）", "\(fmt.points(r.raw)) deducted (at most \(fmt.points(s.points)))")
        }
        let weighted = r.points != r.raw && !r.prorated
        if let (raw, w) = shownWeight(r, s) {
            return lang.t("得 \(raw) 分（满分 \(fmt.points(s.points)) 分），按权重 ×\(w) 折算 \(fmt.points(r.points)) 分",
                          "\(raw) of \(fmt.points(s.points)) points, weighted ×\(w) to \(fmt.points(r.points))")
        }
        var text = lang.t("得 \(fmt.points(r.raw)) 分（满分 \(fmt.points(s.points)) 分）",
                          "\(fmt.points(r.raw)) of \(fmt.points(s.points)) points")
        if weighted {
            text += lang.t("，按权重折算 \(fmt.points(r.points)) 分", ", weighted to \(fmt.points(r.points))")
        }
        return text
    }

    /// A weighted standard's raw points and weight as `earned` shows them, when it does.
    func shownWeight(_ r: StandardResult, _ s: Standard) -> (raw: String, weight: String)? {
        guard s.role != .deduction, r.points != r.raw, !r.prorated, showsWeight, let weight = r.points.divided(by: r.raw) else { return nil }
        return Self.checkable(r.raw, weight, points: r.points, places: max(rules.ranking.precision, 2))
    }

    /// A weighted standard's raw points and weight as the papers show them: with the fewest
    /// places (two more than the points', at least) at which the shown raw times the shown weight
    /// rounds to the points shown (`places`), up to 8; `…` after a figure that is cut. (A
    /// review found 2.9933 × 0.75 = 2.244975 shown beside 2.25: 4 places were too few there.)
    static func checkable(_ raw: Rational, _ weight: Rational, points: Rational, places: Int) -> (raw: String, weight: String) {
        func shown(_ x: Rational, _ p: Int) -> String { ShownValue.text(x, places: p, cut: false) }
        let target = points.rounded(places: places)
        var p = places + 2
        while p < 8 {
            let w = weight.rounded(places: max(p, 4))
            if (raw.rounded(places: p) * w).rounded(places: places) == target { break }
            p += 1
        }
        return (shown(raw, p), shown(weight, max(p, 4)))
    }

    /// The values a standard read, e.g. `已签订 52 / 已建会 55 = 94.55%`.
    public func inputs(_ r: StandardResult, _ s: Standard) -> String {
        s.method.rule.inputs(r, s, self)
            ?? metricsText(s.metricIDs)
    }

    /// `已建会企业数 55`: a metric's name and a value of it as entered.
    func metricText(_ id: String, _ v: Rational?) -> String { "\(fmt.metricName(id)) \(fmt.metric(id, v))" }

    /// Each of `ids` with its value in this unit, `，` between them.
    func metricsText(_ ids: [String]) -> String { ids.map { metricText($0, value($0)) }.joined(separator: "，") }

    /// A formula of the rules as the papers show it, with the values it read in this unit:
    /// `重大安全事故 > 0（重大安全事故 1）`.
    func condition(_ f: Formula) -> String {
        let readable = f.readable(rules, lang: lang)
        return f.metricIDs.isEmpty ? readable : readable + lang.t("（", " (") + values(f) + lang.t("）", ")")
    }

    /// The values a formula read in this unit: `重大安全生产责任事故起数 1`.
    func values(_ f: Formula) -> String {
        f.metricIDs.map { metricText($0, value($0)) }.joined(separator: lang.t("，", ", "))
    }

    /// The unit whose metric values `inputs` and `note` read; set with `forUnit`.
    private(set) var unit = 0

    func value(_ metric: String) -> Rational? {
        guard let values else { return nil }
        return metricIndex[metric].flatMap { values.value(metric: $0, unit: unit) }
    }

    /// A narrator reading one unit's metrics.
    public func forUnit(_ u: Int) -> Narrator {
        var n = self
        n.unit = u
        return n
    }

    /// The one-line note on a score sheet: how the points came about.
    public func note(_ r: StandardResult, _ s: Standard) -> String {
        switch r.status {
        case .notAssessable(let reason):
            return reasonText(reason, s) + lang.t("，", "; ") + fallbackText(r, s)
        case .insufficientBallots(let count, let needed):
            return lang.t("有效票 \(count) 张，少于 \(needed) 张，票数不足", "\(count) ballot\(count == 1 ? "" : "s"), fewer than \(needed): insufficient")
                + lang.t("，", "; ") + fallbackText(r, s)
        case .scored:
            break
        }
        return s.method.rule.note(r, s, self) ?? earned(r, s)
    }

    /// `7 票，去掉最高 9（R05）、最低 5（R09），其余 5 票平均 7.3`
    func ballotText(_ d: BallotDetail) -> String {
        let n = d.kept.count + d.droppedLow.count + d.droppedHigh.count
        let rep = { (i: Int) in i < self.representatives.count ? self.representatives[i].id : "#\(i)" }
        let names = namesRepresentatives
        let scores = { (list: [BallotScore]) in
            list.map { "\(fmt.points($0.score))" + (names ? "（\(rep($0.representative))）" : "") }.joined(separator: "、")
        }
        let scoresEN = { (list: [BallotScore]) in
            list.map { "\(fmt.points($0.score))" + (names ? " (\(rep($0.representative)))" : "") }.joined(separator: ", ")
        }
        let result = d.result.map { $0.plainText(maxPlaces: 4) } ?? "—"
        if let k = d.trimmed {
            return lang.t("\(n) 票，去掉最高 \(scores(d.droppedHigh))、最低 \(scores(d.droppedLow))，其余 \(d.kept.count) 票平均 \(result)",
                          "\(n) ballots, dropped highest \(scoresEN(d.droppedHigh)) and lowest \(scoresEN(d.droppedLow)) (k = \(k)), mean of the other \(d.kept.count) is \(result)")
        }
        return d.aggregate.resultWords(count: n, result: result, lang: lang)
    }

    /// What `bands` and `linear` compare, as their notes begin: the value read, named by the
    /// standard when it is a ratio (`集体合同签订率 已签订 52 / 已建会 55 = 94.55%`). `fmt`: the
    /// formatter the note compares with.
    func inputLabel(_ input: MetricInput, _ s: Standard, value: Rational, numerator: Rational?, denominator: Rational?,
                    fmt: ValueFormatter) -> String {
        (input.isRatio ? "\(s.name) " : "") + fmt.inputValue(input, value: value, numerator: numerator, denominator: denominator)
    }

    /// `已建会企业数 为 0，按规则：`
    func zeroDenominator(_ input: MetricInput, _ n: Rational?, _ d: Rational?) -> String {
        guard case .ratio(let r) = input else { return "" }
        return lang.t("\(fmt.metricName(r.numerator)) \(n?.plainText() ?? "?") / \(fmt.metricName(r.denominator)) 0，分母为 0，按规则",
                      "\(fmt.metricName(r.numerator)) \(n?.plainText() ?? "?") / \(fmt.metricName(r.denominator)) 0: zero denominator, by the rule ")
    }

    func reasonText(_ reason: NotAssessableReason, _ s: Standard) -> String {
        switch reason {
        case .precondition:
            let note = s.precondition?.note.map { "（\($0)）" } ?? ""
            // The same words for every unit (`SessionWarnings` groups units by them): the
            // condition by name, without this unit's values.
            let when = s.precondition.map { $0.when.readable(rules, lang: lang) } ?? ""
            return lang.t("前提条件 \(when) 不满足\(note)", "precondition `\(when)` not met\(note)")
        case .missingMetric(let m): return lang.t("缺少指标 \(fmt.metricName(m))（\(m)）", "metric \(fmt.metricName(m)) (`\(m)`) is missing")
        case .zeroDenominator(let m): return lang.t("\(fmt.metricName(m)) 为 0，无法计算比率", "\(fmt.metricName(m)) is 0, no ratio")
        case .divisionByZero: return lang.t("公式中出现除以 0", "the formula divides by zero")
        case .valueTooLarge: return lang.t("公式中的值超出了能精确计算的范围（绝对值须小于 9.2×10¹⁸）", "a value in the formula is beyond what kaimen computes exactly (its magnitude must be below 9.2·10¹⁸)")
        case .noRespondents: return lang.t("无人参与测评", "nobody took part in the survey")
        case .participationBelow(let rate, let min):
            let fmt = fmt.comparing(rate, with: [min])
            return lang.t("参与率 \(fmt.percent(rate)) < \(fmt.percent(min))，不予测评", "participation \(fmt.percent(rate)) < \(fmt.percent(min)), not assessed")
        }
    }

    func fallbackText(_ r: StandardResult, _ s: Standard) -> String {
        fallbackText(raw: r.raw, prorated: r.prorated, s)
    }

    func fallbackText(raw: Rational, prorated: Bool, _ s: Standard) -> String {
        if prorated { return lang.t("不计入，本方面其余标准按比例折算", "left out; the rest of its area is scaled up") }
        if raw == s.points && !s.points.isZero { return lang.t("按规则计满分 \(fmt.points(s.points)) 分", "scored full \(fmt.points(s.points)) points by the rule") }
        return lang.t("按规则计 \(fmt.points(raw)) 分（满分 \(fmt.points(s.points)) 分）", "scored \(fmt.points(raw)) of \(fmt.points(s.points)) by the rule")
    }
}
