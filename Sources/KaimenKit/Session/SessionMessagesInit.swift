import Foundation

/// What `session init` says: a folder already in use, and what an `init` cut short left.
extension SessionMessages {
    /// Two `init`s of one folder at once: the one that waited for the other says what happened.
    static func sessionMadeMeanwhile(_ path: String) -> Localized {
        Localized(zh: "另一个 `kaimen session init` 同时在 `\(path)` 建立会话，本命令等它完成后发现会话已经建好，没有再建立，也没有改动任何内容",
                  en: "another `kaimen session init` was opening a session in `\(path)` at the same time; this one waited for it, found the session made, and neither opened another nor changed anything")
    }
    static func sessionMadeMeanwhileHint(_ path: String) -> Localized {
        Localized(zh: "用 `kaimen session status \(path)` 查看那个会话；要另开一个会话，换一个新文件夹",
                  en: "see that session with `kaimen session status \(path)`; for another session, choose a new folder")
    }
    static func sessionExists(_ path: String) -> Localized {
        Localized(zh: "`\(path)` 已有会话日志，不能再次建立", en: "`\(path)` already holds a session journal")
    }

    /// A folder that holds other things than a session: no session to go on with (a secretary's
    /// test was told to "go on with the existing session" of a folder of notes).
    static let folderNotEmptyHint = Localized(zh: "换一个新文件夹（不存在的文件夹会自动建立），或先清空这个文件夹", en: "choose a new folder (one that does not exist is made), or empty this one first")
    /// `init` again on a session: perhaps the first `init` was done and only stopped (Ctrl-C)
    /// before it said so (a secretary's trial was left wondering): how to see it.
    static func sessionExistsHint(_ path: String) -> Localized {
        Localized(zh: "这个会话已经建好（上次 `init` 即使在打印结果前被中断，也已完成）：用 `kaimen session status \(path)` 查看；要另开一个会话，换一个新文件夹",
                  en: "the session is there (an earlier `init` stopped before it printed its result had still finished): see it with `kaimen session status \(path)`; for another session, choose a new folder")
    }
    static func folderNotEmpty(_ path: String) -> Localized {
        Localized(zh: "`\(path)` 不是空文件夹，会话需要一个新的或空的文件夹", en: "`\(path)` is not empty: a session needs a new or empty folder")
    }

    static func rulesOutside(_ file: String, main: String) -> Localized {
        Localized(zh: "规则文件 `\(main)` 继承的 `\(file)` 不在其所在文件夹内，无法复制进会话",
                  en: "`\(file)`, which `\(main)` extends, is outside its folder and cannot be copied into the session")
    }
    /// A journal holding only the opening record cut short (`init` interrupted).
    static func notOpened(bytes: Int) -> Localized {
        if bytes == 0 {
            return Localized(zh: "这个会话没有建立完成：建立会话（`kaimen session init`）时中断，日志是空的，还没有录入任何内容",
                             en: "this session was never fully opened: `kaimen session init` was cut short, and the journal is empty; nothing has been entered")
        }
        return Localized(zh: "这个会话没有建立完成：建立会话（`kaimen session init`）时中断，日志里只有不完整的第一条记录（\(bytes) 字节），还没有录入任何内容",
                         en: "this session was never fully opened: `kaimen session init` was cut short, and the journal holds only an incomplete first record (\(bytes) byte\(bytes == 1 ? "" : "s")); nothing has been entered")
    }

    /// A folder an `init` interrupted before it made the journal left (`leftByInterruptedInit`).
    static func notOpenedNoJournal(_ path: String) -> Localized {
        Localized(zh: "`\(Echo.shown(path))` 里的会话没有建立完成：建立会话（`kaimen session init`）时中断，文件夹里只有复制了一部分的输入文件，没有日志，还没有录入任何内容",
                  en: "the session in `\(Echo.shown(path))` was never opened: `kaimen session init` was cut short while it copied the inputs; there is no journal, and nothing has been entered")
    }
    static func notOpenedHint(_ dir: String) -> Localized {
        Localized(zh: "删去文件夹 `\(Echo.shown(dir))` 后重新运行 `kaimen session init`，或换一个新文件夹建立会话",
                  en: "delete the folder `\(Echo.shown(dir))` and run `kaimen session init` again, or open the session in a new folder")
    }
    /// `init` into a folder an `init` cut short left, with an input read from inside it.
    static func inputInsideSessionFolder(_ given: String, folder: String) -> Localized {
        Localized(zh: "输入文件 `\(Echo.shown(given))` 在会话文件夹 `\(Echo.shown(folder))` 里面：会话文件夹里的输入文件由 kaimen 复制放入，不能从那里读取；没有改动文件夹里的任何内容",
                  en: "the input `\(Echo.shown(given))` is inside the session folder `\(Echo.shown(folder))`: kaimen copies the inputs into that folder and cannot read them from there; nothing in the folder was changed")
    }
    static let inputInsideSessionFolderHint = Localized(zh: "把输入文件移到会话文件夹之外（或另选一个新的会话文件夹），再运行 `kaimen session init`",
                                                        en: "move the inputs out of the session folder (or choose a new session folder), then run `kaimen session init`")

    /// `init` into a folder with no journal that holds something it would not write: nothing is removed.
    static func notOnlyCopies(_ dir: String) -> Localized {
        Localized(zh: "`\(Echo.shown(dir))` 里没有会话日志，但有不是这次 `init` 复制的文件（或与输入文件内容不同），不能当作建立会话中断留下的文件清理；没有删去任何内容",
                  en: "`\(Echo.shown(dir))` holds no session journal, but files this `init` would not copy (or that differ from the inputs): they are not cleared as what an interrupted `init` left; nothing was removed")
    }
    static let notOnlyCopiesHint = Localized(zh: "核对后把这些文件移走，再运行 `kaimen session init`，或换一个新文件夹建立会话",
                                             en: "check those files and move them away, then run `kaimen session init`, or open the session in a new folder")

    /// For a folder an `init` left while copying the inputs, said by a command other than `init`.
    static func rerunInitHint(_ dir: String) -> Localized {
        Localized(zh: "用同样的输入文件重新运行 `kaimen session init`（它会先清理中断留下的文件），或删去文件夹 `\(Echo.shown(dir))`、换一个新文件夹建立会话",
                  en: "run `kaimen session init` again with the same inputs (it clears what the interrupted one left first), or delete the folder `\(Echo.shown(dir))` and open the session in a new folder")
    }

    /// `session init` given an input that is not there, with a near name beside it.
    static func nearInput(_ near: String) -> Localized {
        Localized(zh: "是不是 `\(Echo.shown(near))`？", en: "did you mean `\(Echo.shown(near))`?")
    }
}
