/// `checklist`: each item whose metric is above 0 scores its points; the sum at most max.
extension UnitScorer {
    mutating func checklist(_ items: Range<Int>, max: ProgramConstant) -> KernelOutcome<N>? {
        var sum = N.zero
        var met: [Bool] = []
        for k in items {
            let m = program.checklistMetrics[k]
            let v = mantissa(m)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            if tracing { met.append(v > 0) }
            if v > 0 {
                guard let p = N(constant: program.checklistPoints[k]) else { return nil }
                sum = sum + p
            }
        }
        if tracing { detail = .checklist(met: met) }
        guard let cap = N(constant: max), let points = N.minimum(sum, cap) else { return nil }
        return .scored(points)
    }
}
