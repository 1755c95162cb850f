/// Puts the chunks of a ballots file together into `BallotColumns`.
extension BulkBallotsReader {
    enum Outcome {
        case done(BallotColumns)
        /// A unit's rows are not all together: read again keeping who cast each score.
        case ungrouped
        case handOver

        var columns: BallotColumns? {
            if case .done(let c) = self { return c }
            return nil
        }
    }

    static func assemble(_ p: UnsafeBufferPointer<UInt8>, bounds: [Int], headerLine: Int, context cx: Context, keepReps: Bool, release: MappedFile?) -> Outcome {
        let bytes = SharedBytes(p)
        var chunks = Parallel.map(bounds.count - 1) { k in
            // The first chunk's scores will hold every chunk's: set aside room for them all (each
            // score takes two bytes of the file at least).
            let reserve = k == 0 && !keepReps ? (bounds[bounds.count - 1] - bounds[0]) / 2 + 1 : 0
            var chunk = BallotChunk(start: bounds[k], end: bounds[k + 1], scale: cx.startScale, keepReps: keepReps, reserve: reserve)
            chunk.parse(bytes.buffer, cx, release: release)
            return chunk
        }
        guard !chunks.contains(where: \.failed) else { return .handOver }

        // One scale; recusals' lines counted from the file's start, and no duplicates among them.
        let scale = chunks.map(\.scale).max() ?? cx.startScale
        var recusals: [RecusalViolation] = []
        var recusalKeys = Set<Int>()
        var line = headerLine + 1
        for k in chunks.indices {
            if chunks[k].scale < scale {
                let f = Int(ByteNumber.pow10(scale - chunks[k].scale))
                for i in chunks[k].scores.indices {
                    let x = Int(chunks[k].scores[i]) * f
                    guard x <= Int(Int16.max) else { return .handOver }
                    chunks[k].scores[i] = Int16(x)
                }
            }
            for var r in chunks[k].recusals {
                r.location.line += line
                recusals.append(r)
            }
            for key in chunks[k].recusalKeys {
                guard recusalKeys.insert(key).inserted else { return .handOver }
            }
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
        guard total < Int(Int32.max) else { return .handOver }
        seen = []

        let cells = unitCount * itemCount
        var offsets = [Int32](repeating: 0, count: cells + 1)
        if ascending && !keepReps {
            // The groups already lie in order: the scores are the chunks' scores end to end.
            var scores = chunks[0].scores
            chunks[0].scores = []
            scores.reserveCapacity(total)
            for k in 1 ..< chunks.count {
                // Piece by piece, handing each piece's pages back once copied, so the chunk's
                // scores are never in memory twice.
                chunks[k].scores.withUnsafeMutableBufferPointer { source in
                    let piece = 1 << 22
                    for a in stride(from: 0, to: source.count, by: piece) {
                        let part = UnsafeMutableBufferPointer(rebasing: source[a ..< min(a + piece, source.count)])
                        scores.append(contentsOf: part)
                        BulkFile.discard(UnsafeMutableRawBufferPointer(part))
                    }
                }
                chunks[k].scores = []
            }
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
            while cell <= cells { offsets[cell] = at; cell += 1 }
            return .done(BallotColumns(itemCount: itemCount, scale: scale, offsets: offsets, scores: scores, recusals: recusals))
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
                    for j in 0 ..< n {
                        scores[to + j] = chunks[k].scores[from + j]
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
        // Scores of a cell may come from several groups: check for repeated representatives, and sort.
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
                    }
                    BallotChunk.sortSmall(s, lo, hi)
                }
                return true
            }
        }
        guard ok else { return .handOver }
        return .done(BallotColumns(itemCount: itemCount, scale: scale, offsets: offsets, scores: scores, recusals: recusals))
    }
}
