import Foundation

/// `kaimen session verify`: checks the chain, the inputs and the sealed results.
public enum SessionVerifyCommand: Command {
    public static let path = ["session", "verify"]
    public static let abstract = Localized(zh: "核验会话：日志的哈希链、输入文件，并重算每个封存的结果。",
                                           en: "Verify a session: the journal's hash chain, the inputs, and every sealed result recomputed.")
    public static let usage = "kaimen session verify DIR [--lang zh|en]"
    public static let discussion = Localized(zh: """
        重放日志，检查每条记录的哈希和链接，把输入文件与会话开始时记录的哈希比较，
        从日志重算每个封存的结果，并与封存记录和 results/ 中的文件比较。准确指出哪里不同。
        只有全部一致时退出码才为 0。任何状态均可；不做任何改动。
        """, en: """
        Replays the journal, checks every record's hash and link, compares the inputs with the
        hashes recorded when the session opened, recomputes each sealed result from the journal
        and compares it with the seal and with the files in results/. Names exactly what differs.
        Exit 0 only when everything matches. Any state; changes nothing.
        """)
    public static let examples: [Localized] = [.init(same: "kaimen session verify 2014-mid")]
    public static let options: [OptionSpec] = [SessionCommandSupport.lang]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console) else { return .usage }
        do {
            let report = try Verifier.verify(url)
            SessionCommandSupport.report(report.problems, dir: dir, lang: lang, console: console)
            if report.ok {
                console.outLine(lang.t("核验通过：\(report.records) 条记录的哈希链完整，输入文件未变，\(report.seals) 个封存结果与日志重算一致",
                                       "verified: the chain of \(report.records) records is intact, the inputs are unchanged, and \(report.seals) sealed result\(report.seals == 1 ? "" : "s") match the journal"))
                console.outLine(lang.t("日志末条哈希：\(report.head)", "journal head: \(report.head)"))
                return .success
            }
            let n = report.problems.filter { $0.severity == .error }.count
            console.errLine(lang.t("核验未通过：\(n) 处不符", "verification failed: \(n) mismatch\(n == 1 ? "" : "es")"))
            return .failure
        } catch {
            SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console)
            return .failure
        }
    }
}
