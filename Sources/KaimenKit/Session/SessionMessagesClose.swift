import Foundation

/// What `session close` says: sheets not confirmed, `--accept-missing`, and what it sealed.
extension SessionMessages {
    static let outsideSession = Localized(zh: "写到了会话文件夹之外", en: "it was written outside the session folder")

    static let notSealedOverChanged = Localized(zh: "已封存的结果文件与封存时不同，不能在其上封存新的结果", en: "sealed result files are not as sealed: no new result is sealed on top of them")

    static let emptyAcceptMissing = Localized(zh: "--accept-missing 的理由是空的", en: "--accept-missing gives no reason")
    static let emptyAcceptMissingHint = Localized(zh: "写明为何未确认的评分表不计入，例如 --accept-missing \"R20 因病缺席，未交评分表\"；理由记入日志并随结果封存",
                                                  en: "say why the unconfirmed sheets are left out, e.g. --accept-missing \"R20 absent, no sheet\"; the reason is recorded and sealed with the results")
    static let alreadyClosed = Localized(zh: "会话已经结束并封存，结果未变", en: "the session is already closed and sealed; its results are unchanged")
    static let alreadyClosedHint = Localized(zh: "核验结果用 kaimen session verify；某单位申诉复核时先用 kaimen session appeal 重新打开",
                                             en: "to check the results, kaimen session verify; for a unit's appeal, reopen it with kaimen session appeal first")

    /// `--accept-missing`: the sheets closed without, each `R05×X02`: `whole`, missing or entered
    /// once, count nothing; `partly`, in conflict, count the items their entries agree on.
    static func uncounted(whole: [String], partly: [String], reason: String) -> Localized {
        var zh: [String] = [], en: [String] = []
        if !whole.isEmpty {
            zh.append("\(whole.count) 张整张不计（缺录或只录一次）：\(whole.joined(separator: "、"))")
            en.append("\(whole.count) sheet\(whole.count == 1 ? "" : "s") not counted at all (missing or entered once): \(whole.joined(separator: ", "))")
        }
        if !partly.isEmpty {
            zh.append("\(partly.count) 张两次录入不一致，只计一致的项：\(partly.joined(separator: "、"))")
            en.append("\(partly.count) sheet\(partly.count == 1 ? "" : "s") in conflict, counting only the items the entries agree on: \(partly.joined(separator: ", "))")
        }
        return Localized(zh: "按 --accept-missing（\(reason)）未确认的评分表：" + zh.joined(separator: "；"),
                         en: "--accept-missing (\(reason)), sheets not confirmed: " + en.joined(separator: "; "))
    }

    static func openSheet(_ row: SessionStatus.Row) -> Localized {
        let s = stateName(row.state)
        let items = row.conflicts.isEmpty ? "" : "：" + row.conflicts.joined(separator: ", ")
        let itemsEN = row.conflicts.isEmpty ? "" : ": " + row.conflicts.joined(separator: ", ")
        return Localized(zh: "\(row.group) `\(row.representative)`（\(row.name)）对 `\(row.unit)` 的评分表\(s.zh)\(items)",
                         en: "\(row.group) `\(row.representative)` (\(row.name)), sheet for `\(row.unit)`: \(s.en)\(itemsEN)")
    }

    /// A sheet `--accept-missing` does not leave out: in conflict, or an appeal's correction entered once.
    /// - Parameter earlier: the sheet as the last seal counted it: only a sheet that counted
    ///   then has scores an `--accept-missing` would drop (a sheet void in round 1 has none;
    ///   before 0.29.3 it was said to lose them all the same).
    static func notAcceptedMissing(_ row: SessionStatus.Row, earlier: DoubleEntry.SheetState = .confirmed) -> Localized {
        let sheet = Localized(zh: "\(row.group) `\(row.representative)`（\(row.name)）对 `\(row.unit)` 的评分表", en: "\(row.group) `\(row.representative)` (\(row.name)), sheet for `\(row.unit)`")
        if row.state == .conflict {
            return Localized(zh: sheet.zh + "两次录入不一致（" + row.conflicts.joined(separator: ", ") + "）：--accept-missing 只用于无法确认的评分表（缺交、遗失、录入员缺席），不一致的项要按纸质评分表裁定",
                             en: sheet.en + ": the entries disagree (" + row.conflicts.joined(separator: ", ") + "); --accept-missing is for sheets that cannot be confirmed (not handed in, lost, an operator away), and disagreeing items are settled from the paper sheet")
        }
        switch earlier {
        case .void:
            return Localized(zh: sheet.zh + "的申诉更正只录入了一次（此前一轮这张表已作废，没有计入的分数）：申诉更正要确认后才算数，--accept-missing 只用于无法确认的评分表",
                             en: sheet.en + ": the appeal's correction is entered once (the sheet was void in the earlier round, and counted nothing); an appeal's correction counts once confirmed, and --accept-missing is for sheets that cannot be confirmed")
        case .missing, .once:
            return Localized(zh: sheet.zh + "的申诉更正只录入了一次（此前一轮这张表未确认，没有计入的分数）：申诉更正要确认后才算数，--accept-missing 只用于无法确认的评分表",
                             en: sheet.en + ": the appeal's correction is entered once (the sheet was not confirmed in the earlier round, and counted nothing); an appeal's correction counts once confirmed, and --accept-missing is for sheets that cannot be confirmed")
        case .confirmed, .conflict:
            return Localized(zh: sheet.zh + "的申诉更正只录入了一次：若按 --accept-missing 不计入，此前一轮已确认的分数也会一并去掉",
                             en: sheet.en + ": the appeal's correction is entered once; leaving it out by --accept-missing would drop the scores confirmed in the earlier round as well")
        }
    }
    static func notAcceptedMissingHint(_ row: SessionStatus.Row) -> Localized {
        row.state == .conflict
            ? Localized(zh: "用 `kaimen session status` 列出的 `kaimen session resolve` 命令逐项裁定，或由第三名录入员对照纸质评分表再录入一次",
                        en: "settle each item with the `kaimen session resolve` command `kaimen session status` lists, or have a third operator enter it from the paper sheet")
            : Localized(zh: "请另一位录入员录入这份更正；无法录入时按纸质评分表用 `kaimen session resolve … --override` 裁定",
                        en: "have another operator enter the correction; if none can, settle it from the paper sheet with `kaimen session resolve … --override`")
    }

    static func openSheetHint(_ s: DoubleEntry.SheetState) -> Localized {
        switch s {
        case .missing: return Localized(zh: "录入这张评分表（两人各录一次），或用 `session void` 声明作废", en: "enter the sheet (twice, by two operators), or declare it void with `session void`")
        case .once: return Localized(zh: "请另一位录入员再录入一次", en: "have another operator enter it once more")
        default: return Localized(zh: "由第三名录入员对照纸质评分表再录入一次，或用 `kaimen session resolve` 裁定",
                                  en: "have a third operator enter it from the paper sheet, or settle it with `kaimen session resolve`")
        }
    }

    /// A seal after an appeal whose ranking (every unit's rank, total and grade) is the one before's.
    static func appealChangedNothing(version: Int, earlier: Int) -> Localized {
        Localized(zh: "第 \(version) 版与第 \(earlier) 版的名次、总分和等级完全相同：本轮申诉复核没有改变任何单位的结果（维持原结果）",
                  en: "result \(version) has every unit's rank, total and grade as result \(earlier) has them: this appeal round changed no unit's result (the result stands)")
    }

    static func closeRefused(_ n: Int) -> Localized {
        Localized(zh: "还有 \(n) 张评分表未确认，不能结束会话", en: "\(n) sheet\(n == 1 ? " is" : "s are") not confirmed: the session cannot be closed")
    }

    static let closeRefusedHint = Localized(zh: "补齐后再结束；确需结束的，用 --accept-missing \"理由\"（理由记入日志，未确认的票不计）",
                                            en: "complete them first, or close anyway with --accept-missing \"reason\" (recorded; unconfirmed ballots are not counted)")

    /// `close` with sheets in conflict, or an appeal's correction entered once, among the open
    /// ones: what to settle first, naming the appeal's corrections only when there are some (the
    /// first round's refusal spoke of appeals where there were none: a secretary's test).
    static func closeRefusedSettleFirstHint(corrections: Bool) -> Localized {
        corrections
            ? Localized(zh: "先裁定两次录入不一致的评分表、补录只录入一次的申诉更正；--accept-missing \"理由\" 只能让其余未确认的评分表（缺录、只录一次）不计",
                        en: "settle the sheets whose entries disagree and have an appeal's correction entered a second time first; --accept-missing \"reason\" leaves out only the other unconfirmed sheets (missing, entered once)")
            : Localized(zh: "先用 `kaimen session resolve` 按纸质表裁定两次录入不一致的评分表；--accept-missing \"理由\" 只能让其余未确认的评分表（缺录、只录一次）不计",
                        en: "settle the sheets whose entries disagree from the paper with `kaimen session resolve` first; --accept-missing \"reason\" leaves out only the other unconfirmed sheets (missing, entered once)")
    }

    /// `close --accept-missing` with sheets it does not leave out (`notAcceptedMissing`).
    static func closeRefusedAccepting(_ n: Int) -> Localized {
        Localized(zh: "有 \(n) 张评分表不能按 --accept-missing 不计，不能结束会话",
                  en: "\(n) sheet\(n == 1 ? "" : "s") cannot be left out by --accept-missing: the session cannot be closed")
    }
    static let closeRefusedAcceptingHint = Localized(zh: "按上面每张评分表的提示处理后再结束；其余未确认的评分表仍可按 --accept-missing 不计",
                                                     en: "deal with each sheet above as it says, then close; the other unconfirmed sheets can still be left out by --accept-missing")
    /// `close`, having replaced what a close cut short left: the number `status` noted.
    static func unsealedReplaced(_ count: Int, folder: String) -> Localized {
        Localized(zh: "`\(folder)/` 里上次结束会话中断时留下的 \(count) 个未封存的结果文件已被本次写出的文件替换",
                  en: "the \(count) unsealed result file\(count == 1 ? "" : "s") a cut-short close had left in `\(folder)/` \(count == 1 ? "was" : "were") replaced by the files written now")
    }
}
