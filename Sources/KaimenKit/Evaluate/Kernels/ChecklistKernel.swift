// `checklist`: each item whose metric is above 0 scores its points; the sum at most max.
// Its step is the range of its items in `MethodSteps.checklistItems`.

/// One checklist item, compiled: its metric and its points.
struct ChecklistRow: Sendable {
    var metric: Int
    var points: ProgramConstant
}

extension Checklist {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        let m = b.plan.metricIndex
        let start = b.methods.checklistItems.count
        b.methods.checklistItems += items.map { ChecklistRow(metric: m[$0.metric]!, points: ProgramConstant($0.points)) }
        return .checklist(items: start ..< b.methods.checklistItems.count)
    }
}

extension UnitScorer {
    mutating func checklist(_ items: Range<Int>, max: ProgramConstant) -> KernelOutcome<N>? {
        var sum = N.zero
        var met: [Bool] = []
        for k in items {
            let m = program.methods.checklistItems[k].metric
            let v = mantissa(m)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            if tracing { met.append(v > 0) }
            if v > 0 {
                guard let p = N(constant: program.methods.checklistItems[k].points) else { return nil }
                sum = sum + p
            }
        }
        if tracing { detail = .checklist(met: met) }
        guard let cap = N(constant: max), let points = N.minimum(sum, cap) else { return nil }
        return .scored(points)
    }
}

extension Checklist {
    /// `建立制度✓ 定期公开✗`
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .checklist(let met) = r.detail else { return nil }
        return zip(items, met).map { "\($0.name)\($1 ? "✓" : "✗")" }.joined(separator: " ")
    }

    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .checklist = r.detail else { return nil }
        return n.inputs(r, s) + n.lang.t("：", ": ") + n.earned(r, s)
    }
}
