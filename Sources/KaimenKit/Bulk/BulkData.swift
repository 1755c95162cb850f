/// The compact, column-major form of a session's input that the bulk path scores: built by
/// the byte-level readers, read by `BulkScorer`. Sizes are per unit, so a million units fit
/// in memory.

/// Metric values by metric, as decimal mantissas at one scale per metric:
/// value = `mantissas[m][u]` × 10^−`scales[m]`. `BulkData.missing` marks a value that is
/// missing and, by the metric's `missing` rule, not assessable (`zero` is stored as 0; a
/// missing value under `error` never gets here: the reader hands over to the checked path).
public struct MetricColumns: Sendable {
    public var unitCount: Int
    /// Decimal places of each metric's mantissas (0 for counts and flags).
    public var scales: [Int]
    public var mantissas: [[Int64]]

    public init(unitCount: Int, scales: [Int], mantissas: [[Int64]]) {
        self.unitCount = unitCount
        self.scales = scales
        self.mantissas = mantissas
    }

    /// The exact value, or `nil` when missing.
    public func value(metric m: Int, unit u: Int) -> Rational? {
        let x = mantissas[m][u]
        if x == BulkData.missing { return nil }
        return scales[m] == 0 ? Rational(integer: x) : Rational(x, BulkData.pow10[scales[m]])
    }

    /// Calls `body` with a pointer to each metric's mantissas (nested, so every pointer is
    /// valid throughout the call).
    func withPointers<R>(_ body: (UnsafeBufferPointer<UnsafePointer<Int64>>) -> R) -> R {
        var pointers: [UnsafePointer<Int64>] = []
        pointers.reserveCapacity(mantissas.count)
        func nest(_ i: Int) -> R {
            if i == mantissas.count { return pointers.withUnsafeBufferPointer(body) }
            return mantissas[i].withUnsafeBufferPointer { buf in
                pointers.append(buf.baseAddress ?? UnsafePointer(bitPattern: 8)!)
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

/// Counted ballots per unit and ballot item, sorted, without who cast them (the checked path
/// keeps that, for `explain`).
///
/// Scores are mantissas at `scale` decimals (score = mantissa × 10^−scale). For each
/// `(unit, item)` at index `i = unit * itemCount + item`, the counted scores are
/// `scores[offsets[i] ..< offsets[i + 1]]`, sorted ascending.
public struct BallotColumns: Sendable {
    public var itemCount: Int
    public var scale: Int
    public var offsets: [Int32]
    public var scores: [Int16]
    /// Ballots representatives cast for their own unit: set aside, in input order.
    public var recusals: [RecusalViolation]

    public init(itemCount: Int, scale: Int, offsets: [Int32], scores: [Int16], recusals: [RecusalViolation]) {
        self.itemCount = itemCount
        self.scale = scale
        self.offsets = offsets
        self.scores = scores
        self.recusals = recusals
    }
}

public enum BulkData {
    /// Marks a missing (not assessable) metric value.
    public static let missing = Int64.min
    public static let pow10: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { a, _ in a * 10 } }
}
