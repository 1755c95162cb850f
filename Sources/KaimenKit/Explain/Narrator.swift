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

    public init(session: ScoringSession, lang: Language = .zh) {
        self.rules = session.rules
        self.values = .table(session.table)
        self.metricIndex = session.plan.metricIndex
        self.representatives = session.representatives
        self.lang = lang
        self.fmt = ValueFormatter(rules: session.rules, lang: lang)
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
        var text = lang.t("得 \(fmt.points(r.raw)) 分（满分 \(fmt.points(s.points)) 分）",
                          "\(fmt.points(r.raw)) of \(fmt.points(s.points)) points")
        if r.points != r.raw && !r.prorated {
            text += lang.t("，按权重折算 \(fmt.points(r.points)) 分", ", weighted to \(fmt.points(r.points))")
        }
        return text
    }

    /// The values a standard read, e.g. `已签订 52 / 已建会 55 = 94.55%`.
    public func inputs(_ r: StandardResult, _ s: Standard) -> String {
        switch (s.method, r.detail) {
        case (.bands(let b), .bands(let v, let n, let d, _)): return fmt.inputValue(b.input, value: v, numerator: n, denominator: d)
        case (.linear(let l), .linear(let v, let n, let d)): return fmt.inputValue(l.input, value: v, numerator: n, denominator: d)
        case (.count(let c), .count(let v)): return "\(fmt.metricName(c.metric)) \(fmt.metric(c.metric, v))"
        case (.presence(let m), .presence(let v)): return "\(fmt.metricName(m)) \(fmt.metric(m, v))"
        case (.checklist(let items), .checklist(let met)):
            return zip(items, met).map { "\($0.name)\($1 ? "✓" : "✗")" }.joined(separator: " ")
        case (.ballot, .ballot(let d)):
            let all = (d.droppedLow + d.kept + d.droppedHigh).sorted { $0.representative < $1.representative }
            return lang.t("\(all.count) 张有效票：", "\(all.count) ballots: ") + all.map { fmt.points($0.score) }.joined(separator: ", ")
        case (.survey, .survey(let sa, let ba, let da, let pop, let rate)):
            var text = lang.t("满意 \(sa.plainText())、基本满意 \(ba.plainText())、不满意 \(da.plainText())",
                              "satisfied \(sa.plainText()), fairly \(ba.plainText()), dissatisfied \(da.plainText())")
            if let pop, let rate { text += lang.t("；参与 \((sa + ba + da).plainText())/\(pop.plainText()) = \(fmt.percent(rate))",
                                                  "; took part \((sa + ba + da).plainText())/\(pop.plainText()) = \(fmt.percent(rate))") }
            return text
        case (.expression(let f), _):
            return f.metricIDs.map { "\(fmt.metricName($0)) \(fmt.metric($0, value($0)))" }.joined(separator: "，")
        default:
            return s.metricIDs.map { "\(fmt.metricName($0)) \(fmt.metric($0, value($0)))" }.joined(separator: "，")
        }
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
            return lang.t("有效票 \(count) 张，少于 \(needed) 张，票数不足", "\(count) ballots, fewer than \(needed): insufficient")
                + lang.t("，", "; ") + fallbackText(r, s)
        case .scored:
            break
        }
        switch (s.method, r.detail) {
        case (.bands(let b), .bands(let v, let n, let d, let band)):
            guard let v else { return zeroDenominator(b.input, n, d) + earned(r, s) }
            let compared = band.map { i in [b.bands[i].threshold] + (i > 0 ? [b.bands[i - 1].threshold] : []) } ?? [b.bands.last!.threshold]
            let fmt = fmt.comparing(v, with: compared)
            let label = (b.input.isRatio ? "\(s.name) " : "") + fmt.inputValue(b.input, value: v, numerator: n, denominator: d)
            let ge = b.direction == .atLeast ? "≥" : "≤", lt = b.direction == .atLeast ? "<" : ">"
            var cmp: String
            if let i = band {
                cmp = (i > 0 ? " \(lt) \(fmt.threshold(b.bands[i - 1].threshold, input: b.input))，" : " ") + "\(ge) \(fmt.threshold(b.bands[i].threshold, input: b.input))"
            } else {
                cmp = " \(lt) \(fmt.threshold(b.bands.last!.threshold, input: b.input))"
            }
            if lang == .en { cmp = cmp.replacingOccurrences(of: "，", with: ", ") }
            return label + cmp + lang.t("：", ": ") + earned(r, s)
        case (.linear(let l), .linear(let v, let n, let d)):
            guard let v else { return zeroDenominator(l.input, n, d) + earned(r, s) }
            let label = (l.input.isRatio ? "\(s.name) " : "") + fmt.inputValue(l.input, value: v, numerator: n, denominator: d)
            let range = "\(fmt.threshold(l.floor, input: l.input))–\(fmt.threshold(l.target, input: l.input))"
            return label + lang.t("，在 \(range) 间按比例：", ", linear over \(range): ") + earned(r, s)
        case (.count(let c), .count(let v)):
            let product = v * c.perUnit
            let capped = product > s.points
            return "\(fmt.metricName(c.metric)) \(fmt.metric(c.metric, v)) × \(c.perUnit.plainText()) = \(fmt.points(product))"
                + (capped ? lang.t("，封顶", ", capped") : "") + lang.t("：", ": ") + earned(r, s)
        case (.checklist, .checklist):
            return inputs(r, s) + lang.t("：", ": ") + earned(r, s)
        case (.presence(let m), .presence(let v)):
            return "\(fmt.metricName(m))\(lang.t("：", ": "))\(fmt.metric(m, v))" + lang.t("，", ", ") + earned(r, s)
        case (.ballot, .ballot(let d)):
            return ballotText(d) + lang.t("：", ": ") + earned(r, s)
        case (.survey(let sv), .survey(let sa, let ba, let da, _, _)):
            let respondents = sa + ba + da
            let formula = "(\(sv.weights.satisfied.plainText())×\(sa.plainText()) + \(sv.weights.basic.plainText())×\(ba.plainText()) + \(sv.weights.dissatisfied.plainText())×\(da.plainText())) / \(respondents.plainText()) × \(fmt.points(s.points))"
            return inputs(r, s) + lang.t("；", "; ") + formula + lang.t("：", ": ") + earned(r, s)
        case (.expression(let f), .expression(let v)):
            return "\(f.text) = \(v.map { $0.plainText(maxPlaces: 4) } ?? "?")" + lang.t("：", ": ") + earned(r, s)
        default:
            return earned(r, s)
        }
    }

    /// `7 票，去掉最高 9（R05）、最低 5（R09），其余 5 票平均 7.3`
    func ballotText(_ d: BallotDetail) -> String {
        let n = d.kept.count + d.droppedLow.count + d.droppedHigh.count
        let rep = { (i: Int) in i < self.representatives.count ? self.representatives[i].id : "#\(i)" }
        let scores = { (list: [BallotScore]) in list.map { "\(fmt.points($0.score))（\(rep($0.representative))）" }.joined(separator: "、") }
        let scoresEN = { (list: [BallotScore]) in list.map { "\(fmt.points($0.score)) (\(rep($0.representative)))" }.joined(separator: ", ") }
        let result = d.result.map { $0.plainText(maxPlaces: 4) } ?? "—"
        switch d.aggregate {
        case .median:
            return lang.t("\(n) 票取中位数 \(result)", "median of \(n) ballots \(result)")
        case .mean, .trimmedMean:
            if let k = d.trimmed {
                return lang.t("\(n) 票，去掉最高 \(scores(d.droppedHigh))、最低 \(scores(d.droppedLow))，其余 \(d.kept.count) 票平均 \(result)",
                              "\(n) ballots, dropped highest \(scoresEN(d.droppedHigh)) and lowest \(scoresEN(d.droppedLow)) (k = \(k)), mean of the other \(d.kept.count) is \(result)")
            }
            return lang.t("\(n) 票平均 \(result)", "mean of \(n) ballots \(result)")
        }
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
            return lang.t("前提条件 \(s.precondition?.when.text ?? "") 不满足\(note)", "precondition `\(s.precondition?.when.text ?? "")` not met\(note)")
        case .missingMetric(let m): return lang.t("缺少指标 \(fmt.metricName(m))（\(m)）", "metric \(fmt.metricName(m)) (`\(m)`) is missing")
        case .zeroDenominator(let m): return lang.t("\(fmt.metricName(m)) 为 0，无法计算比率", "\(fmt.metricName(m)) is 0, no ratio")
        case .divisionByZero: return lang.t("公式中出现除以 0", "the formula divides by zero")
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

extension MetricInput {
    var isRatio: Bool { if case .ratio = self { return true } else { return false } }
}
