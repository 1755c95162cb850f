import Foundation

/// What the session says about its folder: a path that is not one, a journal lost, input copies
/// changed, and what commands that read a session (`panel DIR`, `compare DIR`, …) are told.
extension SessionMessages {
    static func notASession(_ path: String) -> Localized {
        Localized(zh: "`\(path)` 不是打分会话文件夹（其中没有 journal.jsonl）", en: "`\(path)` is not a session folder (it has no journal.jsonl)")
    }

    /// A file given where the session folder goes (`session-folder-is-file`).
    static func folderIsFile(_ path: String) -> Localized {
        Localized(zh: "`\(Echo.shown(path))` 是一个文件，不是文件夹：这里要写会话文件夹", en: "`\(Echo.shown(path))` is a file, not a folder: the session folder goes here")
    }
    static let folderIsFileHint = Localized(zh: "写出会话文件夹（其中有 journal.jsonl 的那个文件夹）；会话文件夹写在最前面，文件写在它后面",
                                            en: "give the session folder (the one that holds journal.jsonl); the session folder comes first, any file after it")
    static let folderIsFileInitHint = Localized(zh: "为会话另选一个文件夹（还不存在的，或空的），写在 `kaimen session init` 后面；输入文件用 --rules、--units、--roster 给出",
                                                en: "choose a folder for the session (one that does not exist yet, or an empty one) and give it after `kaimen session init`; the inputs go with --rules, --units and --roster")
    static func folderIsFileInSessionHint(_ session: String) -> Localized {
        Localized(zh: "它在会话文件夹 `\(Echo.shown(session))` 里：写这个会话文件夹", en: "it is in the session folder `\(Echo.shown(session))`: give that folder")
    }
    /// `enter FILE DIR`: the two swapped.
    static func folderFirstHint(folder: String, file: String) -> Localized {
        Localized(zh: "会话文件夹写在最前面，文件写在它后面：`kaimen session enter \(shellWord(Echo.shown(folder))) \(shellWord(Echo.shown(file)))`",
                  en: "the session folder comes first, the file after it: `kaimen session enter \(shellWord(Echo.shown(folder))) \(shellWord(Echo.shown(file)))`")
    }

    static func insideSession(_ session: String) -> Localized {
        Localized(zh: "这是会话 `\(Echo.shown(session))` 里面的文件夹；命令要写会话文件夹本身", en: "this folder is inside the session `\(Echo.shown(session))`; give the session folder itself")
    }
    static func nearSession(_ session: String) -> Localized {
        Localized(zh: "是不是 `\(Echo.shown(session))`？", en: "did you mean `\(Echo.shown(session))`?")
    }
    static let notASessionHint = Localized(zh: "先用 `kaimen session init` 建立会话", en: "create one with `kaimen session init`")
    static func noSuchFolder(_ path: String) -> Localized {
        Localized(zh: "会话文件夹 `\(path)` 不存在", en: "the session folder `\(path)` does not exist")
    }
    static let noSuchFolderHint = Localized(zh: "检查文件夹的名字和位置：在会话所在的文件夹中运行，或写出会话文件夹的完整路径",
                                            en: "check the folder's name and place: run the command where the session is, or give the session folder's full path")

    static let nothingConfirmed = Localized(zh: "会话中还没有一张已确认的评分表，没有可计的选票",
                                            en: "no sheet of the session is confirmed yet: there are no ballots to count")
    static let nothingConfirmedHint = Localized(zh: "先用 `kaimen session enter` 录入评分表（双人录入时每张由两名录入员各录一次）；`kaimen session status` 列出各表状态",
                                                en: "enter the sheets with `kaimen session enter` (with double entry, each by two operators); `kaimen session status` lists each sheet's state")
    static let inputWarningsAgain = Localized(zh: "建立会话时已提示的输入问题（会话的输入副本不能再改；要改须另建会话）：",
                                              en: "What the inputs were warned of when the session opened (its input copies cannot be changed; a change takes a new session):")

    static func inputChanged(_ path: String) -> Localized {
        Localized(zh: "输入文件 `\(path)` 与建立会话时不同", en: "input file `\(path)` differs from the copy made when the session opened")
    }
    static let inputsChangedRefused = Localized(zh: "会话的输入副本在建立会话后被改动过，不能再记录或结束会话",
                                                en: "the session's input copies were changed after it opened: nothing more can be recorded, nor the session closed")
    static let inputsChangedHint = Localized(zh: "会话只按建立时复制的输入评分：把 inputs/ 下的文件恢复原样；输入确有错误时，用改正后的文件重新建立会话",
                                             en: "a session scores only the inputs copied when it opened: restore the files under inputs/; if an input really was wrong, open a new session with the corrected files")

    static let readFromChangedCopy = Localized(zh: "下面的结果按改动后的副本计算，与会话将封存（或已封存）的结果不同", en: "the figures below come from the changed copy, not from what the session seals")

    static func copiedFrom(_ source: String) -> Localized {
        Localized(zh: "建立会话时复制自 `\(Echo.shown(source))`", en: "copied from `\(Echo.shown(source))` when the session opened")
    }

    static func inputMissing(_ path: String) -> Localized {
        Localized(zh: "输入文件 `\(path)` 已缺失", en: "input file `\(path)` is missing")
    }
    // A session folder in place of the input files (`panel DIR`, `compare DIR`, `sensitivity DIR`, `status`).
    static func folderBringsInputs(_ options: [String]) -> Localized {
        let list = options.map { "`\($0)`" }.joined(separator: ", ")
        return Localized(zh: "会话文件夹自带输入文件：去掉 \(list)", en: "a session folder brings its own inputs: drop \(list)")
    }
    /// The journal is empty, cut short (`bytes`) or missing (`nil`), while the folder holds
    /// `found` (`results`, …): a session that was opened, never one to delete and open again.
    static func journalLost(_ path: String, bytes: Int?, found: [String]) -> Localized {
        let shown = found.prefix(3).map { $0 == "results" ? "`results`（已封存的结果）" : "`\($0)`" }.joined(separator: "、") + (found.count > 3 ? " 等" : "")
        let shownEN = found.prefix(3).map { $0 == "results" ? "`results` (sealed results)" : "`\($0)`" }.joined(separator: ", ") + (found.count > 3 ? " and more" : "")
        let (zhJournal, enJournal) = switch bytes {
        case nil: ("没有日志 journal.jsonl", "has no journal.jsonl")
        case 0?: ("日志 journal.jsonl 是空的", "has an empty journal.jsonl")
        case let n?: ("日志 journal.jsonl 只有不完整的第一条记录（\(n) 字节）", "has a journal.jsonl holding only an incomplete first record (\(n) byte\(n == 1 ? "" : "s"))")
        }
        return Localized(zh: "会话文件夹 `\(Echo.shown(path))` \(zhJournal)，但其中有 \(shown)：这是建立过的会话，日志丢失或被清空了；没有改动任何内容",
                         en: "the session folder `\(Echo.shown(path))` \(enJournal), yet it holds \(shownEN): the session was opened, and its journal was lost or emptied; nothing was changed")
    }
    static func journalLostHint(_ path: String) -> Localized {
        Localized(zh: "从备份中把 journal.jsonl 恢复到 `\(Echo.shown(path))`，再运行 `kaimen session verify \(shellWord(Echo.shown(path)))`；不要删去这个文件夹：其中的结果要和日志一起才能核验",
                  en: "restore journal.jsonl into `\(Echo.shown(path))` from a backup, then run `kaimen session verify \(shellWord(Echo.shown(path)))`; do not delete the folder: its results can be verified only with the journal")
    }
}
