/// `file-not-found`: an input file that cannot be read, with why (missing, a folder, a pipe,
/// no permission, …), for every command that reads one. A secretary who gave a folder for a
/// file was told only 无法读取.
enum UnreadableFile {
    /// The error for `shown` (as the person wrote it), looked up at `path` (resolved).
    static func diagnostic(_ shown: String, at path: String) -> Diagnostic {
        diagnostic(shown, InputFile.unreadable(path))
    }

    /// The error for `shown` (as the person wrote it), which `why` could not be read.
    static func diagnostic(_ shown: String, _ why: InputFile.Unreadable) -> Diagnostic {
        .error("file-not-found", message(shown, why), hint: why.hint)
    }

    static func message(_ shown: String, _ why: InputFile.Unreadable) -> Localized {
        let name = Echo.shown(shown)
        return Localized(zh: "无法读取 `\(name)`：\(why.cause.zh)", en: "cannot read `\(name)`: \(why.cause.en)")
    }
}
