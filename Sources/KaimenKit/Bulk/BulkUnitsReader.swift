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

    /// - Parameter parallelThreshold: files of fewer bytes are read on one thread.
    public static func read(_ p: UnsafeBufferPointer<UInt8>, fileName: String, rules: Rules, threads: Int,
                            parallelThreshold: Int = 4 << 20) -> Result? {
        guard !looksJSON(p, fileName: fileName),
              let header = BulkCSV.header(p),
              let layout = Layout(header: header.names, rules: rules) else { return nil }
        let parts = threads > 1 && p.count - header.bodyStart > parallelThreshold ? threads : 1
        let bounds = BulkCSV.lineBoundaries(p, start: header.bodyStart, end: p.count, parts: parts)

        // Each chunk's first line, and room for as many rows as it has lines.
        let bytes = SharedBytes(p)
        let lineFeeds = Parallel.map(parts) { k in BulkCSV.countLineFeeds(bytes.buffer, bounds[k], bounds[k + 1]) }
        var planned: [Job] = []
        var row = 0, line = header.line + 1
        for k in 0 ..< parts {
            planned.append(Job(start: bounds[k], end: bounds[k + 1], firstLine: line, firstRow: row, metricCount: rules.metrics.count))
            row += lineFeeds[k] + 1
            line += lineFeeds[k]
        }
        let out = BulkUnitsBuffers(capacity: row, metricCount: rules.metrics.count)
        let plan = planned
        let jobs = Parallel.map(parts) { k in
            var job = plan[k]
            parse(bytes.buffer, &job, layout, out)
            return job
        }
        guard !jobs.contains(where: \.failed) else {
            for job in jobs { out.releaseStrings(job.firstRow ..< job.firstRow + job.rows) }
            out.deallocate()
            return nil
        }
        // Close the gaps that empty lines left, so rows are contiguous.
        var count = 0
        for job in jobs {
            out.move(job.firstRow ..< job.firstRow + job.rows, to: count, metrics: layout.present)
            count += job.rows
        }
        guard count > 0, let scales = mergeScales(jobs, layout: layout, out: out),
              let index = uniqueIDs(p, out: out, count: count),
              ratiosHold(rules: rules, out: out, scales: scales, count: count) else {
            out.releaseStrings(0 ..< count)
            out.deallocate()
            return nil
        }
        for m in layout.absent {
            let fill = rules.metrics[m].missing == .zero ? 0 : BulkData.missing
            out.columns[m].initialize(repeating: fill, count: count)
        }
        let result = out.take(count: count)
        return (UnitIdentities(ids: result.ids, names: result.names, categories: result.categories, lines: result.lines),
                MetricColumns(unitCount: count, scales: scales, mantissas: result.columns), index)
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
        var failed = false

        init(start: Int, end: Int, firstLine: Int, firstRow: Int, metricCount: Int) {
            self.start = start
            self.end = end
            self.firstLine = firstLine
            self.firstRow = firstRow
            scales = Array(repeating: 0, count: metricCount)
        }
    }

    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ job: inout Job, _ layout: Layout, _ out: BulkUnitsBuffers) {
        let width = layout.width
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: width)
        defer { ends.deallocate() }
        let base = p.baseAddress!
        var pos = job.start
        let limit = job.end
        var line = job.firstLine
        var row = job.firstRow
        var categories = CategoryCache()
        defer { job.rows = row - job.firstRow }
        let roles = layout.roles, kinds = layout.kinds, missingRules = layout.missing
        while pos < limit {
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && p[pos + 1] == BulkCSV.lf else { job.failed = true; return }
                pos += 2; line += 1
                continue
            }
            guard let next = BulkCSV.splitRecord(p, from: pos, limit: limit, width: width, ends: ends) else { job.failed = true; return }
            var id = "", name = "", category = "未分类"
            var fieldStart = pos
            for c in 0 ..< width {
                let fieldEnd = ends[c]
                let role = roles[c]
                let f = base + fieldStart
                let n = fieldEnd - fieldStart
                if role >= 0 {
                    let kind = kinds[role]
                    var m: Int64 = 0, s = 0
                    if let (fm, fs) = fastValue(f, n, kind) {
                        m = fm; s = fs
                    } else {
                        switch ByteNumber.metric(f, count: n, kind: kind) {
                        case .value(let vm, let vs):
                            m = vm; s = vs
                        case .missing:
                            switch missingRules[role] {
                            case .error: job.failed = true; return
                            case .zero: m = 0
                            case .notAssessable: m = BulkData.missing
                            }
                        case .invalid:
                            job.failed = true
                            return
                        }
                    }
                    let column = out.columns[role]
                    if m != BulkData.missing && s != job.scales[role] {
                        if s < job.scales[role] {
                            let (x, o) = m.multipliedReportingOverflow(by: BulkData.pow10[job.scales[role] - s])
                            if o { job.failed = true; return }
                            m = x
                        } else {
                            guard s <= maxScale, rescale(column, job.firstRow ..< row, by: s - job.scales[role]) else {
                                job.failed = true
                                return
                            }
                            job.scales[role] = s
                        }
                    }
                    column[row] = m
                } else {
                    guard let (a, len) = BulkCSV.textCell(f, n) else { job.failed = true; return }
                    switch role {
                    case Layout.id:
                        guard len > 0 else { job.failed = true; return }
                        id = String(decoding: UnsafeBufferPointer(start: f + a, count: len), as: UTF8.self)
                        out.idStarts[row] = fieldStart + a
                        out.idLengths[row] = Int32(len)
                    case Layout.name:
                        guard len > 0 else { job.failed = true; return }
                        name = String(decoding: UnsafeBufferPointer(start: f + a, count: len), as: UTF8.self)
                    default:
                        if len > 0 { category = categories.text(f + a, len) }
                    }
                }
                fieldStart = fieldEnd + 1
            }
            (out.ids + row).initialize(to: id)
            (out.names + row).initialize(to: name)
            (out.categories + row).initialize(to: category)
            out.lines[row] = Int32(truncatingIfNeeded: line)
            row += 1
            line += 1
            pos = next
        }
    }

    /// The common case, without a call: plain digits with an optional fraction, in range.
    @inline(__always)
    static func fastValue(_ f: UnsafePointer<UInt8>, _ n: Int, _ kind: MetricDefinition.Kind) -> (Int64, Int)? {
        guard n > 0 && n <= 18 else { return nil }
        var m: Int64 = 0
        var i = 0
        while i < n {
            let d = f[i] &- 48
            if d >= 10 { break }
            m = m &* 10 &+ Int64(d)
            i += 1
        }
        guard i > 0 else { return nil }
        if i == n {
            if kind == .flag { return n == 1 && m <= 1 ? (m, 0) : nil }
            if kind == .rate && m > 1 { return nil }
            return (m, 0)
        }
        guard f[i] == UInt8(ascii: "."), kind != .flag, kind != .count else { return nil }
        i += 1
        var s = 0, zeros = 0
        while i < n {
            let d = f[i] &- 48
            if d >= 10 { return nil }
            if d == 0 { zeros += 1 } else {
                m = m &* BulkData.pow10[zeros + 1] &+ Int64(d)
                s += zeros + 1
                zeros = 0
            }
            i += 1
        }
        if kind == .rate && m > BulkData.pow10[s] { return nil }
        return (m, s)
    }

    /// Multiplies the stored values of `rows` by 10^`k`; `false` on overflow.
    static func rescale(_ column: UnsafeMutablePointer<Int64>, _ rows: Range<Int>, by k: Int) -> Bool {
        let f = BulkData.pow10[k]
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

        mutating func text(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
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
    static func uniqueIDs(_ p: UnsafeBufferPointer<UInt8>, out: BulkUnitsBuffers, count: Int) -> IDTable? {
        var table = IDTable(capacity: count)
        let base = p.baseAddress!
        for r in 0 ..< count {
            guard table.insert(base + out.idStarts[r], count: Int(out.idLengths[r])).inserted else { return nil }
        }
        return table
    }

    /// `UnitsReader.checkRatios`: no numerator above its denominator where a rule reads their
    /// ratio with `maxOne`.
    static func ratiosHold(rules: Rules, out: BulkUnitsBuffers, scales: [Int], count: Int) -> Bool {
        let index = Dictionary(rules.metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in rules.standards + rules.bonuses + rules.deductions {
            let input: MetricInput?
            switch s.method {
            case .bands(let b): input = b.input
            case .linear(let l): input = l.input
            default: input = nil
            }
            guard case .ratio(let r)? = input, r.maxOne, let n = index[r.numerator], let d = index[r.denominator] else { continue }
            let a = out.columns[n], b = out.columns[d]
            let fa = Int128(BulkData.pow10[scales[d]]), fb = Int128(BulkData.pow10[scales[n]])
            for u in 0 ..< count where a[u] != BulkData.missing && b[u] != BulkData.missing {
                if Int128(a[u]) * fa > Int128(b[u]) * fb { return false }
            }
        }
        return true
    }
}

/// The output of `BulkUnitsReader` while chunks write into it: one buffer per column. Each
/// row is written by exactly one thread (the chunk's rows), which is what makes sharing these
/// pointers between threads safe.
struct BulkUnitsBuffers: @unchecked Sendable {
    let capacity: Int
    let columns: [UnsafeMutablePointer<Int64>]
    let ids: UnsafeMutablePointer<String>
    let names: UnsafeMutablePointer<String>
    let categories: UnsafeMutablePointer<String>
    let lines: UnsafeMutablePointer<Int32>
    let idStarts: UnsafeMutablePointer<Int>
    let idLengths: UnsafeMutablePointer<Int32>

    init(capacity: Int, metricCount: Int) {
        self.capacity = capacity
        columns = (0 ..< metricCount).map { _ in .allocate(capacity: capacity) }
        ids = .allocate(capacity: capacity)
        names = .allocate(capacity: capacity)
        categories = .allocate(capacity: capacity)
        lines = .allocate(capacity: capacity)
        idStarts = .allocate(capacity: capacity)
        idLengths = .allocate(capacity: capacity)
    }

    /// Moves rows `from` down to start at `to` (≤ `from.lowerBound`).
    func move(_ from: Range<Int>, to: Int, metrics: [Int]) {
        guard to != from.lowerBound, !from.isEmpty else { return }
        let n = from.count, a = from.lowerBound
        for m in metrics { (columns[m] + to).moveInitialize(from: columns[m] + a, count: n) }
        (ids + to).moveInitialize(from: ids + a, count: n)
        (names + to).moveInitialize(from: names + a, count: n)
        (categories + to).moveInitialize(from: categories + a, count: n)
        (lines + to).moveInitialize(from: lines + a, count: n)
        (idStarts + to).moveInitialize(from: idStarts + a, count: n)
        (idLengths + to).moveInitialize(from: idLengths + a, count: n)
    }

    func releaseStrings(_ rows: Range<Int>) {
        guard !rows.isEmpty else { return }
        (ids + rows.lowerBound).deinitialize(count: rows.count)
        (names + rows.lowerBound).deinitialize(count: rows.count)
        (categories + rows.lowerBound).deinitialize(count: rows.count)
    }

    func deallocate() {
        for c in columns { c.deallocate() }
        ids.deallocate()
        names.deallocate()
        categories.deallocate()
        lines.deallocate()
        idStarts.deallocate()
        idLengths.deallocate()
    }

    /// The first `count` rows as arrays; the buffers are freed.
    func take(count: Int) -> (columns: [[Int64]], ids: [String], names: [String], categories: [String], lines: [Int32]) {
        let columns = columns.map(Disjoint.init)
        let cols = Parallel.map(columns.count) { m in BulkUnitsBuffers.array(columns[m].base, count: count) }
        idStarts.deallocate()
        idLengths.deallocate()
        return (cols, Self.array(ids, count: count), Self.array(names, count: count),
                Self.array(categories, count: count), Self.array(lines, count: count))
    }

    /// The first `count` values of `p` moved into an array; `p` is freed.
    static func array<T>(_ p: UnsafeMutablePointer<T>, count: Int) -> [T] {
        let a = [T](unsafeUninitializedCapacity: count) { buf, n in
            buf.baseAddress!.moveInitialize(from: p, count: count)
            n = count
        }
        p.deallocate()
        return a
    }
}
