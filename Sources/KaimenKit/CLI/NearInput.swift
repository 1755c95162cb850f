import Foundation

/// An input path with a typo (`--units samples/xicheng-2014/unit.csv`, `--rules
/// rules/dongchen-2019.jsonc`, a positional file) is answered with the file near it in name, in
/// the folder it names, as `session init` answers it since 0.29.3 (`SessionSetup.nearFile`, the
/// one rule: ``Suggestion/closest(to:among:)``). Since 0.29.4 every command does: `relative`
/// passes each diagnostic it prints through here, so no command can print a missing file without
/// it.
enum NearInput {
    /// `d` with `是不是 …？` for its hint, when it says a file was not found (`file-not-found`,
    /// naming the path in backquotes as `UnreadableFile` and the rules loader write it) and a
    /// file near that one in name is in its folder; `d` itself otherwise (a hint already given,
    /// as `session init`'s, stays).
    static func hinted(_ d: Diagnostic, base: String) -> Diagnostic {
        guard d.code == DiagnosticCode.fileNotFound.rawValue, d.location == nil,
              let path = quotedPath(d.text.en), let near = SessionSetup.nearFile(path, base: base) else { return d }
        if let hint = d.hintText, hint == SessionMessages.nearInput(near) { return d }
        var d = d
        d.hintText = SessionMessages.nearInput(near)
        return d
    }

    /// The first span of `message` in backquotes: the path, as the message shows it.
    static func quotedPath(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "`") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "`"), close > rest.startIndex else { return nil }
        return String(rest[..<close])
    }
}
