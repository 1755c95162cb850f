/// Many units' points as integers at the rules' precision, stored in 16 bits when the rules
/// cannot produce a value above 32 767 (a 100-point scheme at precision 2), in 32 bits when
/// they cannot pass 2 147 483 647 (any real criteria: 21 million points at precision 2), in 64
/// bits otherwise. At a million units and forty standards, 16 bits is 240 MB less than 64, and
/// 80 MB fewer fresh pages than 32, each of which the kernel must clear first.
public struct ScaledColumn: Sendable, Equatable {
    /// How many bits each value takes.
    public enum Width: Sendable, Equatable {
        case short, narrow, wide
    }
    public let width: Width
    var short: [Int16]
    var narrow: [Int32]
    var wide: [Int64]

    /// - Parameter filledLater: the caller writes every value before any is read (see `LargeArray.make`).
    public init(count: Int, width: Width, filledLater: Bool = false) {
        self.width = width
        short = width == .short ? LargeArray.make(repeating: 0, count: count, filledLater: filledLater) : []
        narrow = width == .narrow ? LargeArray.make(repeating: 0, count: count, filledLater: filledLater) : []
        wide = width == .wide ? LargeArray.make(repeating: 0, count: count, filledLater: filledLater) : []
    }

    public var count: Int {
        switch width {
        case .short: short.count
        case .narrow: narrow.count
        case .wide: wide.count
        }
    }

    /// How many values share a 64-byte cache line.
    var perCacheLine: Int {
        switch width {
        case .short: 32
        case .narrow: 16
        case .wide: 8
        }
    }

    public subscript(_ i: Int) -> Int64 {
        switch width {
        case .short: Int64(short[i])
        case .narrow: Int64(narrow[i])
        case .wide: wide[i]
        }
    }

    /// For each of `rows` in turn, its values at `row * stride + c` for each `c` of `columns`,
    /// written into `out` from its start (`out` has room for `rows.count * columns.count`).
    /// The width is looked at once, not value by value.
    func gather(rows: ArraySlice<Int>, stride: Int, columns: some Collection<Int>, into out: inout [Int64]) {
        func run<T: FixedWidthInteger>(_ values: [T]) {
            var k = 0
            for u in rows {
                let b = u * stride
                for c in columns {
                    out[k] = Int64(values[b + c])
                    k += 1
                }
            }
        }
        switch width {
        case .short: run(short)
        case .narrow: run(narrow)
        case .wide: run(wide)
        }
    }

    /// Reads one value of each cache line that `rows`' values (`stride` of them from
    /// `row * stride`) lie on, the row's last value included, and returns their wrapping sum:
    /// a loop of loads alone, so the lines are on their way together before `gather` needs
    /// them (one row at a time, each copy waited for its own lines).
    func touch(rows: ArraySlice<Int>, stride: Int) -> Int64 {
        guard stride > 0 else { return 0 }
        let step = perCacheLine
        func run<T: FixedWidthInteger>(_ values: [T]) -> Int64 {
            var sum: Int64 = 0
            for u in rows {
                var k = u * stride
                let last = k + stride - 1
                while k < last {
                    sum &+= Int64(values[k])
                    k += step
                }
                sum &+= Int64(values[last])
            }
            return sum
        }
        switch width {
        case .short: return run(short)
        case .narrow: return run(narrow)
        case .wide: return run(wide)
        }
    }

    /// The narrowest width that holds every value `plan` can produce, at the rules' precision:
    /// the sum of all standards' maxima (weighted) bounds any standard's points and any area's
    /// subtotal (deductions take an area down to 0 at most).
    static func width(_ plan: ScoringPlan) -> Width {
        let precision = plan.rules.ranking.precision
        guard precision >= 0 && precision < BulkData.pow10.count else { return .wide }
        var bound = Rational.zero
        for (standard, factor) in zip(plan.rules.standards, plan.factor) { bound += (standard.points * factor).magnitude }
        if bound.approximated { return .wide }
        if bound < Rational(integer: Int64(Int16.max) / BulkData.pow10[precision] - 1) { return .short }
        if bound < Rational(integer: Int64(Int32.max) / BulkData.pow10[precision] - 1) { return .narrow }
        return .wide
    }
}
