/// The texts of the roster's recusal checks, in Chinese and English, kept together for the
/// message catalogue.
enum RosterMessages {
    static func columnName(_ column: RecusalViolation.Reason) -> Localized {
        switch column {
        case .ownUnit: Localized(zh: "所在单位", en: "own unit")
        case .declaredConflict: Localized(zh: "申报回避单位", en: "declared conflict")
        }
    }

    /// `roster-unit-near-miss`: an entry that names no assessed unit but is close to one.
    static func nearMiss(rep: String, repName: String, entry: String, column: RecusalViolation.Reason, id: String, name: String) -> Diagnostic.Parts {
        // No space between a closing full-width bracket and 的 (`R07（王芳）的`), one after an id (`R07 的`).
        let who = repName.isEmpty ? rep + " " : "\(rep)（\(repName)）"
        let whoEn = repName.isEmpty ? rep : "\(rep) (\(repName))"
        let c = columnName(column)
        // `X03` here and `Х03` (a Cyrillic `Х`) in the units file, or the other way round: the
        // same to the eye, so the letter is named rather than "did you mean `Х03`?".
        let lookalike = ScriptLookalikes.latinized(entry) == ScriptLookalikes.latinized(id)
        if lookalike {
            return Diagnostic.Parts(
                text: Localized(zh: "代表 \(who)的\(c.zh)写作 `\(entry)`，不是任何被考核单位的编号或全称：若指的是 `\(id)`（\(name)），回避将被漏掉",
                                en: "representative \(whoEn): \(c.en) `\(entry)` is neither the id nor the exact name of an assessed unit: if `\(id)` (\(name)) is meant, the recusal would be missed"),
                hint: CommandMessages.didYouMean(id, for: entry))
        }
        return Diagnostic.Parts(
            text: Localized(zh: "代表 \(who)的\(c.zh)写作 `\(entry)`，不是任何被考核单位的编号或全称，但与 `\(id)`（\(name)）相近：若指的是它，回避将被漏掉",
                            en: "representative \(whoEn): \(c.en) `\(entry)` is neither the id nor the exact name of an assessed unit, but is close to `\(id)` (\(name)): if that is meant, the recusal would be missed"),
            hint: Localized(zh: "是否指 `\(id)`（\(name)）？请写单位编号 `\(id)` 或其完整名称；若确是另一单位，请写出能与之区分的完整名称",
                            en: "did you mean `\(id)` (\(name))? Write the unit's id `\(id)` or its exact name; if it is another unit, write its full name so that it differs"))
    }

    /// `roster-outside-unit`: an entry like no assessed unit (e.g. an incubator that is not assessed).
    static func outside(rep: String, entry: String, column: RecusalViolation.Reason) -> Diagnostic.Parts {
        let c = columnName(column)
        return Diagnostic.Parts(
            text: Localized(zh: "代表 \(rep) 的\(c.zh) `\(entry)` 不是被考核单位，无需回避",
                            en: "representative \(rep): \(c.en) `\(entry)` is not an assessed unit, so there is nothing to recuse from"),
            hint: Localized(zh: "若它其实是被考核单位，请改写为其编号", en: "if it is in fact an assessed unit, write its id"))
    }

    /// `recusal` under `--strict`: a ballot for a unit the representative must not score.
    static func strictRecusal(rep: String, name: String, unit: String, item: String, reason: RecusalViolation.Reason) -> Diagnostic.Parts {
        let (zh, en) = reason == .ownUnit ? ("本人所在单位", "their own unit") : ("申报回避的单位", "a unit they declared a conflict with,")
        return Diagnostic.Parts(
            text: Localized(zh: "`\(rep)`（\(name)）在 `\(item)` 上给\(zh) `\(unit)` 打了分（应回避）",
                            en: "`\(rep)` (\(name)) scored \(en) `\(unit)` on `\(item)` (回避)"),
            hint: Localized(zh: "删去这张票，或不加 --strict 运行以将其搁置不计", en: "remove the ballot, or run without --strict to set it aside"))
    }

    /// How a recusal reads in sheets, summaries and warnings.
    static func reasonText(_ reason: RecusalViolation.Reason) -> Localized {
        switch reason {
        case .ownUnit: Localized(zh: "本单位代表", en: "own unit")
        case .declaredConflict: Localized(zh: "申报回避", en: "declared conflict")
        }
    }
}

extension Diagnostic {
    /// A message and its hint, as a feature's message file hands them out.
    struct Parts {
        var text: Localized
        var hint: Localized?
    }
}
