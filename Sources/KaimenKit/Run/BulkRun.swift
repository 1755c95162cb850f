import Foundation

/// A scoring run on the bulk path: the byte-level readers, then the same engine and ranking.
/// It returns `nil` whenever the input needs the checked path (anything a reader would report,
/// recusals under `--strict`, a veto that cannot be checked under `--strict`): the caller then
/// runs `ScoringSession`, which reports exactly what is wrong, so messages never differ.
/// `attempt` says why (`BulkHandOver`), for `kaimen score --timings`.
public enum BulkRun {
    public struct Result: Sendable {
        public var report: ScoreReport
        public var timings: [StageClock.Stage]
        /// Units the fast number form handed to the exact one.
        public var fallbacks: Int
        /// Units whose open tie-break keys were worked out exactly (`TieKeySettling`).
        public var settled = 0
        /// Units whose exact arithmetic did not fit 64-bit fractions (`Engine.Stats.unbounded`).
        public var unbounded = 0
        /// The columns, kept when asked for (`keep`), to trace units afterwards.
        public var kept: Kept?
    }

    /// What a run keeps to trace units after scoring them all (`explain` of a large session).
    public struct Kept: Sendable {
        public let plan: ScoringPlan
        public let columns: MetricColumns
        public let ballots: BallotColumns
        public let representatives: [Representative]

        /// The units asked for (each once, however often asked), traced, with everything their
        /// explanation reads.
        public func explainSource(_ report: ScoreReport, units: [Int]) -> ExplainSource {
            let results = ScoringSession.traced(units, plan: plan, columns: columns, ballots: ballots, report: report)
            return ExplainSource(rules: report.rules, plan: plan, units: report.units, representatives: representatives,
                                 items: plan.items, report: report, results: Dictionary(uniqueKeysWithValues: results.map { ($0.unit, $0) }),
                                 values: .columns(columns))
        }
    }

    /// Whether `--engine` (after `engineChoice`) sends this input to the byte-level readers
    /// first: always for `fast`, for a units file over a megabyte with `auto`, unless every
    /// unit's full derivation is wanted anyway (`sheetsUpTo`: score sheets are written for a
    /// session of at most that many units) and the file has no more rows than that: then the
    /// checked pipeline, which makes the sheets, runs once instead of after the byte readers.
    public static func prefers(_ inputs: ScoringSession.Inputs, engine: String, sheetsUpTo: Int? = nil) -> Bool {
        if engine == "fast" { return true }
        guard engine == "auto" else { return false }
        let path = PathText.resolve(inputs.units, in: inputs.baseDirectory)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 1 << 20 else { return false }
        if let limit = sheetsUpTo, let rows = rowCount(path, atMost: size <= 64 << 20 ? size : 0), rows <= limit { return false }
        return true
    }

    /// The lines of a CSV units file after its header (an upper bound of its units: a quoted
    /// cell may hold a line break), or `nil` for a JSON file or one over `atMost` bytes.
    static func rowCount(_ path: String, atMost: Int) -> Int? {
        // Mapped and guarded as the readers' files are: a file that shrinks meanwhile gives no count.
        guard !path.lowercased().hasSuffix(".json"), atMost > 0, let file = MappedFile(path: path), file.count <= atMost else { return nil }
        let bytes = file.bytes
        let feeds = BulkCSV.countLineFeeds(bytes, 0, bytes.count)
        let rows = max(0, feeds + (bytes.last == 0x0A ? 0 : 1) - 1)
        return file.damaged ? nil : rows
    }

    public static func run(_ inputs: ScoringSession.Inputs, threads: Int,
                           progress: (@Sendable (Localized, Int) -> Void)? = nil,
                           advance: (@Sendable (Int) -> Void)? = nil) throws(DiagnosticsError) -> Result? {
        if case .success(let result) = try attempt(inputs, threads: threads, progress: progress, advance: advance) { return result }
        return nil
    }

    /// `run`, saying why the input needs the checked path when it does.
    /// With `keep`, the ballots are read with who cast them, and the columns are kept (`Result.kept`).
    public static func attempt(_ inputs: ScoringSession.Inputs, threads: Int, keep: Bool = false,
                               progress: (@Sendable (Localized, Int) -> Void)? = nil,
                               advance: (@Sendable (Int) -> Void)? = nil) throws(DiagnosticsError) -> Swift.Result<Result, BulkHandOver> {
        try attempt(inputs, threads: threads, keep: keep, progress: progress, advance: advance, mapped: nil)
    }

    /// `attempt`, and for the tests `mapped`, called with each input file (as given) once it is
    /// mapped and before it is read: to change the file there.
    static func attempt(_ inputs: ScoringSession.Inputs, threads: Int, keep: Bool = false,
                        progress: (@Sendable (Localized, Int) -> Void)? = nil, advance: (@Sendable (Int) -> Void)? = nil,
                        mapped: ((String) -> Void)?) throws(DiagnosticsError) -> Swift.Result<Result, BulkHandOver> {
        var clock = StageClock()
        func lap(_ stage: String) { clock.lap(stage) }
        let base = inputs.baseDirectory
        let loaded = try RulesLoader(readFile: { path in
            inputs.rulesFileRead?(path)
            return try RulesLoader.readFromDisk(PathText.resolve(path, in: base))
        }).load(inputs.rules)
        let rules = loaded.rules
        guard loaded.warnings.isEmpty, case .success(let plan) = ScoringPlan.compile(rules) else { return .failure(.rulesNotClean) }
        lap("read rules")

        progress?(CommandMessages.readingMetrics, 1)
        // After each reader, whatever it found: a file that changed as it was read (cut short, it
        // gave the reader zeros for bytes: `MappedFile`) stops the run there with the message.
        guard let unitsFile = MappedFile(path: PathText.resolve(inputs.units, in: base)) else { return .failure(.fileUnreadable) }
        mapped?(inputs.units)
        let unitsRead = BulkUnitsReader.tryRead(unitsFile, fileName: inputs.units, rules: rules, threads: threads)
        try unitsFile.checkIntact(fileName: inputs.units)
        var units: BulkUnitsReader.Result
        switch unitsRead {
        case .success(let read): units = read
        case .failure(let why): return .failure(why)
        }
        units.columns.narrowColumns()
        lap("read metrics")

        guard let rosterFile = MappedFile(path: PathText.resolve(inputs.roster, in: base)) else { return .failure(.fileUnreadable) }
        mapped?(inputs.roster)
        let rosterRead = BulkRosterReader.read(rosterFile, fileName: inputs.roster, units: units.index, threads: threads)
        try rosterFile.checkIntact(fileName: inputs.roster)
        guard let reps = rosterRead else {
            return .failure(BulkRosterReader.handOver(rosterFile.bytes))
        }
        lap("read roster")
        progress?(CommandMessages.readingBallots, 1)
        guard let ballotsFile = MappedFile(path: PathText.resolve(inputs.ballots, in: base)) else { return .failure(.fileUnreadable) }
        mapped?(inputs.ballots)
        var ballots: BallotColumns
        let ballotsRead = BulkBallotsReader.tryRead(ballotsFile, fileName: inputs.ballots, rules: rules,
                                                    units: (units.index, units.identities.ids), roster: reps, threads: threads,
                                                    keepRepresentatives: keep)
        try ballotsFile.checkIntact(fileName: inputs.ballots)
        switch ballotsRead {
        case .success(let columns): ballots = columns
        case .failure(let why): return .failure(why)
        }
        if inputs.strict && !ballots.recusals.isEmpty { return .failure(.recusalUnderStrict) }
        lap("read ballots")

        progress?(CommandMessages.scoringUnits, units.columns.unitCount)
        // Scored in a scope of its own, so the metrics and ballots are let go before ranking and writing.
        var (scores, stats) = Engine(plan: plan).score(units.columns, ballots, threads: threads, progress: advance)
        let recusals = ballots.recusals
        // What the checked ballots reader warns of, made of the facts the bulk one gathered.
        let blankCells = ballots.blankCells.warning(fileName: inputs.ballots)
        let kept = keep ? Kept(plan: plan, columns: units.columns, ballots: ballots, representatives: reps) : nil
        units.columns = MetricColumns(unitCount: 0, scales: [], mantissas: [])
        units.index = IDTable()
        ballots = BallotColumns(itemCount: 0, scale: 0, offsets: [], scores: [], recusals: [])
        if inputs.strict && !scores.vetoesUnchecked.isEmpty { return .failure(.vetoUncheckedUnderStrict) }
        lap("evaluate")
        let ranking = Ranker.rank(&scores, rules: rules, categories: units.identities.categories, threads: threads)
        lap("rank")
        let report = ScoreReport(rules: rules, units: units.identities, scores: scores, ranking: ranking,
                                 recusals: recusals,
                                 inputWarnings: Diagnostics(QuotaCheck.sessionWarnings(rules, units: scores.unitCount) + [blankCells].compactMap { $0 }).sorted)
        return .success(Result(report: report, timings: clock.stages, fallbacks: stats.fallbacks, settled: stats.settled,
                               unbounded: stats.unbounded, kept: kept))
    }
}
