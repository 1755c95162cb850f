import Foundation

/// What `session resolve`, `session void` and `session appeal` say.
extension SessionMessages {
    /// `resolve` and `void` on a closed session say what they were asked to do (since 0.29.3;
    /// they said `不能再录入`, as `enter` does).
    static let closedNoResolve = Localized(zh: "会话已结束（已封存），不能再裁定", en: "the session is closed (sealed): nothing can be resolved")
    static let closedNoVoid = Localized(zh: "会话已结束（已封存），不能再声明评分表作废", en: "the session is closed (sealed): no sheet can be declared void")
    static let closedNoResolveHint = Localized(zh: "如需复核某单位，先用 `kaimen session appeal` 申诉复核，重新开放后再裁定或作废它的评分表",
                                               en: "to review a unit, open an appeal with `kaimen session appeal`; once it is reopened, its sheets can be resolved or voided")

    static func sheetVoid(_ s: ExpectedBallots.Sheet) -> Localized {
        Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表已声明作废，本轮不能再录入、裁定或作废", en: "`\(s.representative)`'s sheet for `\(s.unit)` was declared void: in this round it cannot be entered, resolved or voided again")
    }

    static func sheetVoidEnterFirst(_ s: ExpectedBallots.Sheet) -> Localized {
        Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表已在前一轮声明作废；复核轮中先重新录入这张评分表，再裁定",
                  en: "`\(s.representative)`'s sheet for `\(s.unit)` was declared void in an earlier round: in the appeal, enter the sheet again first, then resolve")
    }

    static let sheetVoidHint = Localized(zh: "作废声明写入日志，不能撤销；若声明有误，结束会话后对该单位 `kaimen session appeal`，复核时可重新录入这张评分表",
                                         en: "a void is recorded and cannot be undone; if it was a mistake, close the session and `kaimen session appeal` the unit: the sheet can be entered again in the appeal")
    static func unknownItem(_ item: String) -> Localized {
        Localized(zh: "`\(item)` 不是职工代表评分项", en: "`\(item)` is not a ballot standard")
    }

    /// Why `resolve --score` is refused: what is wrong with it, then what a score may be (`4.5`
    /// for a standard worth 4 was told it must be a multiple of 0.5, which it is: a secretary's test).
    static func badResolveScore(_ s: String, value: Rational?, max: String, step: String?) -> Localized {
        let rule = step.map { (zh: "须在 0–\(max) 之间，且是 \($0) 的整数倍", en: "it must lie within 0–\(max), in steps of \($0)") }
            ?? (zh: "须是 0–\(max) 之间的数", en: "it must be a number within 0–\(max)")
        guard let value else { return Localized(zh: "分数 `\(s)` 不是数字：\(rule.zh)", en: "score `\(s)` is not a number: \(rule.en)") }
        if value.isNegative { return Localized(zh: "分数 `\(s)` 是负数：\(rule.zh)", en: "score `\(s)` is negative: \(rule.en)") }
        if let m = Rational(decimal: max), value > m {
            return Localized(zh: "分数 `\(s)` 超过这条标准的满分 \(max) 分", en: "score `\(s)` is above the standard's \(max) points")
        }
        return Localized(zh: "分数 `\(s)` 不是 \(step ?? "") 的整数倍：\(rule.zh)", en: "score `\(s)` is not a multiple of \(step ?? ""): \(rule.en)")
    }

    /// `resolved`: the value was settled by an earlier resolve, not by the entries.
    static func alreadyConfirmed(_ s: ExpectedBallots.Sheet, item: String, value: String?, resolved: Bool = false) -> Localized {
        let v = cellText(value)
        return Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表中「\(item)」已\(resolved ? "裁定" : "确认")为 \(v.zh)，与这次给出的值相同，无需再裁定",
                         en: "`\(s.representative)`'s sheet for `\(s.unit)` already has \(item) \(resolved ? "resolved" : "confirmed") as \(v.en): there is nothing to resolve")
    }

    static func confirmedItem(_ s: ExpectedBallots.Sheet, item: String, value: String?, new: String?, doubleEntry: Bool, resolved: Bool = false) -> Localized {
        let (v, n) = (cellText(value), cellText(new))
        if resolved {
            return Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表中「\(item)」已裁定为 \(v.zh)；要改为 \(n.zh)，须加 `--override`",
                             en: "`\(s.representative)`'s sheet for `\(s.unit)` has \(item) resolved as \(v.en); changing it to \(n.en) takes `--override`")
        }
        return doubleEntry
            ? Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表中「\(item)」已确认为 \(v.zh)，两次录入并无不一致；要改为 \(n.zh)，须加 `--override`",
                        en: "`\(s.representative)`'s sheet for `\(s.unit)` has \(item) confirmed as \(v.en): the entries agree; changing it to \(n.en) takes `--override`")
            : Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表中「\(item)」已录入并确认为 \(v.zh)；要改为 \(n.zh)，须加 `--override`",
                        en: "`\(s.representative)`'s sheet for `\(s.unit)` has \(item) entered and confirmed as \(v.en); changing it to \(n.en) takes `--override`")
    }

    static func voidConfirmed(_ s: ExpectedBallots.Sheet, scores: [String], doubleEntry: Bool) -> Localized {
        let list = scores.joined(separator: "，"), listEN = scores.joined(separator: ", ")
        return Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表已有\(doubleEntry ? "两次录入一致或经裁定" : "录入")确认的 \(scores.count) 项分数（\(list)）；作废会使它们都不计入，且本轮不能撤销；确要作废，须加 `--override`",
                         en: "`\(s.representative)`'s sheet for `\(s.unit)` has \(scores.count) confirmed score\(scores.count == 1 ? "" : "s") (\(listEN)); a void drops them all and cannot be undone in this round; to void it all the same, add `--override`")
    }
    static let voidConfirmedHint = Localized(zh: "先核对 --rep 和 --unit 是否写对、纸质评分表是否确实无法辨认；只是个别分数有误时用 `kaimen session resolve` 更正",
                                             en: "check that --rep and --unit are right and that the paper sheet really is unreadable; if only some scores are wrong, correct them with `kaimen session resolve`")

    /// `resolved`: the value was settled by an earlier resolve, whose ruling the override
    /// replaces (not two typists' entries: a secretary's test).
    static func confirmedItemHint(doubleEntry: Bool, resolved: Bool = false) -> Localized {
        if resolved {
            return Localized(zh: "先核对纸质评分表；确属上次裁定有误时再加 `--override`，上次裁定的值会记入日志",
                             en: "check the paper sheet first; add `--override` only when the earlier ruling was wrong, and the value it gave is kept in the journal")
        }
        return doubleEntry
            ? Localized(zh: "先核对纸质评分表；确属两人都录错时再加 `--override`，原值会记入日志",
                        en: "check the paper sheet first; add `--override` only when both entries are wrong, and the value replaced is kept in the journal")
            : Localized(zh: "先核对纸质评分表；确属录错时再加 `--override`，原值会记入日志",
                        en: "check the paper sheet first; add `--override` only when the entry is wrong, and the value replaced is kept in the journal")
    }

    /// `session resolve` with `--override`: the confirmed value it replaced, after 已裁定 … 为 v（记录 n）.
    static func replaced(_ was: String?, by now: String?) -> Localized {
        let (w, n) = (cellText(was), cellText(now))
        return Localized(zh: "；原确认值 \(w.zh) 改为 \(n.zh)", en: "; the confirmed \(w.en) is now \(n.en)")
    }

    static let resolveNeedsOptions = Localized(zh: "须给出 `--rep`、`--unit`、`--standard`，以及 `--score 分数` 或 `--blank` 二者之一",
                                               en: "give `--rep`, `--unit`, `--standard`, and either `--score N` or `--blank`")

    /// `resolve` of an item only one operator has entered (with double entry), record `seq` by `by`.
    static func resolveEnteredOnce(_ s: ExpectedBallots.Sheet, item: String, seq: Int, by: String) -> Localized {
        Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表中「\(item)」只录入了一次（记录 \(seq)，\(Echo.visible(by))），还没有两次录入可比较，无从裁定；裁定会压过第二次录入，即使第二次录入与第一次一致",
                  en: "`\(s.representative)`'s sheet for `\(s.unit)` has \(item) entered once (record \(seq), by \(Echo.visible(by))): there is no second entry to compare and nothing to resolve yet; a resolve would outrank the second entry, even one agreeing with the first")
    }
    static let resolveEnteredOnceHint = Localized(
        zh: "等第二位录入员录入这张评分表；两次不一致时 `kaimen session status` 会列出裁定命令。第二次录入无法进行、委员会决定按原表裁定的，加 `--override`",
        en: "have a second operator enter the sheet; where the entries disagree, `kaimen session status` lists the resolve command. If no second entry can be made and the committee settles the item from the paper sheet, add `--override`")

    static func nothingToResolve(_ s: ExpectedBallots.Sheet) -> Localized {
        Localized(zh: "`\(s.representative)` 对 `\(s.unit)` 的评分表还没有录入，无需裁定", en: "`\(s.representative)`'s sheet for `\(s.unit)` has not been entered: there is nothing to resolve")
    }

    /// `appeal` on an open session: what corrects a sheet before close, by its state (since
    /// 0.29.3; it said to enter the correction, which a confirmed sheet refuses).
    static let appealNeedsClosed = Localized(zh: "会话尚未结束，不需要申诉复核：还未确认的评分表直接录入更正；已确认的项按纸质评分表用 `kaimen session resolve … --override` 改正",
                                             en: "the session is not closed: no appeal is needed; enter corrections of sheets not yet confirmed, and change a confirmed item from the paper sheet with `kaimen session resolve … --override`")

    static func unknownRep(_ id: String) -> Localized {
        Localized(zh: "代表 `\(id)` 不在名单中", en: "representative `\(id)` is not on the roster")
    }

    static func sheetNotExpected(_ s: ExpectedBallots.Sheet) -> Localized {
        Localized(zh: "按日程和回避规定，`\(s.representative)` 不为 `\(s.unit)` 打分", en: "by the schedule and recusals, `\(s.representative)` does not score `\(s.unit)`")
    }
    static func alreadyAppealed(_ unit: String, seq: Int) -> Localized {
        Localized(zh: "`\(unit)` 已在本轮申诉中重新开放（记录 \(seq)），无需再次申诉", en: "`\(unit)` was already reopened in this round (record \(seq)); no second appeal is needed")
    }
    static func alreadyAppealedHint(doubleEntry: Bool) -> Localized {
        doubleEntry
            ? Localized(zh: "更正的评分表请两人各录入一次，然后再次结束会话；`kaimen session status` 列出待录入的评分表",
                        en: "have the corrected sheets entered twice, then close again; `kaimen session status` lists the sheets to enter")
            : Localized(zh: "录入更正的评分表，然后再次结束会话；`kaimen session status` 列出待录入的评分表",
                        en: "enter the corrected sheets, then close again; `kaimen session status` lists the sheets to enter")
    }
}
