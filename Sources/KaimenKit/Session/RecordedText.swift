/// The free text a journal keeps from the command line (`--by`, `--reason`, `--accept-missing`):
/// what the commands refuse in it, checked in one place for the commands and for the replay of
/// a journal (`ReplayCheck`), so that a record appended by hand with a name or reason no command
/// takes (empty, or with U+202E in it) reads as damage, as the commands' own rules say.
enum RecordedText {
    /// Why `text`, given for `option`, is refused; `nil` when it is not.
    /// - A name (`--by`) and a reason (`--reason`) must say something: spaces alone are nothing.
    /// - None of them may hold a control character (a reason its line breaks and tabs excepted)
    ///   or anything invisible (a bidi override, a zero-width space): in an audit record U+202E
    ///   makes a name or a reason read otherwise than it was typed (a hostile test).
    /// - Parameter invisible: check the characters too (a journal opened before 0.23.0 was
    ///   written without that check, and reads as it did).
    static func problem(_ text: String, option: String, invisible: Bool = true) -> Localized? {
        if option == "--by" && text.trimmingSpaces().isEmpty { return CommandMessages.byRequired }
        if option == "--reason" && text.trimmingSpaces().isEmpty { return SessionMessages.needReason }
        guard invisible, let bad = forbiddenScalar(in: text, option: option) else { return nil }
        return SessionMessages.invisibleInText(option, text: Echo.shown(text), scalar: bad)
    }

    /// The first character of `text` that `option` may not hold (``problem(_:option:invisible:)``).
    static func forbiddenScalar(in text: String, option: String) -> Unicode.Scalar? {
        // A reason may run over lines (pasted from a letter): its line breaks and tabs stay.
        let allowed: Set<Unicode.Scalar> = option == "--by" || option == "--period" ? [] : ["\n", "\t"]
        return text.unicodeScalars.first { !allowed.contains($0) && (Echo.isControl($0) || Echo.isInvisible($0)) }
    }

    /// The most characters `--period` takes: a period is a few words on one line of the papers.
    static let periodLimit = 40

    /// Why an assessment period (`score --period`, `session init --period`, since 0.29.4) is
    /// refused: empty, longer than `periodLimit`, or holding a control or invisible character
    /// (it is printed on the papers, and a session's journal keeps it).
    static func periodProblem(_ text: String) -> Localized? {
        let period = text.trimmingSpaces()
        if period.isEmpty { return CommandMessages.periodEmpty }
        if period.count > periodLimit { return CommandMessages.periodTooLong(period.count) }
        return problem(period, option: "--period")
    }

    /// Why an operator name given to a command that records (`--by`) is refused, beyond
    /// `problem`: a bracket of any kind, or a leading `--` (since 0.29.3). The line `status`
    /// prints for a conflict ended `--by 姓名（原表空白则以 --blank 代替 --score 分数）`, and a
    /// secretary's copy up to the bracket recorded `王秘书（原表空白则以` as the operator.
    /// Refused, not warned of: the journal keeps a name for good. A person's name needs neither,
    /// and names are compared without punctuation (`录入员（甲）` is `录入员甲`), so leaving the
    /// brackets out loses nothing. Only new records are checked: the replay of a journal does
    /// not apply it, so a journal written before with such a name reads and verifies as it did.
    static func operatorNameProblem(_ by: String) -> Localized? {
        let name = by.trimmingSpaces()
        if name.hasPrefix("--") || name.hasPrefix("－－") { return SessionMessages.operatorLooksLikeOption(Echo.shown(name)) }
        let brackets: Set<Character> = ["(", ")", "（", "）", "[", "]", "【", "】", "［", "］"]
        if let b = name.first(where: brackets.contains) { return SessionMessages.operatorHasBracket(Echo.shown(name), bracket: String(b)) }
        return nil
    }
}

extension SessionFolder {
    /// `RecordedText.operatorNameProblem` as a refusal, before a command that records does anything.
    static func checkOperator(_ by: String) throws(SessionError) {
        if let text = RecordedText.operatorNameProblem(by) {
            throw .problems([.error("operator-name", text, path: "--by", hint: SessionMessages.operatorNameHint)])
        }
    }
}
