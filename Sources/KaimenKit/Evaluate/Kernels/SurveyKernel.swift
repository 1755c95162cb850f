/// `survey`: max × (w₁·satisfied + w₂·basic + w₃·dissatisfied) / respondents, within
/// [0, max]; not assessable below the participation minimum (respondents / population).
struct SurveyStep: Sendable {
    var satisfied: Int
    var basic: Int
    var dissatisfied: Int
    var weights: (satisfied: Rational, basic: Rational, dissatisfied: Rational)
    /// The population metric and the minimum participation rate, when the rules set one.
    var population: Int?
    var minParticipation: Rational
}

extension Survey {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        let m = b.plan.metricIndex
        let step = SurveyStep(satisfied: m[satisfied]!, basic: m[basic]!, dissatisfied: m[dissatisfied]!,
                              weights: weights, population: participation.map { m[$0.population]! },
                              minParticipation: participation?.min ?? .zero)
        return .survey(MethodSteps.add(step, to: &b.methods.survey))
    }
}

extension UnitScorer {
    mutating func survey(_ s: SurveyStep, max: ProgramConstant) -> KernelOutcome<N>? {
        guard let sa = term(s.satisfied) else { return .notAssessed(.missing(s.satisfied)) }
        guard let ba = term(s.basic) else { return .notAssessed(.missing(s.basic)) }
        guard let da = term(s.dissatisfied) else { return .notAssessed(.missing(s.dissatisfied)) }
        guard let both = sa.plus(ba), let respondents = both.plus(da) else { return nil }
        var population: N.Term?, rate: N.Term?
        func surveyDetail() -> ScoringDetail {
            .survey(satisfied: sa.exact, basic: ba.exact, dissatisfied: da.exact, population: population?.exact, rate: rate?.exact)
        }
        if let pm = s.population {
            guard let pop = term(pm) else { return .notAssessed(.missing(pm)) }
            population = pop
            if pop.isZero {
                if tracing { detail = surveyDetail() }
                return .notAssessed(.zeroDenominator(pm))
            }
            guard let r = respondents.over(pop), let below = r.compared(to: N.Term(s.minParticipation)) else { return nil }
            rate = r
            if below < 0 {
                if tracing { detail = surveyDetail() }
                return .notAssessed(.participation(rate: r.exact))
            }
        }
        if tracing { detail = surveyDetail() }
        if respondents.isZero { return .notAssessed(.noRespondents) }
        guard let x1 = N.Term(s.weights.satisfied).times(sa), let x2 = N.Term(s.weights.basic).times(ba),
              let x3 = N.Term(s.weights.dissatisfied).times(da), let x12 = x1.plus(x2), let weighted = x12.plus(x3),
              let share = weighted.over(respondents), let top = Optional(N.Term(max.exact)), let p = top.times(share),
              let limited = p.limited(N.Term(.zero), top), let points = N(term: limited) else { return nil }
        return .scored(points)
    }
}

extension Survey {
    /// `满意 40、基本满意 10、不满意 2；参与 52/60 = 86.67%`
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .survey(let sa, let ba, let da, let pop, let rate) = r.detail else { return nil }
        let lang = n.lang
        var text = lang.t("满意 \(sa.plainText())、基本满意 \(ba.plainText())、不满意 \(da.plainText())",
                          "satisfied \(sa.plainText()), fairly \(ba.plainText()), dissatisfied \(da.plainText())")
        if let pop, let rate { text += lang.t("；参与 \((sa + ba + da).plainText())/\(pop.plainText()) = \(n.fmt.percent(rate))",
                                              "; took part \((sa + ba + da).plainText())/\(pop.plainText()) = \(n.fmt.percent(rate))") }
        return text
    }

    /// The inputs, then `(1×40 + 0.6×10 + 0×2) / 52 × 3`, then what it earned.
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .survey(let sa, let ba, let da, _, _) = r.detail else { return nil }
        let lang = n.lang
        let respondents = sa + ba + da
        let formula = "(\(weights.satisfied.plainText())×\(sa.plainText()) + \(weights.basic.plainText())×\(ba.plainText()) + \(weights.dissatisfied.plainText())×\(da.plainText())) / \(respondents.plainText()) × \(n.fmt.points(s.points))"
        return n.inputs(r, s) + lang.t("；", "; ") + formula + lang.t("：", ": ") + n.earned(r, s)
    }
}
