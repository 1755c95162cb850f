/// Every unit's result in compact, column-major form: what ranking, the summary and the
/// warnings need, for any number of units. Points are integers at the rules' precision
/// (`8735` is 87.35 at precision 2), already rounded half away from zero from exact values.
///
/// `Engine` fills it, whichever number form scored; `Ranker`, the exports and the warnings read it.
public struct ScoreTable: Sendable, Equatable {
    public let unitCount: Int
    public let areaCount: Int
    public let standardCount: Int
    public let precision: Int

    /// Totals after veto caps.
    public var total: [Int64]
    /// `areas[u * areaCount + a]`: area subtotals (after caps and deductions), in `rules.areas` order.
    public var areas: ScaledColumn
    /// `standards[u * standardCount + s]`: each standard's points as they count (weighted).
    public var standards: ScaledColumn
    public var bonus: [Int64]
    public var deducted: [Int64]
    public var ballotPoints: [Int64]
    /// Indices into `rules.grades`: by total, and after quotas.
    public var gradeByTotal: [UInt8]
    public var grade: [UInt8]
    /// A veto forced the grade.
    public var forced: [Bool]
    /// `(unit, veto)` pairs whose veto held / could not be checked, in unit order.
    public var vetoes: [UnitItem]
    public var vetoesUnchecked: [UnitItem]
    /// Standards that were not assessed or had too few ballots, in unit then standard order.
    public var events: [StandardEvent]
    /// `tieKeys[u * tieBreakCount + k]`: unit `u`'s value for tie-break `k` of the rules (`nil` sorts last).
    public var tieKeys: [Rational?]
    /// By the same index, the exact value of each key that `tieKeys` holds rounded to odd
    /// (`Rational.approximated`: it did not fit 64-bit fractions): few units, if any, have one.
    var wideTieKeys: [Int: BigFraction] = [:]
    public let tieBreakCount: Int
    /// Filled by `Ranker`.
    public var rank: [Int32]
    public var categoryRank: [Int32]

    public struct UnitItem: Sendable, Equatable {
        public var unit: Int32
        public var item: Int32
        /// For a veto not checked: why (`nil` for one that held).
        public var notChecked: VetoNotChecked? = nil
    }

    /// A standard that did not score normally, for the warnings.
    public struct StandardEvent: Sendable, Equatable {
        public var unit: Int32
        public var standard: Int32
        public var status: StandardResult.Status
        /// Its points by the not-assessable rule.
        public var raw: Rational
        public var prorated: Bool
    }

    /// - Parameters:
    ///   - width: how many bits the points need (`ScaledColumn.width`).
    ///   - filledLater: every unit's row will be written (`ScoreRows`) and then ranked before
    ///     anything is read, so the large columns need not be zeroed first (the bulk scorer).
    public init(unitCount: Int, areaCount: Int, standardCount: Int, precision: Int, tieBreaks: Int, width: ScaledColumn.Width,
                filledLater: Bool = false) {
        self.unitCount = unitCount
        self.areaCount = areaCount
        self.standardCount = standardCount
        self.precision = precision
        func column<T>(_ zero: T, _ count: Int = unitCount) -> [T] { LargeArray.make(repeating: zero, count: count, filledLater: filledLater) }
        total = column(0)
        areas = ScaledColumn(count: unitCount * areaCount, width: width, filledLater: filledLater)
        standards = ScaledColumn(count: unitCount * standardCount, width: width, filledLater: filledLater)
        bonus = column(0)
        deducted = column(0)
        ballotPoints = column(0)
        gradeByTotal = column(0)
        grade = column(0)
        forced = column(false)
        vetoes = []
        vetoesUnchecked = []
        events = []
        tieKeys = column(nil, unitCount * tieBreaks)
        tieBreakCount = tieBreaks
        rank = column(0)
        categoryRank = column(0)
    }

    public func tieKey(_ k: Int, unit u: Int) -> Rational? { tieKeys[u * tieBreakCount + k] }

    /// −1, 0 or 1 as unit `a`'s key `k` is below, equal to or above unit `b`'s (both present),
    /// exactly: through `wideTieKeys` where either was rounded.
    func compareTieKeys(_ k: Int, _ a: Int, _ b: Int) -> Int {
        let (i, j) = (a * tieBreakCount + k, b * tieBreakCount + k)
        // Both present: `Ranker` calls this only after binding both keys (`if let x, let y`).
        let (x, y) = (tieKeys[i]!, tieKeys[j]!)
        guard x.approximated || y.approximated else { return x < y ? -1 : (x == y ? 0 : 1) }
        let (a, b) = (wideTieKeys[i] ?? BigFraction(x), wideTieKeys[j] ?? BigFraction(y))
        // First at 10⁻⁴⁰, one division each: keys of a hostile rules file's 50 000-bit fractions
        // took 14 s to sort 200 units when every comparison multiplied them out.
        let first = BigInteger.compare(a.truncated(places: 40), b.truncated(places: 40))
        return first != 0 ? first : BigFraction.compare(a, b)
    }

    /// A scaled value as an exact number: `8735` → 87.35.
    public func value(_ scaled: Int64) -> Rational { Rational(scaled, BulkData.pow10[precision]) }
}
