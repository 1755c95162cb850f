/// The compact, column-major form of a session's input that the bulk path scores: built by
/// the byte-level readers, read by `BulkScorer`. Sizes are per unit, so a million units fit
/// in memory.

/// Metric values by metric, as decimal mantissas at one scale per metric:
/// value = mantissa × 10^−`scales[m]`. `BulkData.missing` marks a value that is missing and, by
/// the metric's `missing` rule, not assessable (`zero` is stored as 0; a missing value under
/// `error` never gets here: the reader hands over to the checked path).
///
/// A column is kept as `Int64` (`wide[m]`) or, after `narrow()`, as `Int32` (`narrow[m]`, with
/// `Int32.min` for missing) when every value fits: half the memory for most metrics.
public struct MetricColumns: Sendable {
    public var unitCount: Int
    /// Decimal places of each metric's mantissas (0 for counts and flags).
    public var scales: [Int]
    public private(set) var wide: [[Int64]]
    public private(set) var narrow: [[Int32]]

    public init(unitCount: Int, scales: [Int], mantissas: [[Int64]]) {
        self.unitCount = unitCount
        self.scales = scales
        self.wide = mantissas
        self.narrow = Array(repeating: [], count: mantissas.count)
    }

    /// Columns already narrow: `narrow[m]` holds metric `m`'s values, `Int32.min` for missing.
    init(unitCount: Int, scales: [Int], narrow: [[Int32]]) {
        self.unitCount = unitCount
        self.scales = scales
        self.wide = Array(repeating: [], count: narrow.count)
        self.narrow = narrow
    }

    public var metricCount: Int { scales.count }
    public func isNarrow(_ m: Int) -> Bool { wide[m].isEmpty && unitCount > 0 }

    public func mantissa(metric m: Int, unit u: Int) -> Int64 {
        if isNarrow(m) {
            let x = narrow[m][u]
            return x == Int32.min ? BulkData.missing : Int64(x)
        }
        return wide[m][u]
    }

    /// The exact value, or `nil` when missing.
    public func value(metric m: Int, unit u: Int) -> Rational? {
        let x = mantissa(metric: m, unit: u)
        if x == BulkData.missing { return nil }
        return scales[m] == 0 ? Rational(integer: x) : Rational(x, BulkData.pow10[scales[m]])
    }

    /// Stores every column whose values all fit in `Int32` as `Int32`, one column at a time.
    public mutating func narrowColumns() {
        for m in wide.indices where !wide[m].isEmpty {
            let fits = wide[m].allSatisfy { $0 == BulkData.missing || ($0 > Int64(Int32.min) && $0 <= Int64(Int32.max)) }
            guard fits else { continue }
            narrow[m] = wide[m].map { $0 == BulkData.missing ? Int32.min : Int32($0) }
            wide[m] = []
        }
    }

    /// Calls `body` with a pointer to each metric's column, wide or narrow (nested, so every
    /// pointer is valid throughout the call).
    func withPointers<R>(_ body: (_ wide: UnsafeBufferPointer<UnsafePointer<Int64>?>, _ narrow: UnsafeBufferPointer<UnsafePointer<Int32>?>) -> R) -> R {
        var w: [UnsafePointer<Int64>?] = [], n: [UnsafePointer<Int32>?] = []
        func nest(_ i: Int) -> R {
            if i == wide.count { return w.withUnsafeBufferPointer { wb in n.withUnsafeBufferPointer { nb in body(wb, nb) } } }
            if isNarrow(i) {
                return narrow[i].withUnsafeBufferPointer { buf in
                    w.append(nil); n.append(buf.baseAddress)
                    return nest(i + 1)
                }
            }
            return wide[i].withUnsafeBufferPointer { buf in
                w.append(buf.baseAddress); n.append(nil)
                return nest(i + 1)
            }
        }
        return nest(0)
    }
}

/// The units' identities, in input order.
public struct UnitIdentities: Sendable {
    public var ids: [String]
    public var names: [String]
    public var categories: [String]
    /// The line each unit was read from (for messages that name a unit's row).
    public var lines: [Int32]

    public init(ids: [String], names: [String], categories: [String], lines: [Int32]) {
        self.ids = ids
        self.names = names
        self.categories = categories
        self.lines = lines
    }
}

/// Counted ballots per unit and ballot item, sorted; who cast them only on request.
///
/// Scores are mantissas at `scale` decimals (score = mantissa × 10^−scale). For each
/// `(unit, item)` at index `i = unit * itemCount + item`, the counted scores are
/// `scores[offsets[i] ..< offsets[i + 1]]`, sorted ascending.
public struct BallotColumns: Sendable {
    public var itemCount: Int
    public var scale: Int
    public var offsets: [Int32]
    public var scores: [Int16]
    /// When a score does not fit in 16 bits at `scale` (the checked readers allow any): every
    /// score here instead, and `scores` empty.
    public var wideScores: [Int64] = []
    /// Set when the scores are not all decimals (a what-if's centred scores): score =
    /// mantissa / `denominator` instead of mantissa × 10^−`scale`.
    public var denominator: Int64?
    /// Ballots representatives cast for their own unit: set aside, in input order.
    public var recusals: [RecusalViolation]
    /// A wide file's empty score cells (not ballots), of which the run warns (`blank-score`).
    public var blankCells = BlankCells()
    /// Parallel to `scores` when asked for (`keepRepresentatives`), else empty: the roster
    /// index of who cast each counted ballot. Within each (unit, item) the ballots are then
    /// sorted by (score, representative), the order `BallotAggregator` uses.
    public var representatives: [Int32]

    public init(itemCount: Int, scale: Int, offsets: [Int32], scores: [Int16], recusals: [RecusalViolation],
                representatives: [Int32] = []) {
        self.itemCount = itemCount
        self.scale = scale
        self.offsets = offsets
        self.scores = scores
        self.recusals = recusals
        self.representatives = representatives
    }

    /// The score at index `j`, as a mantissa at `scale`.
    @inline(__always) func score(_ j: Int) -> Int64 {
        wideScores.isEmpty ? Int64(scores[j]) : wideScores[j]
    }

    /// What a score mantissa is divided by.
    var unit: Int64 { denominator ?? BulkData.power10(scale) }

    /// Who cast the ballot at index `j`: the roster index when kept, else its place in its
    /// run (`first` is the run's start).
    func representative(at j: Int, first: Int) -> Int {
        representatives.isEmpty ? j - first : Int(representatives[j])
    }
}

public enum BulkData {
    /// Marks a missing (not assessable) metric value.
    public static let missing = Int64.min
    public static let pow10: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { a, _ in a * 10 } }

    /// 10^`n` for 0 ≤ `n` ≤ 18 (0 beyond): `pow10[n]` without the array, for the scorer's inner
    /// loops, where reaching a global array costs a call to its one-time initializer each time.
    /// A switch of constants, which the compiler makes a table in the binary.
    @inline(__always)
    static func power10(_ n: Int) -> Int64 {
        switch n {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        case 18: return 1_000_000_000_000_000_000
        default: return 0
        }
    }
}
