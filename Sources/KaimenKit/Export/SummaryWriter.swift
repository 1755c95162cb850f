import Dispatch

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

    /// The same bytes, handed to `write` in pieces of some ten thousand rows, so a summary of a
    /// million units is never in memory whole. While one wave of rows is handed to `write`, the
    /// next is formatted on other threads.
    static func csv(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1,
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
        let formatter = RowFormatter(report, lang: lang)
        let count = report.ranking.order.count
        let wave = 16_384 * max(1, threads)
        let waves = (count + wave - 1) / wave
        @Sendable func format(_ k: Int, reusing spare: [CSVChunkWriter]) -> [CSVChunkWriter] {
            formatter.rows(threads: threads, range: k * wave..<min(count, (k + 1) * wave), reusing: spare)
        }
        // Two sets of buffers take turns: one being written out, one being filled.
        var ready = waves > 0 ? format(0, reusing: []) : []
        var spare: [CSVChunkWriter] = []
        for k in 0..<waves {
            // The next wave's rows, made on another thread while this one writes.
            let next = Locked<[CSVChunkWriter]>([])
            let group = DispatchGroup()
            if k + 1 < waves {
                let buffers = spare
                spare = []
                DispatchQueue.global().async(group: group) {
                    let parts = format(k + 1, reusing: buffers)
                    next.withLock { $0 = parts }
                }
            }
            defer {
                group.wait()
                spare = ready
                ready = next.withLock { $0 }
            }
            for part in ready { try write(UnsafeRawBufferPointer(part.bytes)) }
        }
    }

    /// What formatting a row reads, taken out of the report once.
    struct RowFormatter: Sendable {
        let report: ScoreReport
        let notes: SummaryExport.Notes
        let hints: SummaryHints
        let special: [Bool]
        let areaIndex: [Int]
        let gradeNames: [[UInt8]]
        let digits: FixedDigits

        init(_ report: ScoreReport, lang: Language) {
            self.report = report
            notes = SummaryExport.Notes(report, lang: lang)
            hints = SummaryHints(report, lang: lang)
            special = notes.special()
            areaIndex = report.rules.orderedAreas.map { a in report.rules.areas.firstIndex { $0.id == a.id }! }
            gradeNames = report.rules.grades.map { Array($0.name.utf8) }
            digits = FixedDigits(places: report.scores.precision)
        }

        /// The rows of `order[range]`, in pieces formatted in parallel, in order, written into
        /// the `spare` buffers first (the caller's from an earlier wave).
        func rows(threads: Int, range: Range<Int>, reusing spare: [CSVChunkWriter] = []) -> [CSVChunkWriter] {
            let chunks = max(1, min(threads * 4, range.count / 2048 + 1))
            let s = report.scores
            let p = s.precision
            let (areaCount, standardCount) = (areaIndex.count, s.standardCount)
            return Parallel.map(chunks) { c in
                let start = range.lowerBound + range.count * c / chunks, end = range.lowerBound + range.count * (c + 1) / chunks
                var w = c < spare.count ? spare[c] : CSVChunkWriter(capacity: (end - start) * (200 + 8 * (standardCount + areaCount)))
                w.removeAll()
                var scratch = CSVChunkWriter(capacity: 512)
                var b = Block()
                var from = start
                while from < end {
                    let to = min(end, from + Block.size)
                    b.gather(from..<to, self)
                    for i in 0..<(to - from) {
                        w.integer(Int64(b.rank[i])); w.separator()
                        w.integer(Int64(b.categoryRank[i])); w.separator()
                        w.text(b.ids[i + 1]); w.separator()
                        w.text(b.names[i]); w.separator()
                        w.text(b.categories[i]); w.separator()
                        w.fixed(b.total[i], places: p); w.separator()
                        gradeNames[Int(b.grade[i])].withUnsafeBufferPointer { w.text(utf8: $0) }
                        b.areas.withUnsafeBufferPointer { w.separatorsAndFixed($0.baseAddress! + i * areaCount, count: areaCount, digits) }
                        w.separatorAndFixed(b.bonus[i], digits)
                        w.separatorAndFixed(b.deducted[i], digits)
                        w.separator()
                        // Most units need no note: look further only when something could be said.
                        let own = b.notes[i + 1], next = b.notes[i + 2]
                        if own != nil || next != nil || b.special[i] {
                            let u = b.units[i]
                            let above = own.map { n in (n, n.above == b.around[i] ? b.ids[i] : report.units.ids[n.above]) }
                            let below = next.flatMap { n in n.above == u ? (n, b.ids[i + 2]) : nil }
                            notes.write(u, special: b.special[i], above: above, below: below, into: &w, scratch: &scratch)
                        }
                        b.standards.withUnsafeBufferPointer { w.separatorsAndFixed($0.baseAddress! + i * standardCount, count: standardCount, digits) }
                        w.separator()
                        if b.hinted[i], let h = hints.text(b.units[i]) { w.text(h) }
                        w.endRow()
                    }
                    from = to
                }
                return w
            }
        }

        /// A few hundred rows' data, copied out of the columns in rank order before the rows are
        /// formatted. Units in rank order are scattered through the columns, so reading them
        /// there costs a cache miss per value; copied column by column in tight loops, those
        /// misses overlap instead of following one another.
        struct Block {
            static let size = 256
            /// Units at positions `from ..< to`.
            var units: [Int] = []
            var rank: [Int32] = [], categoryRank: [Int32] = []
            var total: [Int64] = [], bonus: [Int64] = [], deducted: [Int64] = []
            var grade: [UInt8] = []
            var special: [Bool] = []
            /// Whether the unit has a 提示 (`SummaryHints.hasText`), read here with the other
            /// columns: read row by row, in rank order, each was a cache miss of its own.
            var hinted: [Bool] = []
            var names: [String] = [], categories: [String] = []
            /// Areas in display order, `areas[i * areaCount + a]`; standards likewise.
            var areas: [Int64] = [], standards: [Int64] = []
            /// Units, ids and tie notes of positions `from - 1 ... to` (one more on each side, for
            /// the neighbours a note names; `-1`, `""` and `nil` beyond the ends).
            var around: [Int] = []
            var ids: [String] = []
            var notes: [Ranker.TieNote?] = []
            /// What the touching loop in `gather` read, kept so that its loads are not dropped.
            var touched: Int64 = 0

            mutating func gather(_ range: Range<Int>, _ f: RowFormatter) {
                let order = f.report.ranking.order, s = f.report.scores, units = f.report.units
                let inOrder = f.report.ranking.notesInOrder
                self.units.removeAll(keepingCapacity: true)
                self.units += order[range]
                func column<T>(_ out: inout [T], _ source: [T]) {
                    out.removeAll(keepingCapacity: true)
                    for u in self.units { out.append(source[u]) }
                }
                column(&rank, s.rank)
                column(&categoryRank, s.categoryRank)
                column(&total, s.total)
                column(&bonus, s.bonus)
                column(&deducted, s.deducted)
                column(&grade, s.grade)
                column(&special, f.special)
                hinted.removeAll(keepingCapacity: true)
                for u in self.units { hinted.append(f.hints.hasText(u)) }
                column(&names, units.names)
                column(&categories, units.categories)
                // Each unit's areas and standards are a few cache lines somewhere in a large
                // table. Copied unit by unit, each copy waited for its unit's lines; a loop of
                // loads alone, one per line, first has many of them on their way at once.
                let n = s.standardCount
                let perLine = s.standards.isNarrow ? 16 : 8
                var sum: Int64 = 0
                for u in self.units {
                    // A row may start inside a line: its last value too.
                    if s.areaCount > 0 { sum &+= s.areas[u * s.areaCount] &+ s.areas[(u + 1) * s.areaCount - 1] }
                    var k = 0
                    while k < n {
                        sum &+= s.standards[u * n + k]
                        k += perLine
                    }
                    if n > 0 { sum &+= s.standards[(u + 1) * n - 1] }
                }
                touched = sum
                areas.removeAll(keepingCapacity: true)
                for u in self.units { for a in f.areaIndex { areas.append(s.areas[u * s.areaCount + a]) } }
                standards.removeAll(keepingCapacity: true)
                for u in self.units { s.standards.append(u * n..<(u + 1) * n, to: &standards) }
                around.removeAll(keepingCapacity: true)
                for position in range.lowerBound - 1...range.upperBound {
                    around.append(position >= 0 && position < order.count ? order[position] : -1)
                }
                ids.removeAll(keepingCapacity: true)
                for u in around { ids.append(u >= 0 ? units.ids[u] : "") }
                notes.removeAll(keepingCapacity: true)
                for position in range.lowerBound - 1...range.upperBound {
                    notes.append(position >= 0 && position < order.count ? inOrder[position] : nil)
                }
            }
        }
    }

    /// The summary JSON, byte for byte `SummaryExport.json(report).rendered()`, written unit by
    /// unit in parallel chunks instead of as one tree.
    public static func json(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1, warningLimit: Int? = nil) -> [UInt8] {
        let order = report.ranking.order
        let vetoes = Dictionary(grouping: report.scores.vetoes, by: { Int($0.unit) })
        let chunks = max(1, min(threads * 8, order.count / 4096 + 1))
        let parts = Parallel.map(chunks) { c in
            let start = order.count * c / chunks, end = order.count * (c + 1) / chunks
            var text = ""
            text.reserveCapacity((end - start) * 1600)
            for (k, u) in order[start..<end].enumerated() {
                if c > 0 || k > 0 { text += ",\n" }
                text += "    "
                SummaryExport.unitJSON(u, report, vetoes: vetoes[u] ?? []).write(into: &text, indent: 2)
            }
            return text
        }
        var out = "{\n  \"precision\": \(report.scores.precision),\n  \"recusals\": "
        RecusalExport.json(report.recusals).write(into: &out, indent: 1)
        out += ",\n  \"rules\": "
        SummaryExport.rulesJSON(report).write(into: &out, indent: 1)
        out += ",\n  \"units\": " + (order.isEmpty ? "[]" : "[\n")
        var bytes = Array(out.utf8)
        for part in parts { bytes += part.utf8 }
        var tail = order.isEmpty ? "" : "\n  ]"
        tail += ",\n  \"warnings\": "
        JSONOut.array(SessionWarnings.collect(report, lang: lang, limit: warningLimit).map { .string($0) }).write(into: &tail, indent: 1)
        tail += "\n}\n"
        bytes += tail.utf8
        return bytes
    }
}
