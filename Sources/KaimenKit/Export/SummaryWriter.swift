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
        let order = report.ranking.order
        let wave = 16_384 * max(1, threads)
        var start = 0
        repeat {
            let end = min(order.count, start + wave)
            let bytes = rows(report, lang: lang, threads: threads, range: start..<end, header: start == 0)
            try bytes.withUnsafeBytes { try write($0) }
            start = end
        } while start < order.count
    }

    /// The header (with the byte order mark) when asked, then the rows of `order[range]`.
    static func rows(_ report: ScoreReport, lang: Language, threads: Int, range: Range<Int>, header withHeader: Bool) -> [UInt8] {
        let header = SummaryExport.table(emptyOf: report, lang: lang, standardColumns: true).columns.map(\.header)
        var head = CSVWriter(byteOrderMark: withHeader)
        for (i, h) in header.enumerated() where withHeader {
            if i > 0 { head.separator() }
            head.text(h)
        }
        if withHeader { head.endRow() }
        let order = report.ranking.order[range]
        let chunks = max(1, min(threads * 4, order.count / 2048 + 1))
        let parts = Parts(count: chunks)
        let notes = SummaryExport.Notes(report, lang: lang)
        let s = report.scores
        let p = s.precision
        let areaIndex = report.rules.orderedAreas.map { a in report.rules.areas.firstIndex { $0.id == a.id }! }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = order.startIndex + order.count * c / chunks, end = order.startIndex + order.count * (c + 1) / chunks
            var w = CSVWriter(byteOrderMark: false, reservingCapacity: (end - start) * (60 + 8 * (s.standardCount + s.areaCount)))
            for u in order[start..<end] {
                w.integer(Int64(s.rank[u])); w.separator()
                w.integer(Int64(s.categoryRank[u])); w.separator()
                w.text(report.units.ids[u]); w.separator()
                w.text(report.units.names[u]); w.separator()
                w.text(report.units.categories[u]); w.separator()
                w.fixed(s.total[u], places: p); w.separator()
                w.text(report.gradeName(u))
                for a in areaIndex { w.separator(); w.fixed(s.areas[u * s.areaCount + a], places: p) }
                w.separator(); w.fixed(s.bonus[u], places: p)
                w.separator(); w.fixed(s.deducted[u], places: p)
                w.separator(); if let n = notes.text(u) { w.text(n) }
                for k in 0..<s.standardCount { w.separator(); w.fixed(s.standards[u * s.standardCount + k], places: p) }
                w.endRow()
            }
            parts.set(c, w)
        }
        var out = head
        for c in 0..<chunks { out.append(parts.get(c)) }
        return out.bytes
    }

    /// The summary JSON, byte for byte `SummaryExport.json(report).rendered()`, written unit by
    /// unit in parallel chunks instead of as one tree.
    public static func json(_ report: ScoreReport, lang: Language = .zh, threads: Int = 1, warningLimit: Int? = nil) -> [UInt8] {
        let order = report.ranking.order
        let vetoes = Dictionary(grouping: report.scores.vetoes, by: { Int($0.unit) })
        let chunks = max(1, min(threads * 8, order.count / 4096 + 1))
        let parts = Texts(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = order.count * c / chunks, end = order.count * (c + 1) / chunks
            var text = ""
            text.reserveCapacity((end - start) * 1600)
            for (k, u) in order[start..<end].enumerated() {
                if c > 0 || k > 0 { text += ",\n" }
                text += "    "
                SummaryExport.unitJSON(u, report, vetoes: vetoes[u] ?? []).write(into: &text, indent: 2)
            }
            parts.set(c, text)
        }
        var out = "{\n  \"precision\": \(report.scores.precision),\n  \"rules\": "
        SummaryExport.rulesJSON(report).write(into: &out, indent: 1)
        out += ",\n  \"units\": " + (order.isEmpty ? "[]" : "[\n")
        var bytes = Array(out.utf8)
        for c in 0..<chunks { bytes += parts.get(c).utf8 }
        var tail = order.isEmpty ? "" : "\n  ]"
        tail += ",\n  \"warnings\": "
        JSONOut.array(SessionWarnings.collect(report, lang: lang, limit: warningLimit).map { .string($0) }).write(into: &tail, indent: 1)
        tail += "\n}\n"
        bytes += tail.utf8
        return bytes
    }

    private final class Texts: @unchecked Sendable {
        private var parts: [String]
        private let lock = DispatchSemaphore(value: 1)
        init(count: Int) { parts = Array(repeating: "", count: count) }
        func set(_ c: Int, _ s: String) { lock.wait(); parts[c] = s; lock.signal() }
        func get(_ c: Int) -> String { lock.wait(); defer { lock.signal() }; return parts[c] }
    }

    /// Each chunk's rows, handed from its thread back to the caller.
    private final class Parts: @unchecked Sendable {
        private var parts: [CSVWriter]
        private let lock = DispatchSemaphore(value: 1)
        init(count: Int) { parts = Array(repeating: CSVWriter(byteOrderMark: false, reservingCapacity: 0), count: count) }
        func set(_ c: Int, _ w: CSVWriter) { lock.wait(); parts[c] = w; lock.signal() }
        func get(_ c: Int) -> CSVWriter { lock.wait(); defer { lock.signal() }; return parts[c] }
    }
}
