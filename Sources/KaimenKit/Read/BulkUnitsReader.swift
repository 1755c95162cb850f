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
        bytes.withUnsafeBufferPointer { try? tryRead($0, fileName: fileName, rules: rules, threads: threads, parallelThreshold: parallelThreshold).get() }
    }

    /// Reads a mapped file, letting go of its pages as it goes; `nil` too when the file changed
    /// as it was read (`MappedFile.damaged`: `checkIntact` says so).
    public static func read(_ file: MappedFile, fileName: String, rules: Rules, threads: Int,
                            parallelThreshold: Int = 4 << 20) -> Result? {
        try? tryRead(file, fileName: fileName, rules: rules, threads: threads, parallelThreshold: parallelThreshold).get()
    }

    /// `read`, or why the file is handed over (`BulkHandOver`); `fileUnreadable` when the file
    /// changed as it was read (`checkIntact` says how).
    static func tryRead(_ file: MappedFile, fileName: String, rules: Rules, threads: Int,
                        parallelThreshold: Int = 4 << 20) -> Swift.Result<Result, BulkHandOver> {
        let result = tryRead(file.bytes, fileName: fileName, rules: rules, threads: threads, parallelThreshold: parallelThreshold, release: file)
        return file.damaged ? .failure(.fileUnreadable) : result
    }

    /// The one reading: the columns, or why the file is left to the checked reader: its
    /// header's reason when the header is what stopped it, `impossibleValue` for a value
    /// beyond a rule's bound, else `unitsRow` (the rows' other reasons are not told apart yet).
    /// - Parameters:
    ///   - parallelThreshold: files of fewer bytes are read on one thread.
    ///   - release: the mapping `p` lies in, to let go of pages once read.
    static func tryRead(_ p: UnsafeBufferPointer<UInt8>, fileName: String, rules: Rules, threads: Int,
                        parallelThreshold: Int = 4 << 20, release: MappedFile? = nil) -> Swift.Result<Result, BulkHandOver> {
        if looksJSON(p, fileName: fileName) { return .failure(.notCSV) }
        guard let header = BulkCSV.header(p) else { return .failure(BulkHandOver.header(p)) }
        guard let layout = Layout(header: header.names, rules: rules) else { return .failure(.header) }
        let parts = threads > 1 && p.count - header.bodyStart > parallelThreshold ? threads : 1
        let bounds = BulkCSV.lineBoundaries(p, start: header.bodyStart, end: p.count, parts: parts)

        // Each chunk's first line, and room for as many rows as it has lines.
        let bytes = SharedBytes(p)
        let lineFeeds = Parallel.map(parts) { k in
            // The pages stay mapped for the parse, which lets go of them as it goes.
            BulkCSV.countLineFeeds(bytes.buffer, bounds[k], bounds[k + 1])
        }
        var planned: [Job] = []
        var row = 0, line = header.line + 1
        for k in 0 ..< parts {
            planned.append(Job(start: bounds[k], end: bounds[k + 1], firstLine: line, firstRow: row, metricCount: rules.metrics.count))
            // A chunk ending in a line end has no row after its last LF.
            row += lineFeeds[k] + (bounds[k + 1] > bounds[k] && p[bounds[k + 1] - 1] != BulkCSV.lf ? 1 : 0)
            line += lineFeeds[k]
        }
        // Values go straight to `Int32` columns (what `narrowColumns()` makes of them), half the
        // memory of `Int64`; only when one does not fit are the chunks parsed again, to `Int64`.
        var outcome = parseAll(p, Int32.self, planned, rows: row, layout: layout, rules: rules, threads: threads, release: release)
        if case .tooWide = outcome {
            outcome = parseAll(p, Int64.self, planned, rows: row, layout: layout, rules: rules, threads: threads, release: release)
        }
        switch outcome {
        case .done(let result): return .success(result)
        case .beyondBound: return .failure(.impossibleValue)
        case .failed, .tooWide: return .failure(.unitsRow)
        }
    }

    enum Outcome {
        case done(Result)
        /// Something the checked reader would report, or that it does not read itself.
        case failed
        /// A value beyond a bound a rule puts on it (`boundsHold`): the checked reader reports it.
        case beyondBound
        /// A value (or a value rescaled) does not fit the column type.
        case tooWide
    }

    /// Parses the planned chunks into columns of `T`.
    static func parseAll<T: StoredMantissa>(_ p: UnsafeBufferPointer<UInt8>, _: T.Type, _ planned: [Job], rows: Int, layout: Layout,
                                            rules: Rules, threads: Int, release: MappedFile?) -> Outcome {
        let bytes = SharedBytes(p)
        let storage = UnitsStorage<T>(capacity: rows, metrics: layout.present, metricCount: rules.metrics.count)
        let parsed = storage.withBuffers { out -> Outcome? in
            let jobs = Parallel.map(planned.count) { k in
                var job = planned[k]
                parse(bytes.buffer, &job, layout, out, release: release)
                return job
            }
            if jobs.contains(where: \.failed) { return .failed }
            // An empty category among others is the checked reader's error (a merged cell).
            if jobs.contains(where: \.blankCategory) && jobs.contains(where: \.givenCategory) { return .failed }
            if jobs.contains(where: \.tooWide) { return .tooWide }
            // Close the gaps that empty lines left, so rows are contiguous.
            var count = 0
            for job in jobs {
                out.move(job.firstRow ..< job.firstRow + job.rows, to: count, metrics: layout.present)
                count += job.rows
            }
            guard count > 0 else { return .failed }
            // A name in an id cell (`unit-id-is-name`) is decided over the whole file, as the
            // checked reader decides it; only an id beyond ASCII may be one (but the row's own
            // name, handed over as the row was read).
            if jobs.contains(where: { job in job.idBytes.withUnsafeBufferPointer { BulkCSV.anyBeyondASCII($0) } }),
               !Unit.namesInIDCells(ids: Array(UnsafeBufferPointer(start: out.ids.base, count: count)),
                                    names: Array(UnsafeBufferPointer(start: out.names.base, count: count))).isEmpty {
                return .failed
            }
            let scales: [Int]
            switch mergeScales(jobs, layout: layout, out: out) {
            case .success(let s): scales = s
            case .failure(let outcome): return outcome.value
            }
            guard let index = uniqueIDs(jobs, threads: threads) else { return .failed }
            guard boundsHold(rules: rules, layout: layout, out: out, scales: scales, count: count) else { return .beyondBound }
            storage.count = count
            storage.scales = scales
            storage.index = index
            return nil
        }
        if let parsed { return parsed }
        let count = storage.count
        let values = storage.take(count: count)
        return .done((UnitIdentities(ids: storage.ids, names: storage.names, categories: storage.categories, lines: storage.lines),
                      T.columns(unitCount: count, scales: storage.scales, values: values), storage.index))
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
        /// Metrics with a column: every metric (a file without a metric's column is the
        /// checked reader's, which says so, whatever the metric's `missing` rule).
        var present: [Int]

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
            for (m, metric) in rules.metrics.enumerated() {
                let (column, twice) = ColumnNames.metric(metric, in: header)
                // Headed by its id and by its name: the checked reader says so.
                guard twice == nil else { return nil }
                if let c = column {
                    guard roles[c] == Int.min else { return nil }
                    roles[c] = m
                    present.append(m)
                } else {
                    return nil
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
        /// Whether a row's category cell was empty, and whether one was not.
        var blankCategory = false, givenCategory = false
        /// A value does not fit the column type (only `Int32` columns).
        var tooWide = false

        init(start: Int, end: Int, firstLine: Int, firstRow: Int, metricCount: Int) {
            self.start = start
            self.end = end
            self.firstLine = firstLine
            self.firstRow = firstRow
            scales = Array(repeating: 0, count: metricCount)
        }
    }

    /// How to read one column, flat for the hot loop (in an `OwnedMemory`, so plain values).
    struct ColumnSpec<T>: BitwiseCopyable {
        /// `Layout.id`, `.name`, `.category`, or the metric's index.
        var role: Int
        var kind: MetricDefinition.Kind
        var missing: MetricDefinition.Missing
        var values: UnsafeMutablePointer<T>?
    }

    static func parse<T: StoredMantissa>(_ p: UnsafeBufferPointer<UInt8>, _ job: inout Job, _ layout: Layout, _ out: BulkUnitsBuffers<T>,
                                         release: MappedFile?) {
        let width = layout.width
        let columnSpecs = (0 ..< width).map { c -> ColumnSpec<T> in
            let role = layout.roles[c]
            return role >= 0 ? ColumnSpec(role: role, kind: layout.kinds[role], missing: layout.missing[role], values: out.columns[role].base)
                             : ColumnSpec(role: role, kind: .number, missing: .error, values: nil)
        }
        // Values go to a row-major block first and on to the columns a block at a time, so
        // each column is written in runs, not one value per row across dozens of pages.
        let blockRows = 64
        // The columns' specs and scales, and the block, in memory freed when `memory` goes,
        // which is kept to the end.
        let memory = (specs: OwnedMemory(copying: columnSpecs), scales: OwnedMemory<Int>(repeating: 0, count: width),
                      block: OwnedMemory<Int64>(uninitialized: blockRows * width))
        let specs = memory.specs.base, scales = memory.scales.base, block = memory.block.base
        let base = p.baseAddress!
        var pos = job.start
        let limit = job.end
        var line = job.firstLine
        var row = job.firstRow
        var categories = CategoryCache()
        var released = pos
        var blockStart = row
        defer {
            release?.release(released ..< limit)
            job.rows = row - job.firstRow
            for c in 0 ..< width where specs[c].role >= 0 { job.scales[specs[c].role] = scales[c] }
            withExtendedLifetime(memory) {}
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
                    // Beyond what kaimen holds exactly: the checked reader says so.
                    if m != BulkData.missing && !NumberLimits.fits(mantissa: m, scale: s) { job.failed = true; return }
                    let scale = scales[c]
                    if s != scale && m != BulkData.missing {
                        if s < scale {
                            let (x, o) = m.multipliedReportingOverflow(by: ByteNumber.pow10(scale - s))
                            if o { job.failed = true; return }
                            m = x
                        } else {
                            guard s <= maxScale, rescale(block + c, stride: width, count: row - blockStart, by: s - scale) else {
                                job.failed = true
                                return
                            }
                            switch rescale(column, job.firstRow ..< blockStart, by: s - scale) {
                            case .success: break
                            case .failure(let outcome):
                                if case .tooWide = outcome.value { job.tooWide = true } else { job.failed = true }
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
                        guard len > 0, TextCellCheck.fits(f + a, len, limit: TextCellCheck.idLimit),
                              !TextCellCheck.mayHoldLookalike(f + a, len) else { job.failed = true; return }
                        id = String(decoding: text, as: UTF8.self)
                        job.idBytes.append(contentsOf: text)
                        job.idEnds.append(job.idBytes.count)
                    case Layout.name:
                        guard len > 0, TextCellCheck.fits(f + a, len, limit: TextCellCheck.textLimit) else { job.failed = true; return }
                        name = String(decoding: text, as: UTF8.self)
                    default:
                        if len > 0 {
                            guard TextCellCheck.fits(f + a, len, limit: TextCellCheck.textLimit), let s = categories.text(f + a, len) else {
                                job.failed = true; return
                            }
                            category = s
                            job.givenCategory = true
                        } else {
                            job.blankCategory = true
                        }
                    }
                }
                if c < width - 1 {
                    guard i < limit && p[i] == BulkCSV.comma else { job.failed = true; return }
                    i += 1
                }
            }
            guard let next = BulkCSV.lineEnd(p, i) else { job.failed = true; return }
            // A unit's name typed in its id cell: the checked reader's error (`unit-id-is-name`).
            if id == name { job.failed = true; return }
            out.ids.base[row] = id
            out.names.base[row] = name
            out.categories.base[row] = category
            out.lines.base[row] = Int32(truncatingIfNeeded: line)
            row += 1
            if row - blockStart == blockRows {
                guard flush(block, specs, width: width, rows: blockStart ..< row) else { job.tooWide = true; return }
                blockStart = row
            }
            line += 1
            pos = next
        }
        if !flush(block, specs, width: width, rows: blockStart ..< row) { job.tooWide = true }
    }

    /// Writes the block's rows to their columns; `false` when a value does not fit `T`.
    static func flush<T: StoredMantissa>(_ block: UnsafeMutablePointer<Int64>, _ specs: UnsafeMutablePointer<ColumnSpec<T>>, width: Int,
                                         rows: Range<Int>) -> Bool {
        var fits = true
        for c in 0 ..< width {
            guard let column = specs[c].values else { continue }
            var k = c
            for r in rows {
                let (x, ok) = T.stored(block[k])
                column[r] = x
                fits = fits && ok
                k += width
            }
        }
        return fits
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

    /// Multiplies the stored values of `rows` by 10^`k`: `.tooWide` when one no longer fits
    /// `T` but would fit `Int64`, `.failed` when not even that.
    static func rescale<T: StoredMantissa>(_ column: UnsafeMutablePointer<T>, _ rows: Range<Int>, by k: Int) -> Swift.Result<Void, Failure> {
        let f = ByteNumber.pow10(k)
        for r in rows where column[r] != T.missingMark {
            let (x, o) = Int64(column[r]).multipliedReportingOverflow(by: f)
            if o { return .failure(Failure(.failed)) }
            let (y, fits) = T.stored(x)
            if !fits || y == T.missingMark { return .failure(Failure(.tooWide)) }
            column[r] = y
        }
        return .success(())
    }

    /// An outcome other than `.done`, as an error.
    struct Failure: Error {
        var value: Outcome
        init(_ value: Outcome) { self.value = value }
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
    static func mergeScales<T: StoredMantissa>(_ jobs: [Job], layout: Layout, out: BulkUnitsBuffers<T>) -> Swift.Result<[Int], Failure> {
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
                if case .failure(let f) = rescale(out.columns[m].base, ranges[k], by: scales[m] - job.scales[m]) { return .failure(f) }
            }
        }
        return .success(scales)
    }

    /// The ids' table, `nil` when two ids are the same. The table compares bytes; the checked
    /// reader compares ids as text, where two spellings of one character (`é` and `e` + U+0301,
    /// a CJK compatibility ideograph and its unified form, `K` and the Kelvin sign) are one id.
    /// Only an id with a byte beyond ASCII can be such a spelling: when there is one, the ids
    /// are also compared as text, and a pair equal as text is a duplicate here too.
    static func uniqueIDs(_ jobs: [Job], threads: Int) -> IDTable? {
        guard let table = IDTable.unique(jobs.map { ($0.idBytes, $0.idEnds) }, threads: threads) else { return nil }
        let beyondASCII = jobs.contains { job in job.idBytes.withUnsafeBufferPointer { BulkCSV.anyBeyondASCII($0) } }
        guard beyondASCII else { return table }
        var seen = Set<String>()
        for job in jobs {
            var start = 0
            for end in job.idEnds {
                guard seen.insert(String(decoding: job.idBytes[start ..< end], as: UTF8.self)).inserted else { return nil }
                start = end
            }
        }
        return table
    }

    /// How many bytes a chunk reads between letting go of pages of a mapped file.
    static let releaseStep = 8 << 20

    /// `UnitsReader.checkBounds`: no value beyond a bound a rule puts on it (`Rules.valueBounds`:
    /// a numerator above its denominator where a ratio says `maxOne`, a survey's respondents
    /// above its population), each part and the limit at the largest scale of them; a file with
    /// one is handed over (`impossibleValue`), for the checked reader to report it.
    static func boundsHold<T: StoredMantissa>(rules: Rules, layout: Layout, out: BulkUnitsBuffers<T>, scales: [Int], count: Int) -> Bool {
        let index = rules.metricIndex
        // Every metric has its column here (a file without one is the checked reader's).
        for bound in rules.valueBounds {
            let parts = bound.parts.compactMap { index[$0] }
            guard parts.count == bound.parts.count, let limit = index[bound.limit] else { continue }
            let metrics = parts + [limit]
            let scale = metrics.map { scales[$0] }.max()!
            // Each column's factor to the common scale (at most 10^maxScale; a value times it,
            // and a sum of a few such, fits in 128 bits).
            let factors = metrics.map { Int128(ByteNumber.pow10(scale - scales[$0])) }
            let columns = metrics.map { out.columns[$0].base }
            units: for u in 0 ..< count {
                var sum: Int128 = 0
                for k in parts.indices {
                    let a = columns[k][u]
                    guard a != T.missingMark else { continue units }
                    sum += Int128(a) * factors[k]
                }
                let b = columns[parts.count][u]
                if b != T.missingMark && sum > Int128(b) * factors[parts.count] { return false }
            }
        }
        return true
    }
}

/// What a metric column holds: `Int32` (the usual) or `Int64`.
protocol StoredMantissa: FixedWidthInteger, SignedInteger, Sendable, BitwiseCopyable {
    /// Marks a missing value.
    static var missingMark: Self { get }
    /// `x` (or `missingMark` for `BulkData.missing`) as stored, and whether it fits: an
    /// `Int32` holds what `MetricColumns.narrowColumns()` narrows.
    static func stored(_ x: Int64) -> (Self, Bool)
    /// The columns, `[]` for none.
    static func columns(unitCount: Int, scales: [Int], values: [[Self]]) -> MetricColumns
}

extension Int64: StoredMantissa {
    static var missingMark: Int64 { BulkData.missing }
    @inline(__always) static func stored(_ x: Int64) -> (Int64, Bool) { (x, true) }
    static func columns(unitCount: Int, scales: [Int], values: [[Int64]]) -> MetricColumns {
        MetricColumns(unitCount: unitCount, scales: scales, mantissas: values)
    }
}

extension Int32: StoredMantissa {
    static var missingMark: Int32 { Int32.min }
    @inline(__always) static func stored(_ x: Int64) -> (Int32, Bool) {
        let y = Int32(truncatingIfNeeded: x)
        return x == BulkData.missing ? (Int32.min, true) : (y, Int64(y) == x && y != Int32.min)
    }
    static func columns(unitCount: Int, scales: [Int], values: [[Int32]]) -> MetricColumns {
        MetricColumns(unitCount: unitCount, scales: scales, narrow: values)
    }
}

/// The arrays `BulkUnitsReader` fills in place, one row per line of the file at most.
final class UnitsStorage<T: StoredMantissa> {
    /// One box per metric, so each column's buffer can be held open at once.
    final class Column {
        var values: [T]
        init(capacity: Int) { values = LargeArray.uninitialized(capacity) }
    }

    var columns: [Column?]
    var ids: [String]
    var names: [String]
    var categories: [String]
    var lines: [Int32]
    /// Once parsed: the rows, the metrics' scales, the ids' table.
    var count = 0
    var scales: [Int] = []
    var index = IDTable()

    init(capacity: Int, metrics: [Int], metricCount: Int) {
        columns = (0 ..< metricCount).map { metrics.contains($0) ? Column(capacity: capacity) : nil }
        ids = LargeArray.filled(repeating: "", count: capacity)
        names = LargeArray.filled(repeating: "", count: capacity)
        categories = LargeArray.filled(repeating: "", count: capacity)
        lines = LargeArray.uninitialized(capacity)
    }

    /// `body` with pointers to every array, held open for its whole run.
    func withBuffers<R>(_ body: (BulkUnitsBuffers<T>) -> R) -> R {
        ids.withUnsafeMutableBufferPointer { ids in
            names.withUnsafeMutableBufferPointer { names in
                categories.withUnsafeMutableBufferPointer { categories in
                    lines.withUnsafeMutableBufferPointer { lines in
                        var columns: [UnsafeMutablePointer<T>?] = []
                        func open(_ m: Int) -> R {
                            if m == self.columns.count {
                                return body(BulkUnitsBuffers(columns: columns.map { Disjoint($0 ?? UnsafeMutablePointer(bitPattern: 8)!) },
                                                             ids: Disjoint(ids.baseAddress!), names: Disjoint(names.baseAddress!),
                                                             categories: Disjoint(categories.baseAddress!), lines: Disjoint(lines.baseAddress!)))
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
    func take(count: Int) -> [[T]] {
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
/// one thread (the chunk's rows), which is what makes sharing these pointers safe: each is a
/// `Disjoint`, so the compiler checks the rest.
struct BulkUnitsBuffers<T>: Sendable {
    let columns: [Disjoint<T>]
    let ids: Disjoint<String>
    let names: Disjoint<String>
    let categories: Disjoint<String>
    let lines: Disjoint<Int32>

    /// Moves rows `from` down to start at `to` (≤ `from.lowerBound`).
    func move(_ from: Range<Int>, to: Int, metrics: [Int]) {
        guard to != from.lowerBound, !from.isEmpty else { return }
        let n = from.count, a = from.lowerBound
        for m in metrics { (columns[m].base + to).update(from: columns[m].base + a, count: n) }
        let (ids, names, categories) = (ids.base, names.base, categories.base)
        for i in 0 ..< n {
            ids[to + i] = ids[a + i]
            names[to + i] = names[a + i]
            categories[to + i] = categories[a + i]
        }
        (lines.base + to).update(from: lines.base + a, count: n)
    }
}

// Cases without payloads, so plain values: a `ColumnSpec` holds them.
extension MetricDefinition.Kind: BitwiseCopyable {}
extension MetricDefinition.Missing: BitwiseCopyable {}
