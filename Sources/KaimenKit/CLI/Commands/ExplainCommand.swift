import Foundation

/// `kaimen explain UNIT…`: the whole derivation of a unit's result.
public enum ExplainCommand: Command {
    public static let path = ["explain"]
    public static let abstract = "Explain every number of a unit's result, in Chinese (or --lang en)."
    public static let usage = "kaimen explain UNIT… (--rules FILE --units FILE --roster FILE --ballots FILE | --session DIR) [--lang zh|en]"
    public static let discussion = """
        For each UNIT (a unit id, or `all`): every standard's inputs, method, intermediate
        values and points; ballots kept and dropped by trimming, by representative; recused
        ballots; bonus, deductions and vetoes; and which tie-break decided its rank.
        With `--session DIR`, explains the latest sealed result of a session folder; after an
        appeal (results/v2, …), first says what the appeal changed for the unit: the corrected
        ballots (representative, standard, old → new), the appeal's reason and who recorded it,
        and total, grade and rank in the previous version against the latest.
        With no input options, explains a unit of the bundled Xicheng sample.
        """
    public static let examples = [
        "kaimen explain X03 --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv",
        "kaimen explain X03 --lang en",
        "kaimen explain X04 --session 2014-mid",
    ]
    public static let options: [OptionSpec] = ScoreCommand.options.filter { ["--rules", "--units", "--roster", "--ballots", "--lang", "--strict"].contains($0.name) }
        + [.option("--session", "DIR", "A session folder: explain its latest sealed result and what an appeal changed.")]

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
                let folder = try SessionFolder.open(URL(fileURLWithPath: PathText.resolve(dir, in: console.currentDirectory)), writable: false)
                SessionCommandSupport.report(folder.journal.diagnostics, dir: dir, lang: lang, console: console)
                guard let sealed = try folder.latestSealedSession() else {
                    console.error(AppealReviewText.notSealed(dir).joined(hint: AppealReviewText.notSealedHint), lang)
                    return .failure
                }
                let texts = Dictionary(uniqueKeysWithValues: sealed.table.units.compactMap { u in
                    AppealReview.of(unit: u.id, in: folder).map { (u.id, AppealReviewText.render($0, lang: lang)) }
                })
                return explain(args, session: sealed, before: texts, console: console, lang: lang)
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
        guard let inputs = ScoreCommand.inputs(args, console: console) else { return .usage }
        let session: ScoringSession
        do {
            session = try ScoringSession.run(inputs)
        } catch {
            for d in error.diagnostics { console.errLine(relative(d, console, lang)) }
            return .failure
        }
        return explain(args, session: session, before: [:], console: console, lang: lang)
    }

    /// Explains each unit asked for; `before` holds, per unit id, a paragraph printed ahead of its derivation.
    static func explain(_ args: ParsedArguments, session: ScoringSession, before: [String: String], console: Console, lang: Language) -> ExitCode {
        let ids = args.positionals == ["all"] ? session.ranking.order.map { session.table.units[$0].id } : args.positionals
        var failed = false
        let explanation = UnitExplanation(session: session, lang: lang)
        for (n, id) in ids.enumerated() {
            guard let u = session.table.index(ofUnit: id) else {
                console.error(CommandMessages.noUnit(id).joined(hint: Localized.didYouMean(id, among: session.table.units.map(\.id))), lang)
                failed = true
                continue
            }
            if n > 0 { console.outLine(String(repeating: "─", count: 40)) }
            if let text = before[id] { console.out(SessionCommandSupport.clean(text)) }
            console.out(explanation.render(unit: u))
        }
        return failed ? .failure : .success
    }
}
