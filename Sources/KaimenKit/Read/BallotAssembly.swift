/// Puts the chunks of a ballots file together into `BallotColumns`.
extension BulkBallotsReader {
    enum Outcome {
        case done(BallotColumns)
        /// A unit's rows are not all together: read again keeping who cast each score.
        case ungrouped
        case handOver(BulkHandOver)

        var columns: BallotColumns? {
            if case .done(let c) = self { return c }
            return nil
        }
    }

    /// - Parameters:
    ///   - keepReps: keep who cast each score while reading (needed when a unit's rows are not
    ///     all together); the scores of a (unit, item) are then sorted by (score, representative).
    ///   - keepRepresentatives: give them in the columns' `representatives` (needs `keepReps`).
    static func assemble(_ p: UnsafeBufferPointer<UInt8>, bounds: [Int], headerLine: Int, context cx: Context, keepReps: Bool,
                         keepRepresentatives: Bool = false, release: MappedFile?) -> Outcome {
        // The first chunk writes its scores straight into the result, which has room for every
        // chunk's (each score takes two bytes of the file at least; address space only until
        // written); the others' are copied in after them. (A file not grouped by unit is
        // assembled anew, from wherever the chunks' scores lie.)
        let room = (bounds[bounds.count - 1] - bounds[0]) / 2 + 1
        var outcome = Outcome.handOver(.tooLarge)
        var inResult: Int?
        let result = [Int16](uninitializedCapacity: room) { buffer, initialized in
            HugePages.advise(buffer)
            outcome = assemble(p, bounds: bounds, headerLine: headerLine, context: cx, keepReps: keepReps,
                               keepRepresentatives: keepRepresentatives, release: release,
                               first: ScoreStore(lent: buffer), into: buffer, inResult: &inResult)
            initialized = inResult ?? 0
        }
        if inResult != nil, case .done(var columns) = outcome {
            columns.scores = result
            return .done(columns)
        }
        return outcome
    }

    /// Where each (unit, item) cell's scores start, for groups that lie in the units' order,
    /// one group per unit: the chunks' scores end to end.
    private static func fillOffsets(_ offsets: inout [Int32], _ chunks: [BallotChunk], itemCount: Int) {
        var cell = 0, at: Int32 = 0
        for chunk in chunks {
            var g = 0
            for u in chunk.groupUnits {
                let first = Int(u) * itemCount
                while cell < first { offsets[cell] = at; cell += 1 }
                for i in 0 ..< itemCount {
                    offsets[cell] = at
                    at += chunk.groupCounts[g + i]
                    cell += 1
                }
                g += itemCount
            }
        }
        while cell < offsets.count { offsets[cell] = at; cell += 1 }
    }

    /// - Parameters:
    ///   - first: where the first chunk's scores go: the start of `result`, or `nil` for memory of its own.
    ///   - inResult: set to how many scores there are when they are all in `result`, not in the outcome.
    private static func assemble(_ p: UnsafeBufferPointer<UInt8>, bounds: [Int], headerLine: Int, context cx: Context, keepReps: Bool,
                                 keepRepresentatives: Bool, release: MappedFile?, first: ScoreStore?, into result: UnsafeMutableBufferPointer<Int16>,
                                 inResult: inout Int?) -> Outcome {
        let bytes = SharedBytes(p)
        // A unit's rows take about the same share of the file wherever they are: a chunk
        // holds about its share of the units (room for a quarter more is address space only).
        let body = max(1, bounds[bounds.count - 1] - bounds[0])
        var chunks = Parallel.map(bounds.count - 1) { k in
            let size = bounds[k + 1] - bounds[k]
            // (A group has a row at least, of four bytes at least.)
            let groups = min(size / 4, Int(Double(cx.unitIDs.count) * Double(size) / Double(body)))
            var chunk = BallotChunk(start: bounds[k], end: bounds[k + 1], scale: cx.startScale, keepReps: keepReps, scores: k == 0 ? first : nil,
                                    groups: groups + groups / 4 + 16, items: cx.items.count)
            chunk.parse(bytes.buffer, cx, release: release)
            return chunk
        }
        // The first chunk (in file order) that stopped says why.
        if let why = chunks.lazy.compactMap(\.handOver).first { return .handOver(why) }

        // One scale; recusals' lines counted from the file's start, and no duplicates among them.
        let scale = chunks.map(\.scale).max() ?? cx.startScale
        var recusals: [RecusalViolation] = []
        var recusalKeys = Set<Int>()
        var blanks = BlankCells()
        var line = headerLine + 1
        for k in chunks.indices {
            if chunks[k].scale < scale {
                let f = Int(ByteNumber.pow10(scale - chunks[k].scale))
                let scores = chunks[k].scores
                for i in 0 ..< scores.count {
                    let x = Int(scores.base[i]) * f
                    guard x <= Int(Int16.max) else { return .handOver(.scoreOutOfRange) }
                    scores.base[i] = Int16(x)
                }
            }
            for var r in chunks[k].recusals {
                r.location.line += line
                r.location.cell?.row += line
                recusals.append(r)
            }
            for key in chunks[k].recusalKeys {
                guard recusalKeys.insert(key).inserted else { return .handOver(.duplicateBallot) }
            }
            chunks[k].blanks.shift(by: line)
            blanks.append(chunks[k].blanks)
            line += chunks[k].lineFeeds
            chunks[k].recusals = []
        }

        // Is each unit in one group, and are the groups in the units' order?
        let itemCount = cx.items.count, unitCount = cx.unitIDs.count
        var seen = [Bool](repeating: false, count: unitCount)
        var ascending = true, previous: Int32 = -1
        var total = 0
        for chunk in chunks {
            for u in chunk.groupUnits {
                if seen[Int(u)] {
                    if !keepReps { return .ungrouped }
                } else {
                    seen[Int(u)] = true
                }
                if u <= previous { ascending = false }
                previous = u
            }
            total += chunk.scores.count
        }
        guard total < Int(Int32.max) else { return .handOver(.tooLarge) }
        seen = []

        let cells = unitCount * itemCount
        var offsets = LargeArray.filled(repeating: Int32(0), count: cells + 1)
        if ascending {
            // The groups already lie in order: the scores are the chunks' scores end to end (with
            // `keepReps`, sorted per cell by score and then representative, who cast them
            // alongside). The first chunk's are in place; the others' are copied after them piece
            // by piece, in parallel, each piece's pages handed back once copied so no score is in
            // memory twice.
            guard first != nil, total <= result.count else { return .handOver(.tooLarge) }
            let repLists = keepReps && keepRepresentatives ? chunks.map(\.reps) : []
            for k in chunks.indices { chunks[k].reps = [] }
            // Who cast them, end to end, on another thread meanwhile (on one after the scores,
            // a fortieth of a second of `explain` at 100 000 units, most of it the new pages).
            let (_, reps) = Parallel.alongside({
                join(chunks[1...].map(\.scores), at: chunks[0].scores.count, into: result.baseAddress!)
            }, {
                var reps: [Int32] = []
                reps.reserveCapacity(repLists.reduce(0) { $0 + $1.count })
                for list in repLists { reps += list }
                return reps
            })
            for k in 1 ..< chunks.count { chunks[k].scores = ScoreStore(capacity: 0) }
            inResult = total
            fillOffsets(&offsets, chunks, itemCount: itemCount)
            var columns = BallotColumns(itemCount: itemCount, scale: scale, offsets: offsets, scores: [], recusals: recusals,
                                        representatives: reps)
            columns.blankCells = blanks
            return .done(columns)
        }

        // Otherwise: count per (unit, item), then place every group's scores.
        for chunk in chunks {
            var g = 0
            for u in chunk.groupUnits {
                for i in 0 ..< itemCount { offsets[Int(u) * itemCount + i + 1] += chunk.groupCounts[g + i] }
                g += itemCount
            }
        }
        for c in 0 ..< cells { offsets[c + 1] += offsets[c] }
        var cursor = offsets
        var scores = [Int16](repeating: 0, count: total)
        var reps = [Int32](repeating: 0, count: keepReps ? total : 0)
        for k in chunks.indices {
            var g = 0, from = 0
            for u in chunks[k].groupUnits {
                for i in 0 ..< itemCount {
                    let cell = Int(u) * itemCount + i
                    let n = Int(chunks[k].groupCounts[g + i])
                    let to = Int(cursor[cell])
                    let source = chunks[k].scores.base
                    for j in 0 ..< n {
                        scores[to + j] = source[from + j]
                        if keepReps { reps[to + j] = chunks[k].reps[from + j] }
                    }
                    cursor[cell] += Int32(n)
                    from += n
                }
                g += itemCount
            }
            chunks[k] = BallotChunk(start: 0, end: 0, scale: 0, keepReps: false)
        }
        cursor = []
        // Scores of a cell may come from several groups: check for repeated representatives, and
        // sort (by score, then representative, as `BallotAggregator` orders them).
        let ok = scores.withUnsafeMutableBufferPointer { s in
            reps.withUnsafeMutableBufferPointer { r in
                var scratch: [Int32] = []
                for c in 0 ..< cells {
                    let lo = Int(offsets[c]), hi = Int(offsets[c + 1])
                    guard hi - lo > 1 else { continue }
                    if keepReps {
                        scratch.removeAll(keepingCapacity: true)
                        scratch.append(contentsOf: r[lo ..< hi])
                        scratch.sort()
                        for j in 1 ..< scratch.count where scratch[j] == scratch[j - 1] { return false }
                        BallotChunk.sortPairs(s.baseAddress! + lo, r.baseAddress! + lo, hi - lo)
                    } else {
                        BallotChunk.sortSmall(s, lo, hi)
                    }
                }
                return true
            }
        }
        guard ok else { return .handOver(.duplicateBallot) }
        var columns = BallotColumns(itemCount: itemCount, scale: scale, offsets: offsets, scores: scores, recusals: recusals,
                                    representatives: keepRepresentatives ? reps : [])
        columns.blankCells = blanks
        return .done(columns)
    }

    /// Copies the scores of `stores` end to end into `target` from offset `at`, piece by piece
    /// in parallel, handing each piece's pages back once copied so no score is in memory twice.
    static func join(_ stores: [ScoreStore], at: Int, into target: UnsafeMutablePointer<Int16>, piece: Int = 1 << 20) {
        var pieces: [(store: ScoreStore, from: Int, count: Int, to: Int)] = []
        var to = at
        for store in stores {
            for a in stride(from: 0, to: store.count, by: piece) {
                let n = min(piece, store.count - a)
                pieces.append((store, a, n, to))
                to += n
            }
        }
        let target = Disjoint(target), copies = pieces
        _ = Parallel.map(copies.count) { j in
            let (store, from, n, to) = copies[j]
            // Each piece writes its own range of the target.
            (target.base + to).update(from: store.base + from, count: n)
            store.discard(from ..< from + n)
        }
    }
}
