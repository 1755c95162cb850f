/// Writes the summary CSV (every standard's points included) straight from a `ScoreReport`,
/// fast enough for a million units: numbers are formatted digit by digit into byte buffers,
/// rows are written in parallel chunks and joined in rank order. The bytes are exactly those of
/// `SummaryExport.table(report, standardColumns: true).csv()`.
public enum SummaryWriter {
    public static func csv(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1) -> [UInt8] {
        var out: [UInt8] = []
        csv(report, lang: lang, threads: threads) { out.append(contentsOf: $0) }
        return out
    }

    /// The same bytes, handed to `write` in pieces of `piece` rows, so a summary of a million
    /// units is never in memory whole. The pieces are formatted on `threads` − 1 other threads
    /// and on this one while it has nothing to write, some hundred and thirty at most made and
    /// not yet written (`Parallel.inOrder`'s bound: twice its 64 ahead, and the one being
    /// written). (`piece` is for the tests, which give small sessions several pieces.)
    static func csv(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1, piece: Int = 1024,
                    write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let empty = SummaryExport.table(emptyOf: report, lang: lang, standardColumns: true)
        var head = CSVWriter()
        for row in [empty.columns.map(\.header), empty.subheaders ?? []] where !row.isEmpty {
            for (i, h) in row.enumerated() {
                if i > 0 { head.separator() }
                head.text(h)
            }
            head.endRow()
        }
        try head.bytes.withUnsafeBytes { try write($0) }
        let formatter = RowFormatter(report, lang: lang, threads: threads)
        let count = report.ranking.order.count
        let piece = max(1, piece)
        let pieces = (count + piece - 1) / piece
        try Parallel.inOrder(pieces, makers: max(1, threads - 1), ahead: 64, make: { k, spare in
            var w = spare ?? CSVChunkWriter(capacity: piece * formatter.rowRoom)
            formatter.rows(k * piece ..< min(count, (k + 1) * piece), into: &w)
            return w
        }, use: { _, w in try write(UnsafeRawBufferPointer(w.bytes)) })
    }

    /// What formatting a row reads, taken out of the report once.
    struct RowFormatter: Sendable {
        let report: ScoreReport
        let notes: SummaryExport.Notes
        let hints: SummaryHints
        let areaIndex: [Int]
        let gradeNames: [[UInt8]]
        let digits: FixedDigits
        /// The columns a row reads one value of, copied into rank order: position `p` holds
        /// unit `order[p]`'s value.
        let inOrder: InOrder

        struct InOrder: Sendable {
            let rank: [Int32], categoryRank: [Int32]
            let total: [Int64], bonus: [Int64], deducted: [Int64]
            let grade: [UInt8]
            /// Whether the unit's note says more than how ties were placed (`Notes.special`).
            let special: [Bool]
            /// Whether the unit has a 提示 (`SummaryHints.hasText`).
            let hinted: [Bool]
            let ids: [String], names: [String], categories: [String]
        }

        init(_ report: ScoreReport, lang: Language, threads: Int = 1) {
            self.report = report
            notes = SummaryExport.Notes(report, lang: lang)
            let hints = SummaryHints(report, lang: lang)
            self.hints = hints
            areaIndex = report.rules.orderedAreaIndices
            gradeNames = report.rules.grades.map { Array($0.name.utf8) }
            digits = FixedDigits(places: report.scores.precision)
            // Units in rank order are scattered through the columns: read row by row, each
            // value was a cache miss of its own. Copied column by column, a column's lines are
            // read once.
            let (order, s, units, special) = (report.ranking.order, report.scores, report.units, notes.special())
            func gather<T: Sendable>(_ column: [T]) -> [T] { Parallel.gather(order, threads: threads) { column[$0] } }
            inOrder = InOrder(rank: gather(s.rank), categoryRank: gather(s.categoryRank),
                              total: gather(s.total), bonus: gather(s.bonus), deducted: gather(s.deducted),
                              grade: gather(s.grade), special: gather(special),
                              hinted: Parallel.gather(order, threads: threads) { hints.hasText($0) },
                              ids: gather(units.ids), names: gather(units.names), categories: gather(units.categories))
        }

        /// Room for a row, in bytes, as first guessed (a writer grows when a row needs more).
        var rowRoom: Int { 200 + 8 * (report.scores.standardCount + areaIndex.count) }

        /// The rows of `order[range]`, in place of what `w` held.
        func rows(_ range: Range<Int>, into w: inout CSVChunkWriter) {
            let s = report.scores
            let (areaCount, standardCount) = (areaIndex.count, s.standardCount)
            let (o, order, notesInOrder) = (inOrder, report.ranking.order, report.ranking.notesInOrder)
            w.removeAll()
            var scratch = CSVChunkWriter(capacity: 512)
            var b = Block()
            var from = range.lowerBound
            while from < range.upperBound {
                let to = min(range.upperBound, from + Block.size)
                b.gather(from..<to, self)
                for at in from..<to {
                    let i = at - from
                    w.integer(Int64(o.rank[at])); w.separator()
                    w.integer(Int64(o.categoryRank[at])); w.separator()
                    w.text(o.ids[at]); w.separator()
                    w.text(o.names[at]); w.separator()
                    w.text(o.categories[at])
                    w.separatorAndFixed(o.total[at], digits); w.separator()
                    gradeNames[Int(o.grade[at])].withUnsafeBufferPointer { w.text(utf8: $0) }
                    b.areas.withUnsafeBufferPointer { w.separatorsAndFixed($0.baseAddress! + i * areaCount, count: areaCount, digits) }
                    w.separatorAndFixed(o.bonus[at], digits)
                    w.separatorAndFixed(o.deducted[at], digits)
                    w.separator()
                    // Most units need no note: look further only when something could be said.
                    let own = notesInOrder[at], next = at + 1 < order.count ? notesInOrder[at + 1] : nil
                    if own != nil || next != nil || o.special[at] {
                        let u = order[at]
                        let above = own.map { n in (n, at > 0 && n.above == order[at - 1] ? o.ids[at - 1] : report.units.ids[n.above]) }
                        let below = next.flatMap { n in n.above == u ? (n, o.ids[at + 1]) : nil }
                        notes.write(u, special: o.special[at], above: above, below: below, into: &w, scratch: &scratch)
                    }
                    b.standards.withUnsafeBufferPointer { w.separatorsAndFixed($0.baseAddress! + i * standardCount, count: standardCount, digits) }
                    w.separator()
                    if o.hinted[at], let h = hints.text(order[at]) { w.text(h) }
                    w.endRow()
                }
                from = to
            }
        }

        /// A few hundred rows' areas and standards, copied out of the score table in rank order
        /// before the rows are formatted. Each unit's are a few cache lines somewhere in a large
        /// table; copied unit by unit, each copy waited for its unit's lines.
        struct Block {
            static let size = 256
            /// Areas in display order, `areas[i * areaCount + a]`; standards likewise.
            var areas: [Int64] = [], standards: [Int64] = []
            /// What the touching loop in `gather` read, kept so that its loads are not dropped.
            var touched: Int64 = 0

            mutating func gather(_ range: Range<Int>, _ f: RowFormatter) {
                let rows = f.report.ranking.order[range], s = f.report.scores
                // Loads alone first, one per line, so that many of them are on their way at once.
                touched = s.areas.touch(rows: rows, stride: s.areaCount) &+ s.standards.touch(rows: rows, stride: s.standardCount)
                if areas.count < range.count * f.areaIndex.count { areas = Array(repeating: 0, count: Self.size * f.areaIndex.count) }
                if standards.count < range.count * s.standardCount { standards = Array(repeating: 0, count: Self.size * s.standardCount) }
                s.areas.gather(rows: rows, stride: s.areaCount, columns: f.areaIndex, into: &areas)
                s.standards.gather(rows: rows, stride: s.standardCount, columns: 0 ..< s.standardCount, into: &standards)
            }
        }
    }

    /// The summary JSON, byte for byte `SummaryExport.json(report).rendered()`, written unit by
    /// unit in parallel chunks instead of as one tree.
    public static func json(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1, warningLimit: Int? = nil) -> [UInt8] {
        let order = report.ranking.order
        let vetoes = Dictionary(grouping: report.scores.vetoes, by: { Int($0.unit) })
        let leftOut = SummaryExport.leftOutStandards(report)
        let chunks = max(1, min(threads * 8, order.count / 4096 + 1))
        let keys = SummaryExport.UnitKeys(report.rules)
        let parts = Parallel.map(chunks) { c in
            let start = order.count * c / chunks, end = order.count * (c + 1) / chunks
            var bytes: [UInt8] = []
            bytes.reserveCapacity((end - start) * 2200)
            for (k, u) in order[start..<end].enumerated() {
                bytes += (c > 0 || k > 0 ? ",\n    " : "    ").utf8
                JSONBytes.write(SummaryExport.unitJSON(u, report, keys: keys, vetoes: vetoes[u] ?? [], leftOut: leftOut[u] ?? []), into: &bytes, indent: 2)
            }
            return bytes
        }
        var bytes = Array("{\n  \"precision\": \(report.scores.precision),\n  \"recusals\": ".utf8)
        JSONBytes.write(RecusalExport.json(report), into: &bytes, indent: 1)
        bytes += ",\n  \"rules\": ".utf8
        JSONBytes.write(SummaryExport.rulesJSON(report), into: &bytes, indent: 1)
        bytes += (",\n  \"units\": " + (order.isEmpty ? "[]" : "[\n")).utf8
        bytes.reserveCapacity(bytes.count + parts.reduce(0) { $0 + $1.count } + 4096)
        for part in parts { bytes += part }
        bytes += ((order.isEmpty ? "" : "\n  ]") + ",\n  \"warnings\": ").utf8
        JSONBytes.write(.array(SessionWarnings.collect(report, lang: lang, limit: warningLimit).map { .string($0) }), into: &bytes, indent: 1)
        bytes += "\n}\n".utf8
        return bytes
    }
}
