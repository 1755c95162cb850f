import Foundation

/// How `compare` scores the NEW rules on the ballots cast under the OLD ones.
///
/// The ballots were cast (and are checked) under the rules in force: the ballots file is read
/// once, under OLD, and its ballots are carried over to NEW's ballot standards by their key.
/// What NEW changes about those standards is a difference of the new rules, said as one, never
/// a fault of the ballots (a tuned file that dropped `s2` blamed row 2 of the ballots file and
/// offered to move its votes to `s3`):
///
/// - a ballot standard NEW drops (or scores otherwise): its ballots are left out of the new
///   scoring;
/// - a ballot standard NEW adds: no ballot was cast on it, so it has none, and is scored as the
///   rules' `insufficient` says;
/// - a ballot standard NEW gives other points: each ballot is taken as the same share of the
///   maximum (3 of 4 becomes 4.5 of 6), since a score cast on 0–4 means something else on 0–6.
///
/// - ballots that NEW's `scoreStep` does not allow (a coarser step, or a share taken off it):
///   counted as they are, with one warning saying how many (a review found a step of 1 over
///   ballots of 0.5 compared in silence).
///
/// Each case is one warning (docs/tuning.md, "Ballot standards the new rules change").
public struct BallotCarry: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// The key ballot files use: the standard's id (or its area's, for an area ballot).
        public var key: String
        /// The standard's name, for people.
        public var name: String
        /// Its points under OLD and NEW (`nil` on the side without it).
        public var oldMax: Rational?
        public var newMax: Rational?
        /// How many counted ballots OLD has on it.
        public var ballots: Int = 0
    }

    public var dropped: [Item] = []
    public var added: [Item] = []
    public var rescaled: [Item] = []
    /// NEW's score step, and how many ballots carried to NEW are off it (0: none, or no step).
    public var step: Rational?
    public var offStep = 0

    public var isEmpty: Bool { dropped.isEmpty && added.isEmpty && rescaled.isEmpty && offStep == 0 }

    /// What NEW changes about the ballot standards of OLD, counting `box`'s ballots (read under OLD).
    public static func between(old: Rules, new: Rules, box: BallotBox) -> BallotCarry {
        let oldItems = BallotItem.items(of: old), newItems = BallotItem.items(of: new)
        var counts = [Int](repeating: 0, count: box.items.count)
        for b in box.ballots { counts[b.item] += 1 }
        let countByKey = Dictionary(box.items.enumerated().map { ($1.key, counts[$0]) }, uniquingKeysWith: { a, _ in a })
        let newByKey = Dictionary(newItems.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let oldKeys = Set(oldItems.map(\.key))
        var carry = BallotCarry()
        for o in oldItems {
            let item = Item(key: o.key, name: old.standards[o.standard].name, oldMax: o.max, newMax: newByKey[o.key]?.max,
                            ballots: countByKey[o.key] ?? 0)
            if item.newMax == nil { carry.dropped.append(item) } else if item.newMax != o.max { carry.rescaled.append(item) }
        }
        for n in newItems where !oldKeys.contains(n.key) {
            carry.added.append(Item(key: n.key, name: new.standards[n.standard].name, oldMax: nil, newMax: n.max))
        }
        if let step = new.ballots.scoreStep, !step.isZero {
            carry.step = step
            carry.offStep = carried(box, to: new).ballots.count { !$0.score.divided(by: step)!.isInteger }
        }
        return carry
    }

    /// `box` (read under OLD) for NEW's ballot items: ballots of a dropped standard left out,
    /// those of a rescaled one taken as the same share of the new maximum.
    public static func carried(_ box: BallotBox, to new: Rules) -> BallotBox {
        let items = BallotItem.items(of: new)
        let index = Dictionary(items.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        let map: [(index: Int, scale: Rational)?] = box.items.map { o in
            index[o.key].map { i in (i, o.max.isZero ? .one : items[i].max.divided(by: o.max)!) }
        }
        var ballots: [Ballot] = []
        ballots.reserveCapacity(box.ballots.count)
        for b in box.ballots {
            guard let (i, scale) = map[b.item] else { continue }
            ballots.append(Ballot(representative: b.representative, unit: b.unit, item: i, score: scale == .one ? b.score : b.score * scale))
        }
        return BallotBox(items: items, ballots: ballots, recusals: box.recusals.filter { index[$0.item] != nil })
    }

    /// One warning per standard dropped, added or rescaled, naming the NEW file; after rescaled
    /// ones, with `oldFile`, one note that the one-file tools read them as cast, and how to see
    /// what was scored here (`compare --explain`, `sensitivity --rules OLD --rules NEW`).
    public func warnings(newFile: String, oldFile: String? = nil) -> [Diagnostic] {
        dropped.map { TuningMessages.ballotsDropped($0, newFile: newFile) }
            + added.map { TuningMessages.ballotsAdded($0, newFile: newFile) }
            + rescaled.map { TuningMessages.ballotsRescaled($0, newFile: newFile) }
            + (oldFile != nil && !rescaled.isEmpty ? [TuningMessages.ballotsReadAsCast(rescaled, oldFile: oldFile!, newFile: newFile)] : [])
            + (offStep > 0 && step != nil ? [TuningMessages.ballotsOffStep(offStep, step: step!, newFile: newFile)] : [])
    }

    /// `inputs` scored under `new` on the ballots read and checked under `old`, carried as
    /// `compare` carries them, and what the carry changes (`sensitivity --rules OLD --rules NEW`).
    public static func session(old: Rules, new: RulesLoader.Loaded, _ inputs: ScoringSession.Inputs,
                               readFile: ((String) throws -> Data)? = nil) throws(DiagnosticsError) -> (session: ScoringSession, carry: BallotCarry) {
        var cast = inputs
        cast.traceAtMost = 0
        let asCast = try ScoringSession.run(rules: old, cast, readFile: readFile).ballots
        return (try ScoringSession.run(rules: new.rules, warnings: new.warnings, inputs, readFile: readFile, ballots: carried(asCast, to: new.rules)),
                between(old: old, new: new.rules, box: asCast))
    }
}
