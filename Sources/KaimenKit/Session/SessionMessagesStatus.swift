import Foundation

/// What `session status` says: its last line, the conflicts and the marks to re-check.
extension SessionMessages {
    /// `session status`, under its first line when `init --period` recorded one (since 0.29.5):
    /// the period the papers print as 考核期.
    static func statusPeriod(_ period: String) -> Localized {
        Localized(zh: "考核期：\(period)", en: "Period: \(period)")
    }

    /// `session status`, last line: ready to close, with the whole command.
    static func readyToClose(dir: String) -> Localized {
        Localized(zh: "可以结束会话：kaimen session close \(shellWord(dir)) --by \(namePlaceholder.zh)",
                  en: "Ready to close: kaimen session close \(shellWord(dir)) --by \(namePlaceholder.en)")
    }

    static let outputChangedStatusHint = Localized(zh: "用 kaimen session verify 查看改动之处；从备份恢复这个文件",
                                                   en: "run kaimen session verify to see what changed; restore the file from a backup")

    /// The last line of `status` for a closed session with something wrong (`problem`).
    static func closedButDamaged(versions: Int, _ problem: Localized, dir: String) -> Localized {
        Localized(zh: "会话已结束并封存（共 \(versions) 版结果），但\(problem.zh)（见上面的错误）：用 kaimen session verify \(shellWord(dir)) 查明哪里不对。",
                  en: "The session is closed and sealed (\(versions) result version\(versions == 1 ? "" : "s")), but \(problem.en) (see the errors above): run kaimen session verify \(shellWord(dir)) to see what is wrong.")
    }
    /// The last line of `status` for a reopened session whose sealed results are not as sealed.
    static func notReadyResultsChanged(_ problem: Localized, dir: String) -> Localized {
        Localized(zh: "尚不能结束：\(problem.zh)（见上面的错误），不能在其上封存新的结果：用 kaimen session verify \(shellWord(dir)) 查明哪里不对。",
                  en: "Not ready to close: \(problem.en) (see the errors above), and no new result is sealed on top of them: run kaimen session verify \(shellWord(dir)) to see what is wrong.")
    }
    static let journalDamagedWords = Localized(zh: "会话日志已损坏", en: "the session journal is damaged")
    static func resultsChangedWords(_ n: Int) -> Localized {
        Localized(zh: "有 \(n) 个结果文件与封存时不同", en: "\(n) result file\(n == 1 ? " is" : "s are") not as sealed")
    }
    /// Links under `results/` (`SessionStatus.resultLinks`), in the last line of `status`.
    static func resultLinksWords(_ links: [String]) -> Localized {
        // Named without brackets of their own: `（见上面的错误）` follows (a review read `）（`).
        let zh = firstQuoted(links, separator: "、", more: " 等"), en = firstQuoted(links, separator: ", ", more: " …")
        return Localized(zh: "结果中有符号链接 \(zh)", en: "the results hold a symbolic link, \(en)")
    }
    /// The last line of `status` for a session not closed whose results hold a link.
    static func notReadyResultLinks(_ links: [String]) -> Localized {
        let words = resultLinksWords(links)
        return Localized(zh: "尚不能结束：\(words.zh)（见上面的错误）：删去链接后再运行 `kaimen session close`。",
                         en: "Not ready to close: \(words.en) (see the errors above): remove it, then run `kaimen session close`.")
    }
    static func inputsChangedWords(_ n: Int) -> Localized {
        Localized(zh: "有 \(n) 个输入副本与建立会话时不同", en: "\(n) input cop\(n == 1 ? "y differs" : "ies differ") from when the session opened")
    }

    static func journalDamagedStatus(dir: String) -> Localized {
        Localized(zh: "尚不能结束：会话日志已损坏（见上面的错误），不能再记录或结束会话。用 kaimen session verify \(shellWord(dir)) 查看哪里不对。",
                  en: "Not ready to close: the session journal is damaged (see the errors above); nothing can be recorded and the session cannot be closed. Run kaimen session verify \(shellWord(dir)) to see what is wrong.")
    }

    static func inputsChangedStatus(_ paths: [String]) -> Localized {
        let list = paths.map { "`\($0)`" }.joined(separator: "、")
        return Localized(zh: "尚不能结束：输入副本 \(list) 在建立会话后被改动过；恢复原样之前，不能再记录或结束会话。",
                         en: "Not ready to close: the input cop\(paths.count == 1 ? "y" : "ies") \(list) changed after the session opened; until restored, nothing can be recorded and the session cannot be closed.")
    }
    static func unsealedResults(_ count: Int, folder: String) -> Localized {
        Localized(zh: "注意：`\(folder)/` 里已有 \(count) 个未封存的结果文件（上次结束会话中断了？）；它们不算数，结束会话时会被替换。",
                  en: "Note: `\(folder)/` already holds \(count) unsealed result file\(count == 1 ? "" : "s") (was the last close cut short?); they do not count, and closing the session replaces them.")
    }

    /// Under the appeal table of `status`: its figures are the seals' own, not scored again.
    static func sealedFiguresNote(dir: String) -> Localized {
        Localized(zh: "（以上总分、名次和等级取自各版的封存记录，已与封存的 summary.csv 核对，没有按日志重新计分；要重新计分并逐项核对，运行 kaimen session verify \(shellWord(dir))）",
                  en: "(the totals, ranks and grades above are the seal records' own, checked against the sealed summary.csv, not scored again from the journal; to score again and check every figure, run kaimen session verify \(shellWord(dir)))")
    }

    /// The last line of `status` for a closed session whose seals and results are as sealed.
    static func closedAsSealed(versions: Int, results: String, dir: String) -> Localized {
        Localized(zh: "会话已结束并封存（共 \(versions) 版结果，最新一版在 \(results)/）。\nstatus 只核对日志和结果文件与封存时一致，没有重新计分；要按日志重新计分、逐项核对结果，运行 kaimen session verify \(shellWord(dir))。",
                  en: "The session is closed and sealed (\(versions) result version\(versions == 1 ? "" : "s"), the latest in \(results)/).\nstatus checks only that the journal and the result files are as sealed, and does not score the session again; to score it again from the journal and check every figure of the result, run kaimen session verify \(shellWord(dir)).")
    }
    /// The heading of `session status`'s list of items two entries disagree on.
    static func conflictCount(_ n: Int) -> Localized {
        Localized(zh: "不一致：\(n) 项两次录入不同（由第三名录入员对照纸质评分表再录入一次，或用 `kaimen session resolve` 裁定）",
                  en: "Conflicts: \(n) item\(n == 1 ? "" : "s") entered differently (have a third operator enter it from the paper sheet, or settle it with `kaimen session resolve`)")
    }

    /// One item two entries disagree on, by names and ids, and the `resolve` that settles it.
    /// Every id and the folder are one shell word each; a name with a line break stays on the line.
    static func conflictLine(_ row: SessionStatus.Row, item: String, itemName: String?, unitName: String?, dir: String) -> Localized {
        let who = oneLine(row.name.isEmpty ? row.representative : "\(row.representative) \(row.name)")
        let unit = oneLine(unitName.map { "\(row.unit) \($0)" } ?? row.unit)
        let command = "kaimen session resolve \(shellWord(dir)) --rep \(shellWord(row.representative)) --unit \(shellWord(row.unit)) "
            + "--standard \(shellWord(item))"
        let named = (zh: oneLine(itemName.map { "\($0)（\(item)）" } ?? item), en: oneLine(itemName.map { "\($0) (\(item))" } ?? item))
        let (name, reason) = (namePlaceholder, reasonPlaceholder)
        return Localized(zh: "\(who) × \(unit) · \(named.zh)：\(command) --score 分数 --reason \(reason.zh) --by \(name.zh)",
                         en: "\(who) × \(unit) · \(named.en): \(command) --score SCORE --reason \(reason.en) --by \(name.en) --lang en")
    }

    /// Under the conflicts' commands, on its own line (since 0.29.3; it ended each command).
    static let conflictBlankNote = Localized(zh: "（纸质评分表上这一项空白的，把命令中的 `--score 分数` 换成 `--blank`；姓名处填裁定人的姓名，不带括号）",
                                             en: "(where the paper sheet leaves the item blank, give `--blank` instead of `--score SCORE`; give the name of whoever settles it, without brackets)")

    /// Since 0.25.0 said to be for reference: `close` does not ask for it, and a secretary's
    /// trial read "关闭前请核对" as a must.
    static func recheckCount(_ n: Int) -> Localized {
        Localized(zh: "待复核：\(n) 个分数偏离其他代表的中位数，供参考（结束会话不要求核对；有疑问的，核对纸质评分表）",
                  en: "To re-check: \(n) mark\(n == 1 ? "" : "s") far from the other representatives' median, for reference (closing does not require it; where in doubt, check the paper sheets)")
    }
    /// Above `shown` marks: which are listed, and where all are.
    static func recheckLargest(_ shown: Int, dir: String) -> Localized {
        Localized(zh: "下面列出相差最大的 \(shown) 个；`kaimen panel \(shellWord(dir)) --format csv --section outliers` 列出全部",
                  en: "the \(shown) farthest are listed below; `kaimen panel \(shellWord(dir)) --format csv --section outliers` lists them all")
    }
}
