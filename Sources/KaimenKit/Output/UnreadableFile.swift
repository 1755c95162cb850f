/// `file-not-found`: an input file that cannot be read, with why (missing, a folder, a pipe,
/// no permission, …), for every command that reads one. A secretary who gave a folder for a
/// file was told only 无法读取.
enum UnreadableFile {
    /// The error for `shown` whose read threw `error`: why `InputFile.read` found, when it
    /// was the reader (not looked up again), else looked up at `path` (an injected reader's).
    static func diagnostic(_ shown: String, _ error: any Error, at path: @autoclosure () -> String) -> Diagnostic {
        diagnostic(shown, (error as? InputFile.Unreadable) ?? InputFile.unreadable(path()))
    }

    /// The error for `shown` (as the person wrote it), which `why` could not be read.
    static func diagnostic(_ shown: String, _ why: InputFile.Unreadable) -> Diagnostic {
        why.changed ? ReaderMessages.changedWhileRead(shown, cutShort: false) : .error("file-not-found", message(shown, why), hint: why.hint)
    }

    static func message(_ shown: String, _ why: InputFile.Unreadable) -> Localized {
        let name = Echo.shown(shown)
        return Localized(zh: "无法读取 `\(name)`：\(why.cause.zh)", en: "cannot read `\(name)`: \(why.cause.en)")
    }
}
