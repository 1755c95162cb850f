/// The fast form's memory of kernel outcomes, one scorer's own: for each step whose kernel
/// reads one metric and works out a fraction (`count`, and `linear` on a metric), the outcomes
/// of the last values it saw; and for each ballot step, the outcomes of the last counts and
/// sums of counted scores it saw (`CountedBallots.key`: all its outcome depends on).
///
/// A kernel's outcome is a function of what it reads and of its step's constants, nothing
/// else. So a unit whose value equals an earlier unit's gets that unit's outcome without
/// working it out again: at a million units the counts repeat all the time, and these kernels'
/// fraction arithmetic and division were a fifth of scoring. (Kernels that only compare, like
/// `presence` and `bands` on a metric, are not remembered: a lookup would save them little;
/// nor are those on ratios, whose pairs of values seldom repeat.)
///
/// Only the fast form remembers (the exact form scores the few units handed to it, and
/// `explain`'s, which are traced), only steps without a precondition (a formula may read any
/// metric), and never while tracing. A step's table is direct-mapped: 512 entries, the slot by
/// a multiplicative hash of its key (the value's mantissa), and a new value in a taken slot replaces
/// what was there. What is remembered includes "not assessed" (a missing value is a value
/// too) and "score this unit exactly" (`nil`), so every outcome is the kernel's, hit or miss,
/// and the results do not depend on the memory (`KernelMemoTests`).
struct KernelMemo<N: ScoreNumber> {
    struct Entry {
        var key: Int64
        var filled: Bool
        var outcome: KernelOutcome<N>?
    }

    /// A lookup's result: the outcome remembered, or the slot to remember it in.
    enum Lookup {
        case hit(KernelOutcome<N>?)
        case miss(slot: Int)
    }

    /// 512 entries per step: the slot is the top `slotBits` bits of the key's hash.
    static var slotBits: Int { 9 }
    static var slots: Int { 1 << slotBits }

    /// What a remembered step's outcome is looked up by: a metric's mantissa, or, for a ballot
    /// step (`ballots(i)`, its `program.methods.ballot` index), how many scores the unit has for
    /// its item and the sum of those that count (`CountedBallots.key`).
    enum Key: Equatable {
        case metric(Int)
        case ballots(Int)
    }

    /// Per step, its key (`nil`: not remembered).
    let keys: [Key?]
    /// Per step remembered, where its table starts in `entries`.
    private let starts: [Int]
    private let entries: ScratchBuffer<Entry>

    /// - Parameter enabled: whether the scorer scores in this form at all (`Engine` makes a fast
    ///   scorer for every chunk; under `--engine exact` it is never used, and has no tables).
    init(program: ScoringProgram, enabled: Bool = true) {
        keys = program.steps.map { step in
            guard enabled && !N.isExact && step.precondition == nil else { return nil }
            switch step.method {
            case .count(let i): return .metric(program.methods.count[i].metric)
            case .linear(let i):
                if case .metric(let m) = program.methods.linear[i].input { return .metric(m) }
                return nil
            case .ballot(let i): return .ballots(i)
            default: return nil
            }
        }
        var starts: [Int] = [], tables = 0
        for key in keys {
            starts.append(tables * Self.slots)
            if key != nil { tables += 1 }
        }
        self.starts = starts
        entries = ScratchBuffer(repeating: Entry(key: 0, filled: false, outcome: nil), count: tables * Self.slots)
    }

    /// What step `k` remembers for the mantissa `key`.
    @inline(__always) func lookup(_ k: Int, _ key: Int64) -> Lookup {
        // Fibonacci hashing: the top bits of key × 2^64/φ.
        let slot = starts[k] &+ Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        let e = entries[slot]
        return e.filled && e.key == key ? .hit(e.outcome) : .miss(slot: slot)
    }

    @inline(__always) func remember(_ outcome: KernelOutcome<N>?, key: Int64, at slot: Int) {
        entries[slot] = Entry(key: key, filled: true, outcome: outcome)
    }
}
