/// Reads a clean ballots CSV, long or wide, straight from bytes into `BallotColumns`, on
/// several threads for a large file; `nil` the moment it meets anything `BallotsReader` would
/// report as an error (an unknown representative, unit or standard, a missing, non-numeric,
/// out-of-range or off-step score, a duplicate) or anything it does not read itself (quoted
/// fields, exponents, a score that does not fit `Int16`, …). The caller then reads the file
/// with `BallotsReader`, which says what is wrong. Recusal violations are not errors: they
/// are set aside, as `BallotsReader` does.
///
/// Ballots grouped by unit (all rows for one unit together, the way paper sheets are typed)
/// are read fastest: duplicates are checked within each unit's rows. Other orders are read
/// too, by a second, slower pass. The results do not depend on the thread count.
public enum BulkBallotsReader {
    /// The most decimals a score may have.
    public static let maxScale = 4

    public static func read(_ bytes: [UInt8], fileName: String, rules: Rules, units: (index: IDTable, ids: [String]),
                            roster: [Representative], threads: Int, parallelThreshold: Int = 4 << 20,
                            keepRepresentatives: Bool = false) -> BallotColumns? {
        try? tryRead(bytes, fileName: fileName, rules: rules, units: units, roster: roster, threads: threads,
                     parallelThreshold: parallelThreshold, keepRepresentatives: keepRepresentatives).get()
    }

    /// Reads a mapped file, letting go of its pages as it goes.
    public static func read(_ file: MappedFile, fileName: String, rules: Rules, units: (index: IDTable, ids: [String]),
                            roster: [Representative], threads: Int, parallelThreshold: Int = 4 << 20,
                            keepRepresentatives: Bool = false) -> BallotColumns? {
        try? tryRead(file, fileName: fileName, rules: rules, units: units, roster: roster, threads: threads,
                     parallelThreshold: parallelThreshold, keepRepresentatives: keepRepresentatives).get()
    }

    static func read(_ p: UnsafeBufferPointer<UInt8>, fileName: String, rules: Rules, units: (index: IDTable, ids: [String]),
                     roster: [Representative], threads: Int, parallelThreshold: Int = 4 << 20,
                     release: MappedFile? = nil, keepRepresentatives: Bool = false) -> BallotColumns? {
        try? tryRead(p, fileName: fileName, rules: rules, units: units, roster: roster, threads: threads,
                     parallelThreshold: parallelThreshold, release: release, keepRepresentatives: keepRepresentatives).get()
    }

    /// `read`, saying why it hands over.
    public static func tryRead(_ bytes: [UInt8], fileName: String, rules: Rules, units: (index: IDTable, ids: [String]),
                               roster: [Representative], threads: Int, parallelThreshold: Int = 4 << 20,
                               keepRepresentatives: Bool = false) -> Result<BallotColumns, BulkHandOver> {
        bytes.withUnsafeBufferPointer {
            tryRead($0, fileName: fileName, rules: rules, units: units, roster: roster, threads: threads,
                    parallelThreshold: parallelThreshold, keepRepresentatives: keepRepresentatives)
        }
    }

    /// `read` of a mapped file, saying why it hands over; `fileUnreadable` too when the file
    /// changed as it was read (`MappedFile.damaged`: `checkIntact` says so).
    public static func tryRead(_ file: MappedFile, fileName: String, rules: Rules, units: (index: IDTable, ids: [String]),
                               roster: [Representative], threads: Int, parallelThreshold: Int = 4 << 20,
                               keepRepresentatives: Bool = false) -> Result<BallotColumns, BulkHandOver> {
        let result = tryRead(file.bytes, fileName: fileName, rules: rules, units: units, roster: roster, threads: threads,
                             parallelThreshold: parallelThreshold, release: file, keepRepresentatives: keepRepresentatives)
        return file.damaged ? .failure(.fileUnreadable) : result
    }

    /// - Parameters:
    ///   - parallelThreshold: files of fewer bytes are read on one thread.
    ///   - release: the mapping `p` lies in, to let go of pages once read.
    ///   - keepRepresentatives: fill the columns' `representatives` (a slower assembly, so off
    ///     by default).
    static func tryRead(_ p: UnsafeBufferPointer<UInt8>, fileName: String, rules: Rules, units: (index: IDTable, ids: [String]),
                               roster: [Representative], threads: Int, parallelThreshold: Int = 4 << 20,
                               release: MappedFile? = nil, keepRepresentatives: Bool = false) -> Result<BallotColumns, BulkHandOver> {
        guard let header = BulkCSV.header(p) else { return .failure(BulkHandOver.header(p)) }
        guard let context = Context(header: header.names, rules: rules, units: units, roster: roster, fileName: fileName) else {
            return .failure(.header)
        }
        let parts = threads > 1 && p.count - header.bodyStart > parallelThreshold ? threads : 1
        var bounds = BulkCSV.lineBoundaries(p, start: header.bodyStart, end: p.count, parts: parts)
        for k in 1 ..< parts { bounds[k] = max(bounds[k - 1], unitBoundary(p, bounds[k], end: p.count, context: context)) }
        var outcome = assemble(p, bounds: bounds, headerLine: header.line, context: context, keepReps: keepRepresentatives,
                               keepRepresentatives: keepRepresentatives, release: release)
        if case .ungrouped = outcome {
            outcome = assemble(p, bounds: bounds, headerLine: header.line, context: context, keepReps: true,
                               keepRepresentatives: keepRepresentatives, release: release)
        }
        switch outcome {
        case .done(let columns):
            // No ballots at all is an error for the checked reader (`no-ballots`): hand over.
            if columns.scores.isEmpty && columns.recusals.isEmpty && columns.itemCount > 0 { return .failure(.noBallots) }
            return .success(columns)
        case .handOver(let why): return .failure(why)
        case .ungrouped: return .failure(.duplicateBallot)
        }
    }

    // MARK: Columns and lookups

    /// What the readers share: the file's columns, the ids and items, and the score rules.
    struct Context: Sendable {
        var fileName: String
        var width: Int
        var repCol: Int
        /// The representative column's header, for the spreadsheet position of a recusal.
        var repHeader: String
        /// Every column's header, for an empty score cell's (`BlankCells`).
        var headers: [String]
        var unitCol: Int
        /// Long format: the standard and score columns.
        var standardCol: Int?
        var scoreCol: Int?
        /// Wide format: the columns holding ballot items, in header order.
        var itemCols: [(column: Int, item: Int)]
        /// Per column of a wide file whose representative and unit columns come before every
        /// item column: `repRole`, `unitRole`, `otherRole`, or the item's index. `nil` otherwise.
        var fusedRoles: [Int]?
        static let repRole = -1, unitRole = -2, otherRole = -3
        /// The later of the representative and unit columns.
        var repUnitLast: Int
        /// Columns read by no one (names, groups; in a long file, anything else): still
        /// checked to be plain text.
        var otherCols: [Int]
        /// Per column of `otherCols`: whether it is none for the typist either (a long file's
        /// `备注`), so that text in it is the checked reader's to warn of.
        var otherUnread: [Bool]
        /// Item keys and standard ids → item index (`itemOf`), for long files.
        var itemNames: IDTable
        var itemOf: [Int]
        var items: [BallotItem]
        var step: Rational?
        var reps: IDTable
        var repIDs: [String]
        var repNames: [String]
        /// Per representative: the units they belong to (never counted).
        /// Per representative, the units they must not score: own units and declared conflicts.
        var own: [[Int32]]
        /// Per representative, the declared conflicts (that are not also own units).
        var declared: [[Int32]]
        /// Per unit, the representatives who must not score it (`own` turned around); long
        /// files only, empty for a wide one.
        var recusedFrom: [[Int32]]
        /// The representatives' ids, and the items' keys and standard ids, for the long form's
        /// quick pass.
        var shortReps: BallotChunk.ShortIDs
        var shortItems: BallotChunk.ShortIDs
        var hasOwn: [Bool]
        var units: IDTable
        var unitIDs: [String]
        /// The scale scores start at: the step's decimals.
        var startScale: Int

        /// The columns as `BallotsReader` finds them; `nil` where it would report an error.
        init?(header: [String], rules: Rules, units: (index: IDTable, ids: [String]), roster: [Representative], fileName: String) {
            self.fileName = fileName
            width = header.count
            guard let repCol = ColumnNames.find(ColumnNames.representative, in: header),
                  let unitCol = ColumnNames.find(ColumnNames.ballotUnit, in: header) else { return nil }
            // The typist's name and group columns (姓名, 单位名称, 组别) are checked against the
            // row's ids by the checked reader alone (`TypistNames`): a typed file, never a bulk one.
            let named = TypistNames.columns(header, repCol: repCol, unitCol: unitCol)
            guard !named.any else { return nil }
            self.repCol = repCol
            repHeader = CSVTable.trimmedHeader(header[repCol])
            headers = header.map(CSVTable.trimmedHeader)
            self.unitCol = unitCol
            repUnitLast = max(repCol, unitCol)
            items = BallotItem.items(of: rules)
            guard items.count < Int(Int32.max) else { return nil }
            var itemIndex: [String: Int] = [:]
            for (i, it) in items.enumerated() {
                itemIndex[it.key] = i
                itemIndex[rules.standards[it.standard].id] = i
            }
            var names = IDTable(capacity: itemIndex.count)
            itemOf = []
            for (name, i) in itemIndex.sorted(by: { $0.key < $1.key }) {
                names.insert(name)
                itemOf.append(i)
            }
            itemNames = names
            shortItems = BallotChunk.ShortIDs(itemIndex.map { ($0.key, Int32($0.value)) })
            standardCol = ColumnNames.find(ColumnNames.ballotStandard, in: header)
            scoreCol = ColumnNames.find(ColumnNames.score, in: header)
            itemCols = []
            otherCols = []
            otherUnread = []
            if let standardCol, let scoreCol {
                otherCols = header.indices.filter { ![repCol, unitCol, standardCol, scoreCol].contains($0) }
                otherUnread = otherCols.map { !ColumnNames.isBallotExtra(header[$0]) }
            } else {
                standardCol = nil
                scoreCol = nil
                for (c, name) in header.enumerated() where c != repCol && c != unitCol {
                    if let i = itemIndex[name] {
                        itemCols.append((c, i))
                    } else if let id = BallotItemNames.standardID(named: name, in: rules, isBallot: { itemIndex[$0] != nil }), let i = itemIndex[id] {
                        itemCols.append((c, i))
                    } else if ColumnNames.isBallotExtra(name) {
                        otherCols.append(c)
                        otherUnread.append(false)
                    } else {
                        return nil
                    }
                }
                // One standard in two columns (by id and by name): the checked reader's header error.
                guard Set(itemCols.map(\.1)).count == itemCols.count else { return nil }
                // A standard without its column: the checked reader's header error too.
                guard !itemCols.isEmpty && itemCols.count == items.count else { return nil }
                if max(repCol, unitCol) < itemCols.map(\.column).min()! {
                    var roles = Array(repeating: Context.otherRole, count: header.count)
                    roles[repCol] = Context.repRole
                    roles[unitCol] = Context.unitRole
                    for (c, i) in itemCols { roles[c] = i }
                    fusedRoles = roles
                }
            }
            step = rules.ballots.scoreStep
            var startScale = 0
            if let step {
                guard step > .zero else { return nil }
                // The step's decimals, when it has few: every valid score has no more.
                var d = step.denominator, twos = 0, fives = 0
                while d % 2 == 0 { d /= 2; twos += 1 }
                while d % 5 == 0 { d /= 5; fives += 1 }
                if d == 1 && max(twos, fives) <= BulkBallotsReader.maxScale { startScale = max(twos, fives) }
            }
            self.startScale = startScale
            reps = IDTable(roster.map(\.id))
            repIDs = roster.map(\.id)
            // The representative, unit and standard cells are found by their bytes, unchecked:
            // with a quote in an id such a cell is one the checked reader reports (a stray quote),
            // and with a repeated id the indices would not be the roster's. Rare, and left to it.
            // The unit ids through the table's bytes (the same ids: it was built from them and
            // holds as many): a million ids one by one, as strings, took a twentieth of a second.
            let quoted = units.index.anyKeyHolds(BulkCSV.quote) || (repIDs + Array(itemIndex.keys)).contains { $0.utf8.contains(BulkCSV.quote) }
            guard reps.count == roster.count, units.index.count == units.ids.count, !quoted else {
                return nil
            }
            shortReps = BallotChunk.ShortIDs(roster.enumerated().map { ($0.element.id, Int32($0.offset)) })
            repNames = roster.map(\.name)
            self.units = units.index
            unitIDs = units.ids
            own = roster.map { r in (r.units + r.conflicts).compactMap { units.index.find($0) } }
            declared = roster.map { r in r.conflicts.compactMap { units.index.find($0) } }
            // Only the long form's quick pass asks (a list per unit: not made for a wide file).
            var recusedFrom = [[Int32]](repeating: [], count: standardCol == nil ? 0 : units.ids.count)
            if standardCol != nil { for (r, list) in own.enumerated() { for u in list { recusedFrom[Int(u)].append(Int32(r)) } } }
            self.recusedFrom = recusedFrom
            hasOwn = own.map { !$0.isEmpty }
        }

        /// Per item, the largest score mantissa allowed at `scale`; and per mantissa, whether
        /// it is on the step.
        func limits(scale: Int) -> (max: [Int], onStep: [Bool]) {
            let f = Int128(ByteNumber.pow10(scale))
            let max = items.map { it -> Int in
                guard !it.max.isNegative else { return -1 }
                return Int(min(Int128(Int16.max), Int128(it.max.numerator) * f / Int128(it.max.denominator)))
            }
            return (max, Self.onStep(step, scale: scale))
        }

        /// Per mantissa 0 ... `Int16.max` at `scale`, whether it is a whole number of `step`s
        /// (every one without a step). Mantissa m is on the step when m / 10^scale is a whole
        /// number of steps p / q, that is when d = 10^scale · p divides m · q; with
        /// g = gcd(q, d), when d / g divides m (d / g and q / g have no factor in common):
        /// every (d / g)-th mantissa, found without a division each.
        static func onStep(_ step: Rational?, scale: Int) -> [Bool] {
            let count = Int(Int16.max) + 1
            guard let step else { return [Bool](repeating: true, count: count) }
            let q = UInt128(step.denominator), d = UInt128(ByteNumber.pow10(scale)) * UInt128(step.numerator)
            let period = d / Rational.gcd(q, d)
            var onStep = [Bool](repeating: false, count: count)
            for m in stride(from: 0, to: count, by: period < UInt128(count) ? Int(period) : count) { onStep[m] = true }
            return onStep
        }
    }

    /// The first line start at or after `b` whose unit differs from the line before's, so
    /// chunks start at a unit's first row (in a file grouped by unit).
    static func unitBoundary(_ p: UnsafeBufferPointer<UInt8>, _ b: Int, end: Int, context: Context) -> Int {
        func unitField(_ lineStart: Int) -> (Int, Int)? {
            var start = lineStart, c = 0, i = lineStart
            while i < end && p[i] != BulkCSV.lf && p[i] != BulkCSV.cr {
                if p[i] == BulkCSV.comma {
                    if c == context.unitCol { return (start, i) }
                    c += 1
                    start = i + 1
                }
                i += 1
            }
            return c == context.unitCol ? (start, i) : nil
        }
        guard b > 0 && b < end else { return b }
        var prev = b - 1
        while prev > 0 && p[prev - 1] != BulkCSV.lf { prev -= 1 }
        var at = b
        while at < end, let u0 = unitField(prev), let u1 = unitField(at),
              u0.1 - u0.0 == u1.1 - u1.0, IDTable.equal(p.baseAddress! + u0.0, p.baseAddress! + u1.0, u0.1 - u0.0) {
            prev = at
            while at < end && p[at] != BulkCSV.lf { at += 1 }
            if at < end { at += 1 }
        }
        return at
    }
}
