import Foundation

/// `kaimen session verify`: checks the chain, the inputs and the sealed results.
public enum SessionVerifyCommand: Command {
    public static let path = ["session", "verify"]
    public static let abstract = Localized(zh: "核验会话：日志的哈希链、输入文件，并重算每个封存的结果。",
                                           en: "Verify a session: the journal's hash chain, the inputs, and every sealed result recomputed.")
    public static let usage = "kaimen session verify DIR [--head HASH] [--format text|json] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        重放日志，检查每条记录的哈希和链接，把输入文件与会话开始时记录的哈希比较，
        从日志重算每个封存的结果，并与封存记录和 results/ 中的文件比较。准确指出哪里不同。
        只有全部一致时退出码才为 0。任何状态均可；不做任何改动。
        哈希链本身看不出末尾的记录被删掉（其余记录仍然连得上）：用 --head 给出结束会话时公示的
        日志末条哈希（或公示表上填写的前 16 位），核验日志中仍有这条封存记录。不给 --head 时，
        结果的最后一行是警告：单凭文件夹发现不了日志被截去末尾后又接着写。
        """, en: """
        Replays the journal, checks every record's hash and link, compares the inputs with the
        hashes recorded when the session opened, recomputes each sealed result from the journal
        and compares it with the seal and with the files in results/. Names exactly what differs.
        Exit 0 only when everything matches. Any state; changes nothing.
        A chain cannot show that records were cut from its end (the rest still links up): give
        the journal head hash posted at close (or the first 16 digits written on the notice) with
        --head to check the journal still holds that seal. Without --head, the result ends in a
        warning: a journal cut back and written on cannot be told from the folder alone.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen session verify 2014-mid"),
        .init(zh: "kaimen session verify 2014-mid --head 3f7a…（结束会话时公示的 64 位哈希）",
              en: "kaimen session verify 2014-mid --head 3f7a… (the 64-digit hash posted at close)"),
        .init(zh: "kaimen session verify 2014-mid --head \"3f7a 9c01 5be2 d448\"（公示表上填写的核验码）",
              en: "kaimen session verify 2014-mid --head \"3f7a 9c01 5be2 d448\" (the verification code written on the notice)"),
    ]
    public static let options: [OptionSpec] = [
        .option("--head", "HASH", .init(zh: "结束会话时公示的日志末条哈希：64 位十六进制，或公示表上填写的前 16 位以上。", en: "The journal head hash posted at close: 64 hex digits, or at least the first 16 as written on the notice.")),
        .format(.init(zh: "text 供人阅读，json 供其他工具使用（问题仍按文字写在标准错误上）。", en: "Text for people, JSON for other tools (problems are still written as text on standard error)."),
                choices: ["text", "json"]),
        SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console) else { return .usage }
        // The whole hash or its first 16 digits or more, full-width or grouped as copied from
        // a notice (`PostedHead`).
        var posted: String?
        if let typed = args.value("--head") {
            guard let digits = PostedHead.digits(typed) else {
                return usageError(SessionMessages.badPostedHead(Echo.visible(typed)), console: console, lang: lang)
            }
            posted = digits
        }
        do {
            let report = try Verifier.verify(url, shown: dir, posted: posted, waiting: SessionCommandSupport.busyNotice(dir, lang: lang, console: console))
            SessionCommandSupport.report(report.problems, dir: dir, lang: lang, console: console)
            // A chain checks itself only from its start: cut at its end and written on, or
            // rewritten and hashed again throughout, it is still a whole chain. Only the posted
            // code tells, and a result without it says so as its last line (a warning since
            // 0.29.6; it was a note an outside audit read past).
            let warning = posted == nil ? SessionMessages.verifiedWithoutHead(dir: dir).text(lang) : nil
            let found = report.postedRecord.map { n in
                SessionMessages.postedHeadFound(record: n, version: report.postedVersion, latest: report.latestVersion, later: report.records - n).text(lang)
            }
            if args.value("--format") == "json" {
                console.outLine(json(report, posted: found, warning: warning, lang: lang))
                return report.ok ? .success : .failure
            }
            if report.ok {
                // Before any close there is no sealed result to compare: said so, not "0 match".
                let seals = report.seals == 0 ? lang.t("会话尚未结束，还没有封存的结果", "the session is not closed yet: no sealed result")
                                              : lang.t("\(report.seals) 个封存结果与日志重算一致",
                                                       report.seals == 1 ? "the 1 sealed result matches the journal" : "\(report.seals) sealed results match the journal")
                let unchecked = posted == nil ? lang.t("（未核对公示的核验码）", " (the posted code not checked)") : ""
                console.outLine(lang.t("核验通过\(unchecked)：\(report.records) 条记录的哈希链完整，输入文件未变，\(seals)",
                                       "verified\(unchecked): the chain of \(report.records) records is intact, the inputs are unchanged, and \(seals)"))
                console.outLine(lang.t("日志末条哈希：\(report.head)", "journal head: \(report.head)"))
                if let found { console.outLine(found) }
                if let warning { console.outLine(warning) }
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

    /// `--format json`: the result for other tools. `headChecked` is false without `--head`, and
    /// `warning` then says what that leaves unchecked; `posted` names the seal the code is.
    static func json(_ report: Verifier.Report, posted: String?, warning: String?, lang: Language) -> String {
        let postedField: JSONOut = report.postedRecord.map { n in
            .object(["record": .num(n), "version": report.postedVersion.map(JSONOut.num) ?? .null, "latestVersion": .num(report.latestVersion),
                     "recordsAfter": .num(report.records - n), "text": .str(posted)])
        } ?? .null
        return JSONOut.object([
            "ok": .bool(report.ok), "records": .num(report.records), "seals": .num(report.seals), "head": .string(report.head),
            "headChecked": .bool(report.postedRecord != nil), "posted": postedField, "warning": .str(warning),
            "errors": .num(report.problems.filter { $0.severity == .error }.count),
            "problems": .array(report.problems.map { $0.json(lang) }),
        ]).rendered()
    }
}
