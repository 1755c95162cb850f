/// Turns each standard of the rules into its `StandardStep`. Each method compiles its own step
/// into `methods` (`MethodRule.compile`, in its kernel's file).
struct ProgramBuilder {
    let plan: ScoringPlan
    let scales: [Int]
    var formulas: [CompiledFormula] = []
    var comparisons: [FormulaComparison?] = []
    var methods = MethodSteps()

    init(plan: ScoringPlan, scales: [Int]) {
        self.plan = plan
        self.scales = scales
    }

    mutating func formula(_ f: CompiledFormula) -> Int {
        formulas.append(f)
        comparisons.append(FormulaComparison(f, scales: scales))
        return formulas.count - 1
    }

    mutating func step(_ s: Standard, item: Int?, factor: Rational, fallback: NotAssessable) -> StandardStep {
        let method = s.method.rule.compile(&self, ballotItem: item)
        return StandardStep(method: method, max: ProgramConstant(s.points), precondition: s.precondition.map { formula($0.when.compiled) },
                            factor: factor, isWeighted: !factor.isOne, maxPoints: s.points * factor, fallback: fallback,
                            readsBallots: item != nil)
    }
}
