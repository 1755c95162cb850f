import Foundation

/// `kaimen explain UNIT…`: the whole derivation of a unit's result.
public enum ExplainCommand: Command {
    public static let path = ["explain"]
    public static let abstract = Localized(zh: "逐项说明一个单位结果中的每个数字（默认中文，--lang en 为英文）。",
                                           en: "Explain every number of a unit's result, in Chinese (or --lang en).")
    public static let usage = "kaimen explain UNIT… (--rules FILE --units FILE --roster FILE --ballots FILE | --session DIR) [--lang zh|en]"
    public static let discussion = Localized(zh: """
        对每个 UNIT（单位编号，或 all）：每条标准的输入、计分方法、中间值和得分；
        去极值时保留和去掉的票（按代表列出）；回避的票；加分、扣分和一票否决；
        以及决定其名次的同分比较规则。
        加 --session DIR 时，说明会话文件夹中最新封存的结果；申诉复核之后（results/v2 等），
        先说明申诉给该单位带来的变化：更正的票（代表、标准、原值 → 新值）、申诉理由和记录人，
        以及上一版与最新版的总分、等级和名次。
        不给输入选项时，说明自带西城区样例中的单位。
        """, en: """
        For each UNIT (a unit id, or `all`): every standard's inputs, method, intermediate
        values and points; ballots kept and dropped by trimming, by representative; recused
        ballots; bonus, deductions and vetoes; and which tie-break decided its rank.
        With `--session DIR`, explains the latest sealed result of a session folder; after an
        appeal (results/v2, …), first says what the appeal changed for the unit: the corrected
        ballots (representative, standard, old → new), the appeal's reason and who recorded it,
        and total, grade and rank in the previous version against the latest.
        With no input options, explains a unit of the bundled Xicheng sample.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen explain X03 --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv"),
        .init(same: "kaimen explain X03 --lang en"),
        .init(same: "kaimen explain X04 --session 2014-mid"),
    ]
    public static let options: [OptionSpec] = ScoreCommand.options.filter { ["--rules", "--units", "--roster", "--ballots", "--lang", "--strict", "--engine"].contains($0.name) }
        + [.option("--session", "DIR", .init(zh: "会话文件夹：说明其最新封存的结果以及申诉带来的变化。",
                                             en: "A session folder: explain its latest sealed result and what an appeal changed."))]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard !args.positionals.isEmpty else {
            return usageError(CommandMessages.nameUnits, console: console, lang: lang)
        }
        var args = args
        if let dir = args.value("--session") {
            guard ["--rules", "--units", "--roster", "--ballots"].allSatisfy({ args.value($0) == nil }) else {
                return usageError(AppealReviewText.sessionWithInputs, console: console, lang: lang)
            }
            do {
                guard let folder = SessionCommandSupport.reading(dir, lang: lang, console: console) else { return .failure }
                guard let sealed = try folder.latestSealedSession() else {
                    console.error(AppealReviewText.notSealed(dir).joined(hint: AppealReviewText.notSealedHint(dir)), lang)
                    return .failure
                }
                // Before each unit: what an appeal changed, and who scored it, who was recused and
                // whose sheet did not count, as its score sheet says (`explain` told neither, and
                // a unit's 6 ballots of 7 went unexplained: a secretary's test).
                let before = { (u: Int, id: String) -> String? in
                    let review = AppealReview.of(unit: id, in: folder).map { AppealReviewText.render($0, lang: lang) } ?? ""
                    let ballots = ScoreSheetHTML.ballotsText(sealed, unit: u, lang: lang).map { lang.t("评分票：", "Ballots: ") + $0 + "\n" } ?? ""
                    return review + ballots
                }
                let done = explain(args, source: ExplainSource(session: sealed), before: before, console: console, lang: lang)
                // The warnings `close` printed for this result (recusals, sheets not counted, vetoes …).
                if done.shown { RunWarnings.print(sealed.report, session: dir, console: console, lang: lang) }
                return done.code
            } catch {
                SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console)
                return .failure
            }
        }
        if ["--rules", "--units", "--roster", "--ballots"].allSatisfy({ args.value($0) == nil }) {
            if let message = DefaultCommand.missingSample(console) {
                console.error(message, lang)
                return .failure
            }
            for (k, v) in DefaultCommand.sampleOptions { args.options[k] = v }
        }
        guard var inputs = ScoreCommand.inputs(args, console: console) else { return .usage }
        let engine = ScoreCommand.engineChoice(args, inputs: &inputs)
        // A large session is read by the byte-level readers and only the units asked for are
        // traced; a small one (or anything the byte readers hand over) by the checked readers.
        let start = Date()
        let all = args.positionals == ["all"]
        do {
            var handOver: BulkHandOver?
            if BulkRun.prefers(inputs, engine: engine) {
                switch try BulkRun.attempt(inputs, threads: ProcessInfo.processInfo.activeProcessorCount, keep: true) {
                case .success(let run):
                    if let kept = run.kept {
                        let index = all ? nil : UnitIndex(run.report.units.ids, asked: args.positionals)
                        let asked = all ? run.report.ranking.order : args.positionals.compactMap { index?[$0] }
                        let source = kept.explainSource(run.report, units: asked)
                        let done = explain(args, source: source, index: index, before: { _, _ in nil }, console: console, lang: lang)
                        if done.shown { RunWarnings.print(run.report, console: console, lang: lang) }
                        // A large session's columns and report are left for the system to take back at exit.
                        ProcessEnd.keep((run, source), units: run.report.units.ids.count, console: console)
                        return done.code
                    }
                case .failure(let why): handOver = why
                }
            }
            // Every unit traced for `all`; otherwise only those asked for, after the run.
            if !all { inputs.traceAtMost = 0 }
            let session = try ScoringSession.run(inputs)
            let done: Explained
            if all {
                done = explain(args, source: ExplainSource(session: session), before: { _, _ in nil }, console: console, lang: lang)
            } else {
                let index = UnitIndex(session.report.units.ids, asked: args.positionals)
                let source = ExplainSource(session: session, units: args.positionals.compactMap { index[$0] })
                done = explain(args, source: source, index: index, before: { _, _ in nil }, console: console, lang: lang)
            }
            // The run's warnings, as `score` prints them: a blank ballot cell or a recusal changes
            // the figures explained, and went unsaid here. None when no unit was explained.
            if done.shown { RunWarnings.print(session.report, console: console, lang: lang) }
            // A large input read the slow way: said once, as `score` says it.
            if let handOver { console.errLine(CommandMessages.handedOver(handOver, seconds: Date().timeIntervalSince(start)).text(lang)) }
            return done.code
        } catch {
            for d in error.diagnostics { console.say(d, lang) }
            return .failure
        }
    }

    /// `没有单位 …` with what the secretary most likely meant: the id of a unit of that name
    /// (`商务局`), the id in half-width characters or without spaces (`Ｘ０７`), the unit whose
    /// id or name is nearest.
    static func unknownUnit(_ id: String, source: ExplainSource) -> Localized {
        let units = source.units
        switch UnitMatcher(ids: units.ids, names: units.names).match(id) {
        case .units(let ids) where ids.count == 1 && UnitMatcher.normalized(id) == ids[0]:
            let known = Set(units.ids)
            return CommandMessages.noUnit(id).joined(hint: ReaderMessages.unknownIDHint(id, known: { known.contains($0) }) { nil })
        case .units(let ids):
            return CommandMessages.noUnit(id).appending(ReaderMessages.nameForID(id, ids: ids, of: .unit, in: .argument))
        case .nearMiss(let near, let name):
            return CommandMessages.noUnit(id).joined(hint: CommandMessages.nearUnit(near, name: name))
        case .outside:
            return CommandMessages.noUnit(id)
        }
    }

    /// What `explain` did: its exit code, and whether it explained any unit. The run's warnings
    /// and 提示 are printed after an explanation they bear on; none when every id asked for was
    /// wrong (`explain X99` printed its 9 提示 after `没有单位 X99`), as `score` prints none when it
    /// fails.
    struct Explained {
        var code: ExitCode
        var shown: Bool
    }

    static func explain(_ args: ParsedArguments, source: ExplainSource, index: UnitIndex? = nil, before: (_ unit: Int, _ id: String) -> String?,
                        console: Console, lang: Language) -> Explained {
        explain(args.positionals, source: source, index: index, before: before, console: console, lang: lang)
    }

    /// Explains the units `asked` (ids, or `all`) of `source`, each after what `before` says of it.
    /// `compare --explain` explains a unit so under each rules file.
    static func explain(_ asked: [String], source: ExplainSource, index: UnitIndex? = nil, before: (_ unit: Int, _ id: String) -> String?,
                        console: Console, lang: Language) -> Explained {
        // `all`: every unit in rank order; otherwise the ids asked for, found among the units.
        let all = asked == ["all"]
        let ids = all ? source.ranking.order.map { source.units.ids[$0] } : asked
        var failed = false, shown = false
        let explanation = UnitExplanation(source: source, lang: lang)
        let index = all ? nil : index ?? UnitIndex(source.units.ids, asked: ids)
        for (n, id) in ids.enumerated() {
            guard let u = all ? source.ranking.order[n] : index?[id], source.results[u] != nil else {
                console.error(unknownUnit(id, source: source), lang)
                failed = true
                continue
            }
            if n > 0 { console.outLine(String(repeating: "─", count: 40)) }
            if let text = before(u, id), !text.isEmpty { console.out(SessionCommandSupport.clean(text)) }
            console.out(explanation.render(unit: u))
            shown = true
        }
        return Explained(code: failed ? .failure : .success, shown: shown)
    }

    /// Where the units asked for are among all (the first of a repeated id): found by one pass
    /// over the ids each for a few asked, by a table of them all for many. (A table of a large
    /// session's 100 000 ids, built twice for one unit asked, was some 6% of `explain`'s time.)
    struct UnitIndex {
        private let found: [String: Int]

        init(_ all: [String], asked: [String]) {
            if asked.count > 16 {
                found = Dictionary(all.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                return
            }
            var found: [String: Int] = [:]
            for id in Set(asked) { if let u = all.firstIndex(of: id) { found[id] = u } }
            self.found = found
        }

        subscript(_ id: String) -> Int? { found[id] }
    }
}
