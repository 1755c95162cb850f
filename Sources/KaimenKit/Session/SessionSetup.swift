import Foundation

/// A session's checked inputs: the rules, units, roster and schedule, read from the session
/// folder's copies (or, at `init`, from where the user keeps them), and what they make
/// expected. Reads them as `score` does and collects every problem of every file at once.
public struct SessionSetup: Sendable {
    public var rules: Rules
    public var units: [Unit] { didSet { index = Index(representatives: representatives, units: units) } }
    public var representatives: [Representative] { didSet { index = Index(representatives: representatives, units: units) } }
    private var index: Index
    /// `nil` when the session has no schedule: everyone scores every unit.
    public var schedule: Schedule?
    public var items: [BallotItem]
    public var expected: ExpectedBallots
    /// Every file read, by path as given: the rules' `extends` chain first (main file first).
    public var files: [String]
    public var rulesFiles: [String]
    /// Warnings that did not stop the reading.
    public var warnings: [Diagnostic]

    public struct Paths: Sendable, Equatable {
        public var rules: String
        public var units: String
        public var roster: String
        public var schedule: String?
    }

    /// Reads and checks the inputs named by `paths`, relative to `base`; throws every problem.
    /// - Parameter copies: the inputs are a session folder's copies, which the version that
    ///   opened it accepted (`ScoringSession.Inputs.sessionCopies`).
    public static func read(_ paths: Paths, base: String, copies: Bool = false) throws(SessionError) -> SessionSetup {
        final class ReadLog { var paths: [String] = [] }
        let log = ReadLog()
        var loader = RulesLoader(readFile: { path in
            log.paths.append(path)
            return try RulesLoader.text(InputFile.read(PathText.resolve(path, in: base)), path: path)
        })
        loader.readsSessionCopy = copies
        var diagnostics = Diagnostics()
        var rules: Rules?
        do {
            let loaded = try loader.load(paths.rules)
            if case .failure(let e) = ScoringPlan.compile(loaded.rules) {
                diagnostics.append(contentsOf: e.diagnostics)
            } else {
                rules = loaded.rules
                diagnostics.append(contentsOf: loaded.warnings)
            }
        } catch {
            // The rules file itself not found: a near name beside it (`xicheng-2014.json` for
            // `.jsonc`), as `extends` says one (`nearFile`).
            let near = copies ? nil : nearFile(paths.rules, base: base)
            var said = false
            diagnostics.append(contentsOf: error.diagnostics.map { d in
                guard let near, !said, d.code == DiagnosticCode.fileNotFound.rawValue else { return d }
                said = true
                var d = d
                d.hintText = SessionMessages.nearInput(near)
                return d
            })
        }
        func read(_ path: String) -> Data? {
            do { return try InputFile.read(PathText.resolve(path, in: base)) } catch {
                var d = UnreadableFile.diagnostic(path, error)
                if !copies, let near = nearFile(path, base: base) { d.hintText = SessionMessages.nearInput(near) }
                diagnostics.append(d)
                return nil
            }
        }
        var units: [Unit]?
        if let data = read(paths.units), let rules {
            var reader = UnitsReader(rules: rules)
            reader.limitsText = !copies
            let r = reader.read(data, fileName: paths.units)
            units = r.table?.units
            diagnostics.append(contentsOf: r.diagnostics)
        }
        var reps: [Representative]?
        if let data = read(paths.roster) {
            let r = RosterReader.read(data, fileName: paths.roster, units: units, rules: rules, limitsText: !copies)
            reps = r.reps
            diagnostics.append(contentsOf: r.diagnostics)
        }
        var schedule: Schedule?
        if let path = paths.schedule, let data = read(path) {
            let r = ScheduleReader.read(data, fileName: path, units: units, representatives: reps)
            schedule = r.schedule
            diagnostics.append(contentsOf: r.diagnostics)
        }
        guard !diagnostics.hasErrors, let rules, let units, let reps, paths.schedule == nil || schedule != nil else {
            throw .problems(diagnostics.sorted)
        }
        // Counted before any sheet is made: a session of billions of sheets (no schedule, tens of
        // thousands of representatives) ended in a crash allocating them.
        if let tooLarge = ExpectedBallots.sizeProblem(schedule: schedule, representatives: reps, units: units.count) { throw .problems([tooLarge]) }
        let items = BallotItem.items(of: rules)
        var seen = Set<String>()
        let rulesFiles = log.paths.filter { seen.insert(PathText.normalize($0)).inserted }
        return SessionSetup(rules: rules, units: units, representatives: reps, index: Index(representatives: reps, units: units),
                            schedule: schedule, items: items,
                            expected: ExpectedBallots(schedule: schedule, representatives: reps, units: units, items: items),
                            files: rulesFiles + [paths.units, paths.roster] + (paths.schedule.map { [$0] } ?? []),
                            rulesFiles: rulesFiles, warnings: diagnostics.sorted)
    }

    /// A file near `path` in name, in the folder `path` names (relative to `base`), written as
    /// `path` writes its folder (`样例/units.csv` for `样例/unit.csv`); `nil` when `path` is there
    /// (it could not be read otherwise), or no name is near (`Suggestion.closest`, the rule the
    /// rules' `extends` and the session folder's own name are suggested by). Since 0.29.3:
    /// `session init` named the missing input without one.
    static func nearFile(_ path: String, base: String) -> String? {
        let fm = FileManager.default
        let full = PathText.resolve(path, in: base)
        guard !fm.fileExists(atPath: full) else { return nil }
        let folder = (full as NSString).deletingLastPathComponent, name = (full as NSString).lastPathComponent
        let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { n in
            var isFolder: ObjCBool = false
            return !n.hasPrefix(".") && fm.fileExists(atPath: (folder as NSString).appendingPathComponent(n), isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        guard let near = Suggestion.closest(to: name, among: names), near != name else { return nil }
        let written = (path as NSString).deletingLastPathComponent
        return written.isEmpty ? near : (written as NSString).appendingPathComponent(near)
    }

    /// Looked up by id in a table made once: `status` asked for a name per sheet, and a search
    /// of the roster each time was quadratic in a large session.
    public func representative(_ id: String) -> Representative? { index.representatives[id].map { representatives[$0] } }
    public func unit(_ id: String) -> Unit? { index.units[id].map { units[$0] } }

    /// Where each id first is in `representatives` and `units`.
    private struct Index: Sendable {
        var representatives: [String: Int] = [:]
        var units: [String: Int] = [:]
        init(representatives reps: [Representative], units: [Unit]) {
            for (i, r) in reps.enumerated() where representatives[r.id] == nil { representatives[r.id] = i }
            for (i, u) in units.enumerated() where self.units[u.id] == nil { self.units[u.id] = i }
        }
    }
}
