/// `bands`: the first band whose threshold the value reaches (≥ for `min` bands, ≤ for `max`
/// bands) scores its points; none reached scores `otherwise`. On a metric, a threshold that
/// is exact at the metric's scale is compared with its mantissa as one integer comparison;
/// otherwise as terms.
struct BandsStep: Sendable {
    var input: InputStep
    /// Into `MethodSteps.bandRows`: the bands, in the rules' order.
    var rows: Range<Int>
    var otherwise: ProgramConstant
    /// `min` bands (value ≥ threshold) rather than `max` bands (value ≤ threshold).
    var atLeast: Bool
    /// On a ratio, whether every band is compared by its cross factors: then, unless tracing,
    /// the ratio's value is never needed, and is not worked out (a division a band).
    var crossOnly: Bool
}

/// One band, compiled.
struct BandRow: Sendable {
    var threshold: Rational
    /// On a metric, the threshold as an integer at the metric's scale (`nil` where it is not
    /// exact there, or the input is a ratio).
    var mantissa: Int64?
    /// On a ratio a / b of two metrics (mantissas at scales s_a and s_b, b > 0) and a threshold
    /// p / q: a / b reaches it when a × (10^s_b × q) compares with b × (p × 10^s_a) the same way,
    /// two products of 64-bit integers that cannot overflow 128 bits. The two factors, `nil`
    /// where either does not fit 64 bits or the input is not a ratio.
    var crossFactors: (numerator: Int64, denominator: Int64)?
    var points: ProgramConstant
}

extension Bands {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        let plan = b.plan, scales = b.scales
        // On a metric, each threshold also as an integer at the metric's scale: v ≥ t exactly
        // when the mantissa is ≥ ⌈t·10^s⌉ (v ≤ t when ≤ ⌊t·10^s⌋), one comparison.
        let rows = bands.map { band in
            var mantissa: Int64?
            var crossFactors: (numerator: Int64, denominator: Int64)?
            switch input {
            case .metric(let id):
                if let m = plan.metricIndex[id], scales[m] < BulkData.pow10.count {
                    let t = band.threshold * Rational(integer: BulkData.pow10[scales[m]])
                    mantissa = t.approximated ? nil : (direction == .atLeast ? t.ceiling : t.floor)
                }
            case .ratio(let r):
                if let a = plan.metricIndex[r.numerator], let b = plan.metricIndex[r.denominator],
                   scales[a] < BulkData.pow10.count, scales[b] < BulkData.pow10.count, !band.threshold.approximated {
                    let (l, lo) = BulkData.pow10[scales[b]].multipliedReportingOverflow(by: band.threshold.denominator)
                    let (rt, ro) = band.threshold.numerator.multipliedReportingOverflow(by: BulkData.pow10[scales[a]])
                    if !lo && !ro { crossFactors = (l, rt) }
                }
            }
            return BandRow(threshold: band.threshold, mantissa: mantissa, crossFactors: crossFactors, points: ProgramConstant(band.points))
        }
        let start = b.methods.bandRows.count
        b.methods.bandRows += rows
        let step = BandsStep(input: b.input(input), rows: start ..< b.methods.bandRows.count, otherwise: ProgramConstant(otherwise),
                             atLeast: direction == .atLeast, crossOnly: input.isRatio && rows.allSatisfy { $0.crossFactors != nil })
        return .bands(MethodSteps.add(step, to: &b.methods.bands))
    }
}

extension UnitScorer {
    @inline(__always) mutating func bands(_ b: BandsStep, max: ProgramConstant) -> KernelOutcome<N>? {
        // A ratio every band compares by cross factors, with a positive denominator: its bands
        // decide without its value.
        if b.crossOnly && !tracing, case .ratio(let nm, let dm, _) = b.input {
            let a = mantissa(nm), d = mantissa(dm)
            if a != BulkData.missing && d != BulkData.missing && d > 0 {
                guard let band = firstBand(b, onMetric: nil, onRatio: (a, d), value: nil) else { return nil }
                return scored(b, band)
            }
        }
        guard let (input, num, den) = read(b.input, max: max) else { return nil }
        switch input {
        case .notAssessed(let cause):
            if tracing { detail = .bands(value: nil, numerator: num, denominator: den, band: nil) }
            return .notAssessed(cause)
        case .zeroPoints(let c):
            if tracing { detail = .bands(value: nil, numerator: num, denominator: den, band: nil) }
            return N(constant: c).map { .scored($0) }
        case .value(let v):
            var onMetric: Int64?, onRatio: (a: Int64, b: Int64)?
            switch b.input {
            case .metric(let m): onMetric = mantissa(m)
            case .ratio(let nm, let dm, _):
                let d = mantissa(dm)
                if d > 0 { onRatio = (mantissa(nm), d) }
            }
            guard let band = firstBand(b, onMetric: onMetric, onRatio: onRatio, value: v) else { return nil }
            if tracing { detail = .bands(value: v.exact, numerator: num, denominator: den, band: band.map { $0 - b.rows.lowerBound }) }
            return scored(b, band)
        }
    }

    /// The points of `band` (a row of `b`'s), or `otherwise` when none was reached.
    @inline(__always) private func scored(_ b: BandsStep, _ band: Int?) -> KernelOutcome<N>? {
        N(constant: band.map { program.methods.bandRows[$0].points } ?? b.otherwise).map { .scored($0) }
    }

    /// The first of `b`'s bands the value reaches (its row), `.some(nil)` when it reaches none,
    /// `nil` when this number form cannot tell. A band is compared by the metric's mantissa or
    /// the ratio's cross factors where it has them, else as a term (`value`, which must then be
    /// given).
    @inline(__always) private func firstBand(_ b: BandsStep, onMetric: Int64?, onRatio: (a: Int64, b: Int64)?, value v: N.Term?) -> Int?? {
        for k in b.rows {
            let reached: Bool
            if let x = onMetric, let t = program.methods.bandRows[k].mantissa {
                reached = b.atLeast ? x >= t : x <= t
            } else if let r = onRatio, let f = program.methods.bandRows[k].crossFactors {
                let left = Int128(r.a) * Int128(f.numerator), right = Int128(r.b) * Int128(f.denominator)
                reached = b.atLeast ? left >= right : left <= right
            } else {
                let t = N.Term(program.methods.bandRows[k].threshold)
                guard let v, let r = b.atLeast ? v.isAtLeast(t) : v.isAtMost(t) else { return nil }
                reached = r
            }
            if reached { return .some(k) }
        }
        return .some(nil)
    }
}

extension Bands {
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .bands(let v, let num, let den, _) = r.detail else { return nil }
        return n.fmt.inputValue(input, value: v, numerator: num, denominator: den)
    }

    /// `已签订 52 / 已建会 55 = 94.55% < 95%，≥ 90%：得 2 分（满分 3 分）`
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .bands(let v, let num, let den, let band) = r.detail else { return nil }
        let lang = n.lang
        guard let v else { return n.zeroDenominator(input, num, den) + n.earned(r, s) }
        let compared = band.map { i in [bands[i].threshold] + (i > 0 ? [bands[i - 1].threshold] : []) } ?? [bands.last!.threshold]
        let fmt = n.fmt.comparing(v, with: compared)
        let label = n.inputLabel(input, s, value: v, numerator: num, denominator: den, fmt: fmt)
        let ge = direction == .atLeast ? "≥" : "≤", lt = direction == .atLeast ? "<" : ">"
        var cmp: String
        if let i = band {
            cmp = (i > 0 ? " \(lt) \(fmt.threshold(bands[i - 1].threshold, input: input))，" : " ") + "\(ge) \(fmt.threshold(bands[i].threshold, input: input))"
        } else {
            cmp = " \(lt) \(fmt.threshold(bands.last!.threshold, input: input))"
        }
        if lang == .en { cmp = cmp.replacingOccurrences(of: "，", with: ", ") }
        return label + cmp + lang.t("：", ": ") + n.earned(r, s)
    }
}
