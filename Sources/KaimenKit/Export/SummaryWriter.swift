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
    /// million units is never in memory whole.
    public static func csv(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1,
                           write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let header = SummaryExport.table(emptyOf: report, lang: lang, standardColumns: true).columns.map(\.header)
        var head = CSVWriter()
        for (i, h) in header.enumerated() {
            if i > 0 { head.separator() }
            head.text(h)
        }
        head.endRow()
        try head.bytes.withUnsafeBytes { try write($0) }
        let count = report.ranking.order.count
        let wave = 16_384 * max(1, threads)
        var start = 0
        while start < count {
            let end = min(count, start + wave)
            for part in rows(report, lang: lang, threads: threads, range: start..<end) {
                try part.bytes.withUnsafeBytes { try write($0) }
            }
            start = end
        }
    }

    /// The rows of `order[range]`, in pieces written in parallel, in order.
    static func rows(_ report: ScoreReport, lang: Language, threads: Int, range: Range<Int>) -> [CSVWriter] {
        let order = report.ranking.order[range]
        let chunks = max(1, min(threads * 4, order.count / 2048 + 1))
        let notes = SummaryExport.Notes(report, lang: lang)
        let s = report.scores
        let p = s.precision
        let areaIndex = report.rules.orderedAreas.map { a in report.rules.areas.firstIndex { $0.id == a.id }! }
        // Everything the loop reads, as local constants (not through the captured report).
        let (rank, categoryRank, total, areas, standards) = (s.rank, s.categoryRank, s.total, s.areas, s.standards)
        let (bonus, deducted, grade, gradeByTotal) = (s.bonus, s.deducted, s.grade, s.gradeByTotal)
        let (ids, names, categories) = (report.units.ids, report.units.names, report.units.categories)
        let gradeNames = report.rules.grades.map(\.name)
        let tieNotes = report.ranking.tieNotes
        let (areaCount, standardCount) = (s.areaCount, s.standardCount)
        let vetoes = notes.vetoes, unchecked = notes.unchecked
        return Parallel.map(chunks) { c in
            let start = order.startIndex + order.count * c / chunks, end = order.startIndex + order.count * (c + 1) / chunks
            var w = CSVWriter(byteOrderMark: false, reservingCapacity: (end - start) * (200 + 8 * (standardCount + areaCount)))
            var scratch: [UInt8] = []
            scratch.reserveCapacity(256)
            for position in start..<end {
                let u = order[position]
                w.integer(Int64(rank[u])); w.separator()
                w.integer(Int64(categoryRank[u])); w.separator()
                w.text(ids[u]); w.separator()
                w.text(names[u]); w.separator()
                w.text(categories[u]); w.separator()
                w.fixed(total[u], places: p); w.separator()
                w.text(gradeNames[Int(grade[u])])
                for a in areaIndex { w.separator(); w.fixed(areas[u * areaCount + a], places: p) }
                w.separator(); w.fixed(bonus[u], places: p)
                w.separator(); w.fixed(deducted[u], places: p)
                w.separator()
                // Most units need no note: look further only when something could be said.
                let next = position + 1 < report.ranking.order.count ? report.ranking.order[position + 1] : -1
                if tieNotes[u] != nil || (next >= 0 && tieNotes[next] != nil) || vetoes[u] != nil || unchecked[u] != nil
                    || grade[u] != gradeByTotal[u] {
                    notes.write(u, into: &w, scratch: &scratch)
                }
                for k in 0..<standardCount { w.separator(); w.fixed(standards[u * standardCount + k], places: p) }
                w.endRow()
            }
            return w
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
        var out = "{\n  \"precision\": \(report.scores.precision),\n  \"rules\": "
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
