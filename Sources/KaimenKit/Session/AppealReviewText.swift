/// How `kaimen explain --session` says what an appeal changed, before the derivation; every
/// text of that paragraph and of `explain --session`'s own messages is here, Chinese first.
public enum AppealReviewText {
    typealias L = Localized

    static func heading(_ r: AppealReview) -> L {
        L(zh: "申诉复核：\(r.unit) 第 \(r.from) 版 → 第 \(r.to) 版", en: "Appeal review: \(r.unit), version \(r.from) → version \(r.to)")
    }
    static func appeal(_ a: AppealReview.Appeal) -> L {
        L(zh: "申诉：\(a.reason)（\(a.by) 登记）", en: "Appeal: \(a.reason) (recorded by \(a.by))")
    }
    static let noAppeal = L(zh: "这一版没有为本单位登记申诉", en: "No appeal was recorded for this unit in this version")
    static let correctedBallots = L(zh: "更正的评分：", en: "Corrected ballots:")
    static let noCorrection = L(zh: "本单位的评分没有更正", en: "None of this unit's ballots was corrected")
    static let blank = L(zh: "（空）", en: "(blank)")
    /// A value that did not count, by why: the sheet's state (since 0.29.3; all read `（空）`,
    /// as a blank cell, before).
    static func uncounted(_ state: DoubleEntry.SheetState) -> L {
        switch state {
        case .void: return L(zh: "（作废，未计入）", en: "(void, not counted)")
        case .missing: return L(zh: "（未录入，未计入）", en: "(not entered, not counted)")
        case .once: return L(zh: "（只录入一次，未计入）", en: "(entered once, not counted)")
        case .conflict: return L(zh: "（两次录入不一致，未计入）", en: "(entries disagree, not counted)")
        case .confirmed: return blank
        }
    }
    static func value(_ v: String?, _ sheet: DoubleEntry.SheetState?) -> L {
        if let v { return L(same: v) }
        return sheet.map(uncounted) ?? blank
    }
    static func correction(_ c: AppealReview.Correction) -> L {
        let old = value(c.old, c.oldSheet), new = value(c.new, c.newSheet)
        return L(zh: "代表 \(c.representative)，标准 \(c.standard)：\(old.zh) → \(new.zh)",
                 en: "representative \(c.representative), standard \(c.standard): \(old.en) → \(new.en)")
    }
    static func standing(_ label: L, _ s: AppealReview.Standing?) -> L {
        guard let s else { return L(zh: "\(label.zh)：无结果", en: "\(label.en): no result") }
        return L(zh: "\(label.zh)：总分 \(s.total)，等级 \(s.grade)，第 \(s.rank) 名",
                 en: "\(label.en): total \(s.total), grade \(s.grade), rank \(s.rank)")
    }
    static func unchanged(_ r: AppealReview) -> L? {
        guard let b = r.before, let a = r.after, b == a else { return nil }
        return L(zh: "总分、等级和名次都没有变化", en: "Total, grade and rank are unchanged")
    }

    /// The paragraph printed before the derivation.
    public static func render(_ r: AppealReview, lang: Language) -> String {
        var s = heading(r).text(lang) + "\n"
        if r.appeals.isEmpty { s += "  " + noAppeal.text(lang) + "\n" }
        for a in r.appeals { s += "  " + appeal(a).text(lang) + "\n" }
        if r.corrections.isEmpty {
            s += "  " + noCorrection.text(lang) + "\n"
        } else {
            s += "  " + correctedBallots.text(lang) + "\n"
            for c in r.corrections { s += "    " + correction(c).text(lang) + "\n" }
        }
        s += "  " + standing(L(zh: "第 \(r.from) 版", en: "Version \(r.from)"), r.before).text(lang) + "\n"
        s += "  " + standing(L(zh: "第 \(r.to) 版", en: "Version \(r.to)"), r.after).text(lang) + "\n"
        if let u = unchanged(r) { s += "  " + u.text(lang) + "\n" }
        return s + "\n"
    }

    // Messages of `explain --session`.
    static let sessionWithInputs = L(zh: "`--session` 从会话文件夹读取细则、单位、名册和评分，不能再同时给 --rules、--units、--roster 或 --ballots",
                                     en: "`--session` reads the rules, units, roster and ballots from the session folder; do not also give --rules, --units, --roster or --ballots")
    static func notSealed(_ dir: String) -> L {
        L(zh: "会话 \(dir) 还没有封存的结果", en: "session \(dir) has no sealed result yet")
    }
    static func notSealedHint(_ dir: String) -> L {
        L(zh: "先运行 `kaimen session close \(SessionMessages.shellWord(dir)) --by \(SessionMessages.namePlaceholder.zh)`",
          en: "run `kaimen session close \(SessionMessages.shellWord(dir)) --by \(SessionMessages.namePlaceholder.en) --lang en` first")
    }
}
