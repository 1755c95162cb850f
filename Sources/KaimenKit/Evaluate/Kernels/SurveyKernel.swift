/// `survey`: max × (w₁·satisfied + w₂·basic + w₃·dissatisfied) / respondents, within
/// [0, max]; not assessable below the participation minimum (respondents / population).
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
                return .notAssessed(.participation(rate: r.exact, min: s.minParticipation))
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
