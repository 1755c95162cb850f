/// A formula that is one metric compared with a constant (`stations > 0`, most preconditions
/// and vetoes), decided on the column's integers instead of run: the metric's mantissa m at
/// scale s stands for m / 10^s, so it is compared, exactly, as m · d against n · 10^s for the
/// constant n / d.
struct FormulaComparison: Sendable, Equatable {
    let slot: Int
    let op: BinaryOperator
    let left: Int128
    let right: Int128

    init?(_ f: CompiledFormula, scales: [Int]) {
        let code = f.program.code
        guard f.resultType == .boolean, code.count == 3, case .load(let slot) = code[0], case .push(let c) = code[1],
              case .binary(let op) = code[2], [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op),
              slot < scales.count, scales[slot] < BulkData.pow10.count, !c.approximated else { return nil }
        self.slot = slot
        self.op = op
        left = Int128(c.denominator)
        right = Int128(c.numerator) * Int128(BulkData.pow10[scales[slot]])
    }

    /// The formula's result for mantissa `m` (not missing).
    @inline(__always) func result(_ m: Int64) -> Bool {
        let a = Int128(m) * left
        switch op {
        case .equal: return a == right
        case .notEqual: return a != right
        case .less: return a < right
        case .lessEqual: return a <= right
        case .greater: return a > right
        default: return a >= right
        }
    }
}
