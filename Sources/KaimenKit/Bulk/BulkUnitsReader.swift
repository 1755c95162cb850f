/// Reads a clean units CSV straight from bytes into `UnitIdentities` and `MetricColumns`,
/// on several threads for a large file; `nil` the moment it meets anything `UnitsReader`
/// would report (an error or a warning), or anything it does not read itself (JSON, quoted
/// fields, exponents, more than 9 decimals, …). The caller then reads the file with
/// `UnitsReader`, which says what is wrong.
///
/// Values are those `UnitsReader` gives, as decimal mantissas: each metric's scale is the
/// most decimals any of its values needs. The results do not depend on the thread count.
public enum BulkUnitsReader {
    public typealias Result = (identities: UnitIdentities, columns: MetricColumns, index: IDTable)

    /// The largest scale a metric column may have.
    public static let maxScale = 9

    public static func read(_ bytes: [UInt8], fileName: String, rules: Rules, threads: Int,
                            parallelThreshold: Int = 4 << 20) -> Result? {
        bytes.withUnsafeBufferPointer { read($0, fileName: fileName, rules: rules, threads: threads, parallelThreshold: parallelThreshold) }
    }

    /// Reads a mapped file, letting go of its pages as it goes.
    public static func read(_ file: MappedFile, fileName: String, rules: Rules, threads: Int,
                            parallelThreshold: Int = 4 << 20) -> Result? {
        read(file.bytes, fileName: fileName, rules: rules, threads: threads, parallelThreshold: parallelThreshold, release: file)
    }

    /// - Parameters:
    ///   - parallelThreshold: files of fewer bytes are read on one thread.
    ///   - release: the mapping `p` lies in, to let go of pages once read.
    public static func read(_ p: UnsafeBufferPointer<UInt8>, fileName: String, rules: Rules, threads: Int,
                            parallelThreshold: Int = 4 << 20, release: MappedFile? = nil) -> Result? {
        guard !looksJSON(p, fileName: fileName),
              let header = BulkCSV.header(p),
              let layout = Layout(header: header.names, rules: rules) else { return nil }
        let parts = threads > 1 && p.count - header.bodyStart > parallelThreshold ? threads : 1
        let bounds = BulkCSV.lineBoundaries(p, start: header.bodyStart, end: p.count, parts: parts)

        // Each chunk's first line, and room for as many rows as it has lines.
        let bytes = SharedBytes(p)
        let lineFeeds = Parallel.map(parts) { k in
            // In steps, letting go of a mapped file's pages behind (the parse reads them again).
            var n = 0
            for a in stride(from: bounds[k], to: bounds[k + 1], by: releaseStep) {
                let b = min(a + releaseStep, bounds[k + 1])
                n += BulkCSV.countLineFeeds(bytes.buffer, a, b)
                release?.release(a ..< b)
            }
            return n
        }
        var planned: [Job] = []
        var row = 0, line = header.line + 1
        for k in 0 ..< parts {
            planned.append(Job(start: bounds[k], end: bounds[k + 1], firstLine: line, firstRow: row, metricCount: rules.metrics.count))
            row += lineFeeds[k] + 1
            line += lineFeeds[k]
        }
        let storage = UnitsStorage(capacity: row, metrics: layout.present, metricCount: rules.metrics.count)
        let parsed = storage.withBuffers { out -> (count: Int, scales: [Int], index: IDTable)? in
            let plan = planned
            let jobs = Parallel.map(parts) { k in
                var job = plan[k]
                parse(bytes.buffer, &job, layout, out, release: release)
                return job
            }
            guard !jobs.contains(where: \.failed) else { return nil }
            // Close the gaps that empty lines left, so rows are contiguous.
            var count = 0
            for job in jobs {
                out.move(job.firstRow ..< job.firstRow + job.rows, to: count, metrics: layout.present)
                count += job.rows
            }
            guard count > 0, let scales = mergeScales(jobs, layout: layout, out: out),
                  let index = uniqueIDs(jobs, count: count),
                  ratiosHold(rules: rules, layout: layout, out: out, scales: scales, count: count) else { return nil }
            return (count, scales, index)
        }
        guard let (count, scales, index) = parsed else { return nil }
        var mantissas = storage.take(count: count)
        for m in layout.absent {
            mantissas[m] = Array(repeating: rules.metrics[m].missing == .zero ? 0 : BulkData.missing, count: count)
        }
        return (UnitIdentities(ids: storage.ids, names: storage.names, categories: storage.categories, lines: storage.lines),
                MetricColumns(unitCount: count, scales: scales, mantissas: mantissas), index)
    }

    /// `UnitsReader` reads JSON when the name says so or the text starts with `{` or `[`.
    static func looksJSON(_ p: UnsafeBufferPointer<UInt8>, fileName: String) -> Bool {
        if fileName.lowercased().hasSuffix(".json") { return true }
        for b in p.prefix(64) where !" \t\r\n".utf8.contains(b) && b != 0xEF && b != 0xBB && b != 0xBF {
            return b == UInt8(ascii: "{") || b == UInt8(ascii: "[")
        }
        return false
    }

    // MARK: Columns

    /// What each column of the file holds.
    struct Layout: Sendable {
        static let id = -1, name = -2, category = -3

        var width: Int
        /// Per column: `id`, `name`, `category`, or a metric's index.
        var roles: [Int]
        var kinds: [MetricDefinition.Kind]
        var missing: [MetricDefinition.Missing]
        /// Metrics with a column, and metrics without (their `missing` rule is not `error`).
        var present: [Int]
        var absent: [Int]

        /// The columns as `UnitsReader.readCSV` finds them; `nil` where it would report a
        /// missing or unknown column, or where one column would serve twice.
        init?(header: [String], rules: Rules) {
            width = header.count
            roles = Array(repeating: Int.min, count: header.count)
            guard let idCol = ColumnNames.find(ColumnNames.unitID, in: header),
                  let nameCol = ColumnNames.find(ColumnNames.unitName, in: header) else { return nil }
            roles[idCol] = Layout.id
            guard roles[nameCol] == Int.min else { return nil }
            roles[nameCol] = Layout.name
            if let c = ColumnNames.find(ColumnNames.category, in: header) {
                guard roles[c] == Int.min else { return nil }
                roles[c] = Layout.category
            }
            kinds = rules.metrics.map(\.kind)
            missing = rules.metrics.map(\.missing)
            present = []
            absent = []
            for (m, metric) in rules.metrics.enumerated() {
                if let c = header.firstIndex(of: metric.id) ?? header.firstIndex(of: metric.name) {
                    guard roles[c] == Int.min else { return nil }
                    roles[c] = m
                    present.append(m)
                } else {
                    guard metric.missing != .error else { return nil }
                    absent.append(m)
                }
            }
            guard !roles.contains(Int.min) else { return nil }
        }
    }

    // MARK: Parsing a chunk

    /// A range of rows, parsed on one thread.
    struct Job {
        var start: Int
        var end: Int
        var firstLine: Int
        /// Where its rows go in the output (before gaps are closed).
        var firstRow: Int
        var rows = 0
        /// Per metric: the scale this chunk's values are stored at.
        var scales: [Int]
        /// The ids' bytes, back to back, and where each ends.
        var idBytes: [UInt8] = []
        var idEnds: [Int] = []
        var failed = false

        init(start: Int, end: Int, firstLine: Int, firstRow: Int, metricCount: Int) {
            self.start = start
            self.end = end
            self.firstLine = firstLine
            self.firstRow = firstRow
            scales = Array(repeating: 0, count: metricCount)
        }
    }

    /// How to read one column, flat for the hot loop.
    struct ColumnSpec {
        /// `Layout.id`, `.name`, `.category`, or the metric's index.
        var role: Int
        var kind: MetricDefinition.Kind
        var missing: MetricDefinition.Missing
        var values: UnsafeMutablePointer<Int64>?
    }

    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ job: inout Job, _ layout: Layout, _ out: BulkUnitsBuffers, release: MappedFile?) {
        let width = layout.width
        let specs = UnsafeMutablePointer<ColumnSpec>.allocate(capacity: width)
        let scales = UnsafeMutablePointer<Int>.allocate(capacity: width)
        for c in 0 ..< width {
            let role = layout.roles[c]
            specs[c] = role >= 0 ? ColumnSpec(role: role, kind: layout.kinds[role], missing: layout.missing[role], values: out.columns[role])
                                 : ColumnSpec(role: role, kind: .number, missing: .error, values: nil)
            scales[c] = 0
        }
        let base = p.baseAddress!
        var pos = job.start
        let limit = job.end
        var line = job.firstLine
        var row = job.firstRow
        var categories = CategoryCache()
        var released = pos
        // Values go to a row-major block first and on to the columns a block at a time, so
        // each column is written in runs, not one value per row across dozens of pages.
        let blockRows = 256
        let block = UnsafeMutablePointer<Int64>.allocate(capacity: blockRows * width)
        var blockStart = row
        defer {
            block.deallocate()
            release?.release(released ..< limit)
            job.rows = row - job.firstRow
            for c in 0 ..< width where specs[c].role >= 0 { job.scales[specs[c].role] = scales[c] }
            specs.deallocate()
            scales.deallocate()
        }
        while pos < limit {
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && p[pos + 1] == BulkCSV.lf else { job.failed = true; return }
                pos += 2; line += 1
                continue
            }
            if let release, pos - released >= releaseStep {
                release.release(released ..< pos)
                released = pos
            }
            var id = "", name = "", category = "未分类"
            // One pass over the row: each number parsed as its bytes are found.
            var i = pos
            for c in 0 ..< width {
                let spec = specs[c]
                let fieldStart = i
                if let column = spec.values {
                    var m: Int64 = 0, s = 0
                    if let (v, n) = ByteNumber.shortInteger(base, i, limit), spec.kind != .flag || (n == 1 && v <= 1), spec.kind != .rate || v <= 1 {
                        // The common case: a whole number of up to 7 digits, then a comma or line end.
                        m = v
                        i += n
                    } else {
                    while i < limit {
                        let d = p[i] &- 48
                        if d >= 10 { break }
                        m = m &* 10 &+ Int64(d)
                        i += 1
                    }
                    var ok = i > fieldStart
                    if ok && i < limit && p[i] == UInt8(ascii: ".") && spec.kind != .count && spec.kind != .flag {
                        i += 1
                        var zeros = 0
                        while i < limit {
                            let d = p[i] &- 48
                            if d >= 10 { break }
                            if d == 0 { zeros += 1 } else {
                                m = m &* ByteNumber.pow10(zeros + 1) &+ Int64(d)
                                s += zeros + 1
                                zeros = 0
                            }
                            i += 1
                        }
                    }
                    if ok {
                        let b: UInt8 = i < limit ? p[i] : BulkCSV.lf
                        ok = (b == BulkCSV.comma || b == BulkCSV.lf || b == BulkCSV.cr) && i - fieldStart <= 18
                        switch spec.kind {
                        case .flag: ok = ok && i - fieldStart == 1 && m <= 1
                        case .rate: ok = ok && m <= ByteNumber.pow10(s)
                        default: break
                        }
                    }
                    if !ok {
                        i = BulkCSV.fieldEnd(p, from: fieldStart, limit: limit)
                        switch ByteNumber.metric(base + fieldStart, count: i - fieldStart, kind: spec.kind) {
                        case .value(let vm, let vs):
                            m = vm; s = vs
                        case .missing:
                            switch spec.missing {
                            case .error: job.failed = true; return
                            case .zero: m = 0; s = 0
                            case .notAssessable: m = BulkData.missing; s = 0
                            }
                        case .invalid:
                            job.failed = true
                            return
                        }
                    }
                    }
                    let scale = scales[c]
                    if s != scale && m != BulkData.missing {
                        if s < scale {
                            let (x, o) = m.multipliedReportingOverflow(by: ByteNumber.pow10(scale - s))
                            if o { job.failed = true; return }
                            m = x
                        } else {
                            guard s <= maxScale, rescale(column, job.firstRow ..< blockStart, by: s - scale),
                                  rescale(block + c, stride: width, count: row - blockStart, by: s - scale) else {
                                job.failed = true
                                return
                            }
                            scales[c] = s
                        }
                    }
                    block[(row - blockStart) * width + c] = m
                } else {
                    i = BulkCSV.fieldEnd(p, from: fieldStart, limit: limit)
                    let f = base + fieldStart
                    guard let (a, len) = BulkCSV.textCell(f, i - fieldStart) else { job.failed = true; return }
                    let text = UnsafeBufferPointer(start: f + a, count: len)
                    switch spec.role {
                    case Layout.id:
                        guard len > 0 else { job.failed = true; return }
                        id = String(decoding: text, as: UTF8.self)
                        job.idBytes.append(contentsOf: text)
                        job.idEnds.append(job.idBytes.count)
                    case Layout.name:
                        guard len > 0 else { job.failed = true; return }
                        name = String(decoding: text, as: UTF8.self)
                    default:
                        if len > 0 {
                            guard let s = categories.text(f + a, len) else { job.failed = true; return }
                            category = s
                        }
                    }
                }
                if c < width - 1 {
                    guard i < limit && p[i] == BulkCSV.comma else { job.failed = true; return }
                    i += 1
                }
            }
            guard let next = BulkCSV.lineEnd(p, i) else { job.failed = true; return }
            out.ids[row] = id
            out.names[row] = name
            out.categories[row] = category
            out.lines[row] = Int32(truncatingIfNeeded: line)
            row += 1
            if row - blockStart == blockRows {
                flush(block, specs, width: width, rows: blockStart ..< row)
                blockStart = row
            }
            line += 1
            pos = next
        }
        flush(block, specs, width: width, rows: blockStart ..< row)
    }

    /// Writes the block's rows to their columns.
    static func flush(_ block: UnsafeMutablePointer<Int64>, _ specs: UnsafeMutablePointer<ColumnSpec>, width: Int, rows: Range<Int>) {
        for c in 0 ..< width {
            guard let column = specs[c].values else { continue }
            var k = c
            for r in rows {
                column[r] = block[k]
                k += width
            }
        }
    }

    /// Multiplies `count` values `stride` apart by 10^`k`, skipping missing ones; `false` on overflow.
    static func rescale(_ p: UnsafeMutablePointer<Int64>, stride: Int, count: Int, by k: Int) -> Bool {
        let f = ByteNumber.pow10(k)
        for i in 0 ..< count where p[i * stride] != BulkData.missing {
            let (x, o) = p[i * stride].multipliedReportingOverflow(by: f)
            if o { return false }
            p[i * stride] = x
        }
        return true
    }

    /// Multiplies the stored values of `rows` by 10^`k`; `false` on overflow.
    static func rescale(_ column: UnsafeMutablePointer<Int64>, _ rows: Range<Int>, by k: Int) -> Bool {
        let f = ByteNumber.pow10(k)
        for r in rows where column[r] != BulkData.missing {
            let (x, o) = column[r].multipliedReportingOverflow(by: f)
            if o { return false }
            column[r] = x
        }
        return true
    }

    /// Categories repeat: one `String` per distinct text.
    struct CategoryCache {
        var keys: [[UInt8]] = []
        var texts: [String] = []

        /// The text of bytes already checked to be UTF-8.
        mutating func text(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
            let bytes = UnsafeBufferPointer(start: p, count: n)
            for (i, k) in keys.enumerated() where k.elementsEqual(bytes) { return texts[i] }
            let s = String(decoding: bytes, as: UTF8.self)
            if keys.count < 32 {
                keys.append(Array(bytes))
                texts.append(s)
            }
            return s
        }
    }

    // MARK: After the chunks

    /// One scale per metric, the largest any chunk used; chunks that used less are rescaled.
    static func mergeScales(_ jobs: [Job], layout: Layout, out: BulkUnitsBuffers) -> [Int]? {
        var scales = Array(repeating: 0, count: layout.kinds.count)
        var row = 0
        var ranges: [Range<Int>] = []
        for job in jobs {
            ranges.append(row ..< row + job.rows)
            row += job.rows
            for m in layout.present { scales[m] = max(scales[m], job.scales[m]) }
        }
        for (k, job) in jobs.enumerated() {
            for m in layout.present where job.scales[m] < scales[m] {
                guard rescale(out.columns[m], ranges[k], by: scales[m] - job.scales[m]) else { return nil }
            }
        }
        return scales
    }

    /// The ids' table; `nil` when an id repeats.
    static func uniqueIDs(_ jobs: [Job], count: Int) -> IDTable? {
        var table = IDTable(capacity: count)
        for job in jobs {
            let ok = job.idBytes.withUnsafeBufferPointer { b in
                var start = 0
                for end in job.idEnds {
                    guard table.insert((b.baseAddress ?? UnsafePointer(bitPattern: 1)!) + start, count: end - start).inserted else { return false }
                    start = end
                }
                return true
            }
            guard ok else { return nil }
        }
        return table
    }

    /// How many bytes a chunk reads between letting go of pages of a mapped file.
    static let releaseStep = 8 << 20

    /// `UnitsReader.checkRatios`: no numerator above its denominator where a rule reads their
    /// ratio with `maxOne`.
    static func ratiosHold(rules: Rules, layout: Layout, out: BulkUnitsBuffers, scales: [Int], count: Int) -> Bool {
        let index = Dictionary(rules.metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A metric without a column is all zeros or all missing.
        func value(_ m: Int, _ u: Int) -> Int64 {
            if layout.present.contains(m) { return out.columns[m][u] }
            return rules.metrics[m].missing == .zero ? 0 : BulkData.missing
        }
        for r in rules.maxOneRatios {
            guard let n = index[r.numerator], let d = index[r.denominator] else { continue }
            let fa = Int128(ByteNumber.pow10(scales[d])), fb = Int128(ByteNumber.pow10(scales[n]))
            if layout.present.contains(n) && layout.present.contains(d) {
                let a = out.columns[n], b = out.columns[d]
                for u in 0 ..< count where a[u] != BulkData.missing && b[u] != BulkData.missing {
                    if Int128(a[u]) * fa > Int128(b[u]) * fb { return false }
                }
            } else {
                for u in 0 ..< count {
                    let a = value(n, u), b = value(d, u)
                    if a != BulkData.missing && b != BulkData.missing && Int128(a) * fa > Int128(b) * fb { return false }
                }
            }
        }
        return true
    }
}

/// The arrays `BulkUnitsReader` fills in place, one row per line of the file at most.
final class UnitsStorage {
    /// One box per metric, so each column's buffer can be held open at once.
    final class Column {
        var values: [Int64]
        init(capacity: Int) { values = [Int64](unsafeUninitializedCapacity: capacity) { _, n in n = capacity } }
    }

    var columns: [Column?]
    var ids: [String]
    var names: [String]
    var categories: [String]
    var lines: [Int32]

    init(capacity: Int, metrics: [Int], metricCount: Int) {
        columns = (0 ..< metricCount).map { metrics.contains($0) ? Column(capacity: capacity) : nil }
        ids = Array(repeating: "", count: capacity)
        names = Array(repeating: "", count: capacity)
        categories = Array(repeating: "", count: capacity)
        lines = [Int32](unsafeUninitializedCapacity: capacity) { _, n in n = capacity }
    }

    /// `body` with pointers to every array, held open for its whole run.
    func withBuffers<R>(_ body: (BulkUnitsBuffers) -> R) -> R {
        ids.withUnsafeMutableBufferPointer { ids in
            names.withUnsafeMutableBufferPointer { names in
                categories.withUnsafeMutableBufferPointer { categories in
                    lines.withUnsafeMutableBufferPointer { lines in
                                var columns: [UnsafeMutablePointer<Int64>?] = []
                                func open(_ m: Int) -> R {
                                    if m == self.columns.count {
                                        return body(BulkUnitsBuffers(columns: columns.map { $0 ?? UnsafeMutablePointer(bitPattern: 8)! },
                                                                     ids: ids.baseAddress!, names: names.baseAddress!,
                                                                     categories: categories.baseAddress!, lines: lines.baseAddress!))
                                    }
                                    guard let column = self.columns[m] else {
                                        columns.append(nil)
                                        return open(m + 1)
                                    }
                                    return column.values.withUnsafeMutableBufferPointer { p in
                                        columns.append(p.baseAddress!)
                                        return open(m + 1)
                                    }
                                }
                                return open(0)
                    }
                }
            }
        }
    }

    /// The first `count` rows' metric columns (empty for metrics without a column); the other
    /// arrays are cut to `count`.
    func take(count: Int) -> [[Int64]] {
        for a in [\UnitsStorage.ids, \.names, \.categories] { self[keyPath: a].removeLast(self[keyPath: a].count - count) }
        lines.removeLast(lines.count - count)
        return columns.indices.map { m in
            guard let c = columns[m] else { return [] }
            columns[m] = nil
            var v = c.values
            c.values = []
            v.removeLast(v.count - count)
            return v
        }
    }
}

/// Pointers into `UnitsStorage` while chunks write into it. Each row is written by exactly
/// one thread (the chunk's rows), which is what makes sharing these pointers safe.
struct BulkUnitsBuffers: @unchecked Sendable {
    let columns: [UnsafeMutablePointer<Int64>]
    let ids: UnsafeMutablePointer<String>
    let names: UnsafeMutablePointer<String>
    let categories: UnsafeMutablePointer<String>
    let lines: UnsafeMutablePointer<Int32>

    /// Moves rows `from` down to start at `to` (≤ `from.lowerBound`).
    func move(_ from: Range<Int>, to: Int, metrics: [Int]) {
        guard to != from.lowerBound, !from.isEmpty else { return }
        let n = from.count, a = from.lowerBound
        for m in metrics { (columns[m] + to).update(from: columns[m] + a, count: n) }
        for i in 0 ..< n {
            ids[to + i] = ids[a + i]
            names[to + i] = names[a + i]
            categories[to + i] = categories[a + i]
        }
        (lines + to).update(from: lines + a, count: n)
    }
}
