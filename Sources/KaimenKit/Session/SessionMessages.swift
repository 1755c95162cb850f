import Foundation

/// Every text the session feature shows people (the schedule reader's, the journal's and the
/// `session` commands'), in Chinese and English, kept together so they can join the catalogue.
enum SessionMessages {
    // MARK: schedule.csv

    static let scheduleColumnsHint = Localized(
        zh: "日程表的列为 group,unit,time,place（或 组别,单位编号,时间,地点），时间和地点可省略",
        en: "the schedule's columns are group,unit,time,place (or 组别,单位编号,时间,地点); time and place may be left out")

    static func scheduleMissingColumn(_ en: String, zh: String) -> Localized {
        Localized(zh: "日程表缺少“\(zh)”列（\(en)）", en: "the schedule has no `\(en)` column (\(zh))")
    }

    static func scheduleEmpty(_ column: String) -> Localized {
        Localized(zh: "“\(column)”为空", en: "`\(column)` is empty")
    }

    static func scheduleUnknownGroup(_ group: String) -> Localized {
        Localized(zh: "组别 `\(group)` 不在代表名单中", en: "group `\(group)` is not a group of the roster")
    }

    static func rosterGroups(_ groups: [String]) -> Localized {
        let list = groups.map { "`\($0)`" }.joined(separator: ", ")
        return Localized(zh: "代表名单中的组别：\(list)", en: "the roster's groups: \(list)")
    }

    static func scheduleUnknownUnit(_ unit: String) -> Localized {
        Localized(zh: "单位 `\(unit)` 不在单位文件中", en: "unit `\(unit)` is not in the units file")
    }

    static func scheduleDuplicate(group: String, unit: String, firstLine: Int) -> Localized {
        Localized(zh: "`\(group)` 听取 `\(unit)` 的安排重复出现，第一次在第 \(firstLine) 行",
                  en: "`\(group)` hearing `\(unit)` is listed twice; first on line \(firstLine)")
    }

    static let scheduleDuplicateHint = Localized(zh: "删去重复的一行", en: "delete the repeated row")

    static func scheduleEmptyFile(_ file: String) -> Localized {
        Localized(zh: "`\(file)` 中没有任何听取汇报安排", en: "`\(file)` schedules nothing: no group hears any unit")
    }

    static func scheduleIdleGroup(_ group: String) -> Localized {
        Localized(zh: "组别 `\(group)` 在日程表中不听取任何单位的汇报，该组代表无票可投",
                  en: "group `\(group)` hears no unit in the schedule: its representatives would score nothing")
    }

    static func scheduleIdleGroupHint(_ file: String) -> Localized {
        Localized(zh: "在 `\(file)` 中为该组加上要听取的单位，或在代表名单中把这些代表分到其他组",
                  en: "add the units this group hears to `\(file)`, or move its representatives to another group in the roster")
    }

    static func scheduleNoGroup(_ rep: String) -> Localized {
        Localized(zh: "代表 `\(rep)` 没有组别，按日程表无法知道其应听取哪些单位",
                  en: "representative `\(rep)` has no group, so the schedule cannot say which units they hear")
    }

    static let scheduleNoGroupHint = Localized(zh: "在代表名单的 group（组别）列填上组别", en: "fill in the roster's `group` column")

    static func scheduleUnheardUnit(_ unit: String, name: String) -> Localized {
        Localized(zh: "单位 `\(unit)`（\(name)）在日程表中没有任何组听取汇报，无人为其打分",
                  en: "unit `\(unit)` (\(name)) is heard by no group in the schedule: nobody would score it")
    }

    static func scheduleUnheardUnitHint(_ file: String) -> Localized {
        Localized(zh: "在 `\(file)` 中加一行：哪个组听取该单位的汇报", en: "add a row to `\(file)` saying which group hears it")
    }
}

extension SessionMessages {
    /// “是不是 `x`？” / "did you mean `x`?" when one candidate is closest (`Suggestion.only`).
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> Localized? {
        Suggestion.only(to: word, among: candidates).map { Localized(zh: "是不是 `\($0)`？", en: "did you mean `\($0)`?") }
    }
}

// MARK: the journal and the folder
extension SessionMessages {
    static func journalUnreadable(_ p: JournalRecord.Problem) -> Localized {
        switch p {
        case .notJSON: return Localized(zh: "日志记录不是一个 JSON 对象", en: "the journal record is not a JSON object")
        case .missingField(let f): return Localized(zh: "日志记录缺少 `\(f)`", en: "the journal record has no `\(f)`")
        case .unknownKind(let k): return Localized(zh: "日志记录的类别 `\(k)` 未知", en: "the journal record's kind `\(k)` is unknown")
        case .invalidSeq(let held):
            let shown = Echo.cell(held)
            // Judged by the number's value, however written (a review: `1e30` and `2.0` were
            // called not whole): a whole number no `Int` holds is out of range; one an `Int`
            // holds is written otherwise than kaimen writes it.
            if let value = Double(held), value.isFinite, value == value.rounded() {
                if let whole = Int(exactly: value), Double(Int.max) > value.magnitude {
                    return Localized(zh: "日志记录的序号 `seq` 是 `\(shown)`，不是 kaimen 写出的整数写法（应为 `\(whole)`）",
                                     en: "the journal record's `seq` is `\(shown)`, not written as kaimen writes a whole number (`\(whole)`)")
                }
                return Localized(zh: "日志记录的序号 `seq` 是 `\(shown)`，超出了序号的范围（最大 \(Int.max)）",
                                 en: "the journal record's `seq` is `\(shown)`, out of the range of a sequence number (at most \(Int.max))")
            }
            return Localized(zh: "日志记录的序号 `seq` 是 `\(shown)`，不是整数", en: "the journal record's `seq` is `\(shown)`, not a whole number")
        case .notCanonical: return Localized(zh: "日志记录不是 kaimen 写出的规范格式（被手工或其他工具改动过）",
                                             en: "the journal record is not in the canonical form kaimen writes (edited by hand or by another tool)")
        }
    }

    /// What to do about a line that is no record, where there is more to say than the message.
    static func journalUnreadableHint(_ p: JournalRecord.Problem) -> Localized? {
        guard case .invalidSeq = p else { return nil }
        return Localized(zh: "kaimen 写入的序号从 1 起逐条加一，这一行被改动过：从备份恢复 journal.jsonl，再运行 `kaimen session verify`",
                         en: "kaimen numbers records 1, 2, 3, …, so this line was changed: restore journal.jsonl from a backup, then run `kaimen session verify`")
    }

    static func journalResaved(_ lines: Int) -> Localized {
        Localized(zh: "日志文件被其他程序另存过：\(lines) 行记录多了字节顺序标记（BOM）或 Windows 换行（CRLF），已不是 kaimen 写出的原样",
                  en: "the journal was saved again by another program: \(lines) record line\(lines == 1 ? "" : "s") gained a byte order mark (BOM) or Windows line ends (CRLF), and are no longer as kaimen wrote them")
    }
    static let journalResavedHint = Localized(zh: "用备份恢复 journal.jsonl，或只删去开头的 BOM、把换行改回 LF（记录内容不要改），再运行 `kaimen session verify`；日志不要用记事本等程序打开后保存",
                                              en: "restore journal.jsonl from a copy, or remove only the BOM and turn the line ends back into LF (leave the records as they are), then run `kaimen session verify`; never save the journal from Notepad or the like")

    static func lineEndMissing(seq: Int, added: Bool) -> Localized {
        added
            ? Localized(zh: "日志最后一条记录（记录 \(seq)）完整，哈希和前后链接都对，只缺行尾的换行：已补上换行，这条记录照常有效",
                        en: "the journal's last record (record \(seq)) is whole, its hash and link right, and only its line end is missing: the line end was added, and the record stands")
            : Localized(zh: "日志最后一条记录（记录 \(seq)）完整，哈希和前后链接都对，只缺行尾的换行：照常计入；下一条修改会话的命令会补上换行",
                        en: "the journal's last record (record \(seq)) is whole, its hash and link right, and only its line end is missing: it counts, and the next command that changes the session adds the line end")
    }

    static func tornTailSeen(_ bytes: Int, lost: TornTail? = nil) -> Localized {
        Localized(zh: "日志末尾有 \(bytes) 字节不完整的记录（上次写入时中断），已忽略；下一条修改会话的命令会把它移到旁边的文件",
                  en: "the journal ends with \(bytes) bytes of an incomplete record (a write was cut short); ignored here, and the next command that changes the session sets it aside")
            .joined(hint: lost.map(tornTailLost))
    }

    static func tornTailSetAside(_ bytes: Int, side: String, lost: TornTail? = nil) -> Localized {
        Localized(zh: "日志末尾有 \(bytes) 字节不完整的记录（上次写入时中断），已原样保存到 `\(side)` 并从日志中移开；之前的记录完好",
                  en: "the journal ended with \(bytes) bytes of an incomplete record (a write was cut short); they are kept in `\(side)` and set aside; the records before are intact")
            .joined(hint: lost.map(tornTailLost))
    }

    /// Whose action a torn tail was recording, as far as its bytes show (`TornTail`).
    static func tornTailLost(_ t: TornTail) -> Localized {
        let by = t.by.map { Echo.cell($0) }
        let q = { (s: String) in "`" + Echo.cell(s) + "`" }
        if t.kind == .recovered {
            return Localized(zh: "丢失的是 kaimen 自己添加的一条恢复记录", en: "the record lost is a recovery record kaimen adds itself")
        }
        if t.kind == .entry {
            let round = t.round.map { (zh: "（第 \($0) 轮）", en: " (round \($0))") } ?? (zh: "", en: "")
            let zh = switch (by, t.file) {
            case let (by?, file?): " \(by) 对 \(q(file)) 的录入"
            case let (nil, file?): "对 \(q(file)) 的录入"
            case let (by?, nil): " \(by) 的一次录入"
            case (nil, nil): "一次录入"
            }
            let en = (by.map { "\($0)'s entry" } ?? "an entry") + (t.file.map { " of \(q($0))" } ?? "")
            return Localized(zh: "丢失的是" + zh + round.zh, en: "the record lost is " + en + round.en)
        }
        // The sheet (or unit) a resolve, void or appeal names, as far as the bytes go.
        var zhDetail: [String] = [], enDetail: [String] = []
        switch (t.representative.map(q), t.unit.map(q)) {
        case let (rep?, unit?) where t.kind != .appeal: zhDetail.append("\(rep) 对 \(unit) 的评分表"); enDetail.append("\(rep)'s sheet for \(unit)")
        case let (rep?, nil): zhDetail.append("\(rep) 的评分表"); enDetail.append("a sheet of \(rep)")
        case let (nil, unit?) where t.kind == .appeal: zhDetail.append(unit); enDetail.append(unit)
        case let (nil, unit?): zhDetail.append("对 \(unit) 的评分表"); enDetail.append("a sheet for \(unit)")
        default: break
        }
        if let item = t.standard.map(q) { zhDetail.append(item); enDetail.append(item) }
        let action: (zh: String, en: String, article: String) = switch t.kind {
        case .resolve?: ("裁定", "resolve", "a")
        case .void?: ("作废", "void", "a")
        case .appeal?: ("申诉复核", "appeal", "an")
        case .seal?: ("结束会话（封存）", "close (its seal)", "a")
        case .open?: ("建立会话", "opening of the session", "the")
        default: ("一条记录", "record", "a")
        }
        let zh = (by.map { " \($0) 的" } ?? (t.kind == nil || t.kind == .open ? "" : "一次")) + action.zh
            + (zhDetail.isEmpty ? "" : "（" + zhDetail.joined(separator: "，") + "）")
        let en = (by.map { "\($0)'s " } ?? action.article + " ") + action.en + (enDetail.isEmpty ? "" : " (" + enDetail.joined(separator: ", ") + ")")
        return Localized(zh: "丢失的是" + zh, en: "the record lost is " + en)
    }

    /// What to do about the action a torn tail lost: it was never recorded, so do it again.
    static func tornTailRedo(_ t: TornTail) -> Localized {
        let by = t.by.map { " \(Echo.cell($0)) " } ?? ""
        switch t.kind {
        case .entry?:
            return Localized(zh: "这次录入没有记入日志：请\(by)重新录入这个文件（`kaimen session enter`）",
                             en: "the entry was not recorded: \(t.by.map { "\(Echo.cell($0)) should enter" } ?? "enter") the file again (`kaimen session enter`)")
        case .resolve?:
            return Localized(zh: "这次裁定没有记入日志：请重新裁定（`kaimen session resolve`）", en: "the resolve was not recorded: resolve again (`kaimen session resolve`)")
        case .void?:
            return Localized(zh: "这次作废没有记入日志：请重新作废（`kaimen session void`）", en: "the void was not recorded: void the sheet again (`kaimen session void`)")
        case .appeal?:
            return Localized(zh: "这次申诉没有记入日志：请重新登记申诉（`kaimen session appeal`）", en: "the appeal was not recorded: record it again (`kaimen session appeal`)")
        case .seal?:
            return Localized(zh: "会话没有结束：结果文件已写出但没有封存，请再运行一次 `kaimen session close`",
                             en: "the session was not closed: its results were written but not sealed; run `kaimen session close` again")
        case .recovered?:
            return Localized(zh: "不需要重做：上一次移开的不完整内容仍原样保存在它的 journal.torn-… 文件中",
                             en: "nothing to do again: the incomplete record set aside before is still kept in its journal.torn-… file")
        case .open?:
            return Localized(zh: "会话没有建立完成：删去这个会话文件夹后重新运行 `kaimen session init`",
                             en: "the session was never fully opened: delete its folder and run `kaimen session init` again")
        case nil:
            return t.by.map { by in
                Localized(zh: "这一步没有记入日志：请查明 \(Echo.cell(by)) 当时执行的是哪一步，重新执行",
                          en: "that step was not recorded: find out which step \(Echo.cell(by)) was taking, and take it again")
            } ?? Localized(zh: "这一步没有记入日志：请查明是哪一步，重新执行", en: "that step was not recorded: find which it was and run it again")
        }
    }

    /// The last line of a refused command that appends to the journal.
    static func notRecorded(errors n: Int, tailSetAside: Bool) -> Localized {
        let s = n == 1 ? "" : "s"
        return tailSetAside
            ? Localized(zh: "\(n) 个错误；本次操作未记录（只有日志末尾的不完整内容已移到旁边的文件，见上方警告）",
                        en: "\(n) error\(s); this command was not recorded (only the journal's incomplete tail was set aside, see the warning above)")
            : Localized(zh: "\(n) 个错误；未做任何记录", en: "\(n) error\(s); nothing was recorded")
    }

    static let outsideSession = Localized(zh: "写到了会话文件夹之外", en: "it was written outside the session folder")
    static func outputSymlink(_ path: String) -> Localized {
        Localized(zh: "`\(path)` 是符号链接：封存的结果必须是会话文件夹里的真实文件和文件夹",
                  en: "`\(path)` is a symbolic link: sealed results must be real files and folders in the session folder")
    }
    static let outputSymlinkHint = Localized(zh: "删去这个链接（链接指向的文件不是封存的结果），在会话文件夹里恢复原来的文件；尚未结束的会话，删去链接后再运行 `kaimen session close`",
                                             en: "remove the link (what it points to is not the sealed result) and restore the files in the session folder; in a session not yet closed, remove it and run `kaimen session close` again")
    static func sealPath(_ path: String, seq: Int) -> Localized {
        Localized(zh: "封存记录 \(seq) 中的路径 `\(path)` 不在它的结果文件夹里（kaimen 只写 `results` 或 `results/v2` 这样的文件夹）：封存记录被改写过；没有读取或重写它所指的文件",
                  en: "seal record \(seq) names the path `\(path)`, outside its results folder (kaimen writes only folders such as `results` or `results/v2`): the seal was rewritten; the files it points to were neither read nor written")
    }
    static func sealAbsolutePaths(seq: Int, version: String?) -> Localized {
        let by = version.map { (zh: "kaimen \($0)", en: "kaimen \($0)") } ?? (zh: "早于 0.22.0 的 kaimen", en: "a kaimen before 0.22.0")
        return Localized(zh: "封存记录 \(seq) 按绝对路径记下结果文件（\(by.zh) 经由链接的上级文件夹结束会话时会这样写），这一版无法按它核验这些文件",
                         en: "seal record \(seq) lists the result files by absolute paths (as \(by.en) wrote it when the session was closed through a linked folder above it); this version cannot check the files by it")
    }
    static let sealAbsolutePathsHint = Localized(zh: "日志本身（哈希链、各记录）照常核验；结果文件请对照公示的版本人工核对，或用结束会话的那一版 kaimen、按同样的路径核验",
                                                 en: "the journal itself (hash chain, records) is verified as usual; check the result files against the posted ones by hand, or verify with the kaimen that closed the session, by the same path")
    static let sealPathHint = Localized(zh: "用备份恢复 journal.jsonl，并对照公示的日志末条哈希核验（`--head`）",
                                        en: "restore journal.jsonl from a copy and check it against the posted head hash (`--head`)")

    static func io(_ op: String, path: String, reason: Localized) -> Localized {
        Localized(zh: "无法\(opZH(op)) `\(path)`：\(reason.zh)", en: "could not \(op) `\(path)`: \(reason.en)")
    }

    /// What to do about a file of the session the system refused, by the cause.
    static func ioHint(_ code: Int32) -> Localized? {
        switch code {
        case ENOSPC, EDQUOT:
            return Localized(zh: "腾出磁盘空间后再运行；这次没有做任何记录", en: "free some disk space and run it again; nothing was recorded this time")
        case EFBIG:
            // A file-size limit (`ulimit -f`, a file system's largest file): the append is cut back as for a full disk.
            return Localized(zh: "文件超过了允许的大小（`ulimit -f` 设的限制，或文件系统的上限）：放宽限制或换到别的磁盘后再运行；这次没有做任何记录",
                             en: "the file would exceed the size allowed (a limit set by `ulimit -f`, or the file system's): raise the limit or move to another disk and run it again; nothing was recorded this time")
        case EACCES, EPERM, EROFS:
            return Localized(zh: "这个命令要写入会话文件夹，需要对它有写权限（磁盘不能是只读的）；只查看或核验，用 kaimen session status 或 kaimen session verify",
                             en: "this command writes to the session folder and needs permission to write it (on a disk that is not read-only); to look or verify only, use kaimen session status or kaimen session verify")
        default:
            return nil
        }
    }

    private static func opZH(_ op: String) -> String {
        ["open": "打开", "read": "读取", "write": "写入", "lock": "锁定", "fsync": "同步写盘", "truncate": "截断", "copy": "复制",
         "create": "创建"][op] ?? op
    }

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
}

extension SessionMessages {
}

extension SessionMessages {
    static func folderNotEmpty(_ path: String) -> Localized {
        Localized(zh: "`\(path)` 不是空文件夹，会话需要一个新的或空的文件夹", en: "`\(path)` is not empty: a session needs a new or empty folder")
    }

    static func rulesOutside(_ file: String, main: String) -> Localized {
        Localized(zh: "规则文件 `\(main)` 继承的 `\(file)` 不在其所在文件夹内，无法复制进会话",
                  en: "`\(file)`, which `\(main)` extends, is outside its folder and cannot be copied into the session")
    }

    static let notSealedOverChanged = Localized(zh: "已封存的结果文件与封存时不同，不能在其上封存新的结果", en: "sealed result files are not as sealed: no new result is sealed on top of them")
    /// A command that reads a session's figures (`panel`, `explain --session`, …) over a damaged journal.
    static func damagedNoFigures(_ dir: String) -> Localized {
        Localized(zh: "会话日志已损坏（见上），不给出结果：按损坏的日志算出的数字不是会话封存的结果；请先运行 `kaimen session verify \(dir)`，从备份恢复日志",
                  en: "the session journal is damaged (above), so no figures are given: numbers replayed from a damaged journal are not the session's sealed result; run `kaimen session verify \(dir)` and restore the journal from a backup")
    }
    static let journalDamaged = Localized(zh: "会话日志已损坏，不能再追加记录", en: "the session journal is damaged: no record can be appended")
    static let runVerify = Localized(zh: "用 `kaimen session verify` 查看哪里不对", en: "run `kaimen session verify` to see what is wrong")
    /// A journal holding only the opening record cut short (`init` interrupted).
    static func notOpened(bytes: Int) -> Localized {
        if bytes == 0 {
            return Localized(zh: "这个会话没有建立完成：建立会话（`kaimen session init`）时中断，日志是空的，还没有录入任何内容",
                             en: "this session was never fully opened: `kaimen session init` was cut short, and the journal is empty; nothing has been entered")
        }
        return Localized(zh: "这个会话没有建立完成：建立会话（`kaimen session init`）时中断，日志里只有不完整的第一条记录（\(bytes) 字节），还没有录入任何内容",
                         en: "this session was never fully opened: `kaimen session init` was cut short, and the journal holds only an incomplete first record (\(bytes) byte\(bytes == 1 ? "" : "s")); nothing has been entered")
    }
    /// Why a typed row's sheet id (表号) is not the id of the sheet its ids name.
    enum SheetIDProblem: Equatable {
        /// Not of the form `0012-5`.
        case notAnID
        /// Its last digit is not the Luhn check digit of the others.
        case checkDigit
        /// A sheet id, of another sheet as the session's inputs print them.
        case othersSheet(ExpectedBallots.Sheet)
        /// A sheet id, but of no sheet printed from the session's inputs.
        case notPrinted
    }
    /// A warning: the row is entered as its ids say. A sheet id is a running number in print
    /// order, so sheets printed before the schedule, roster or units were reordered carry other
    /// numbers than the session's inputs give them; the ids and names, checked as errors, are
    /// what the entry rests on (a review: an error here refused correct sheets, and its hint
    /// told the typist to move one sheet's scores onto another's ids).
    /// One sentence (since 0.29.3; it was some 200 characters with brackets in brackets): what
    /// is wrong with the id, and that the row is entered as its ids say.
    static func sheetIDMismatch(_ typed: String, row: ExpectedBallots.Sheet, problem: SheetIDProblem) -> Localized {
        let typed = Echo.cell(typed)
        switch problem {
        case .notAnID:
            return Localized(zh: "表号 `\(typed)` 不是评分表上的表号（形如 `0012-5`），这一行按编号录入",
                             en: "`\(typed)` is no sheet id (such as `0012-5`); the row is entered as its ids say")
        case .checkDigit:
            return Localized(zh: "表号 `\(typed)` 的校验位不对，多半录错或颠倒了一位，这一行按编号录入",
                             en: "the sheet id `\(typed)` has the wrong check digit, most likely a digit mistyped or two swapped; the row is entered as its ids say")
        case .othersSheet(let whose):
            return Localized(zh: "表号 `\(typed)` 是 \(whose.representative) 给 \(whose.unit) 的评分表，这一行却是 \(row.representative) 给 \(row.unit) 的，按编号录入",
                             en: "the sheet id `\(typed)` is \(whose.representative)'s sheet for \(whose.unit), but this row is \(row.representative)'s for \(row.unit); entered as its ids say")
        case .notPrinted:
            return Localized(zh: "本会话打印的评分表里没有表号 `\(typed)`，这一行按编号录入",
                             en: "no sheet this session prints has the id `\(typed)`; the row is entered as its ids say")
        }
    }
    static func sheetIDMismatchHint(row: ExpectedBallots.Sheet, own: String?, problem: SheetIDProblem) -> Localized {
        let ownText = own.map { (zh: "按本会话的输入，这一行的表号是 `\($0)`", en: "as this session prints it, this row's sheet id is `\($0)`") }
        switch problem {
        case .othersSheet, .notPrinted:
            return Localized(zh: "纸质表上印的代表和单位与这一行相同，就是打印后顺序改过，录入无误\(ownText.map { "（\($0.zh)）" } ?? "")；不同则按纸质表改正这一行",
                             en: "if the paper sheet prints this row's representative and unit, the order changed after printing and the entry is right\(ownText.map { " (\($0.en))" } ?? ""); if not, correct the row from the paper")
        case .notAnID, .checkDigit:
            return Localized(zh: "核对纸质评分表，改正或清空这一格\(ownText.map { "（\($0.zh)）" } ?? "")",
                             en: "check the paper sheet, and correct or empty the cell\(ownText.map { " (\($0.en))" } ?? "")")
        }
    }
    /// More rows whose sheet ids do not fit than are said one by one.
    static func moreSheetIDMismatches(_ more: Int, of all: Int) -> Localized {
        Localized(zh: "另有 \(more) 行的表号也与编号对不上（共 \(all) 行）：评分表多半是在日程、代表名单或单位的顺序改动之前打印的，或表号这一列被单独排序过；这些行都按编号录入",
                  en: "\(more) more rows have sheet ids that do not fit their ids (\(all) in all): most likely the sheets were printed before the schedule, roster or units were reordered, or the sheet id column was sorted on its own; these rows are entered as their ids say")
    }
    static let moreSheetIDMismatchesHint = Localized(zh: "核对几张纸质评分表上印的代表和单位与录入的编号是否一致；一致时录入无误",
                                                     en: "check on a few paper sheets that the representative and unit printed are the ids typed; if they are, the entry is right")

    /// A folder an `init` interrupted before it made the journal left (`leftByInterruptedInit`).
    static func notOpenedNoJournal(_ path: String) -> Localized {
        Localized(zh: "`\(Echo.shown(path))` 里的会话没有建立完成：建立会话（`kaimen session init`）时中断，文件夹里只有复制了一部分的输入文件，没有日志，还没有录入任何内容",
                  en: "the session in `\(Echo.shown(path))` was never opened: `kaimen session init` was cut short while it copied the inputs; there is no journal, and nothing has been entered")
    }

    /// A journal with no line end at all that is not an opening record cut short.
    static func noWholeLine(bytes: Int) -> Localized {
        Localized(zh: "日志中没有一行以换行结束的记录（共 \(bytes) 字节），也不像建立会话时中断留下的半条记录：多半被其他程序另存过，换行被改掉或删去了；这时不会在日志上追加任何内容",
                  en: "the journal has no line ended by a line feed (\(bytes) bytes in all), and is not an opening record cut short either: most likely another program saved it again and changed or removed its line ends; nothing is appended to it")
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
    static let noOpenRecord = Localized(zh: "日志的第一条记录不是建立会话的记录（open）", en: "the journal's first record is not the session's opening record (`open`)")
}

// MARK: entering typed sheets
extension SessionMessages {
    static func recusedSheet(_ rep: Representative, unit: String) -> Localized {
        Localized(zh: "`\(rep.id)`（\(rep.name)）属于 `\(unit)`，须回避，不能为本单位打分",
                  en: "`\(rep.id)` (\(rep.name)) belongs to `\(unit)` and must not score it (回避, recusal)")
    }

    static let recusedSheetHint = Localized(zh: "删去这张评分表", en: "remove this sheet")

    static func notScheduled(_ rep: Representative, unit: String, schedule: Schedule?) -> Localized {
        let heard = schedule?.units(heardBy: rep.group).joined(separator: ", ") ?? ""
        return Localized(zh: "`\(rep.id)`（\(rep.name)）所在的\(rep.group)不听取 `\(unit)` 的汇报（该组听取：\(heard)）",
                         en: "`\(rep.id)` (\(rep.name)) is in \(rep.group), which does not hear `\(unit)` (it hears \(heard))")
    }

    static let notScheduledHint = Localized(zh: "核对代表编号或单位编号是否录错", en: "check the representative's and the unit's ids")
}

extension SessionMessages {
    static let closedNoEntry = Localized(zh: "会话已结束（已封存），不能再录入", en: "the session is closed (sealed): nothing can be entered")
    static let closedNoEntryHint = Localized(zh: "如需复核某单位，先用 `kaimen session appeal` 申诉复核", en: "to review a unit, open an appeal with `kaimen session appeal`")
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

    static func notAppealed(_ s: ExpectedBallots.Sheet, appealed: [String]) -> Localized {
        let list = appealed.joined(separator: ", ")
        return Localized(zh: "会话只为申诉复核的单位（\(list)）重新开放，`\(s.unit)` 不在其中", en: "the session is reopened only for the appealed units (\(list)), not `\(s.unit)`")
    }

    /// Several sheets of a typed file for units no appeal reopened.
    static func notAppealed(_ sheets: [ExpectedBallots.Sheet], appealed: [String]) -> Localized {
        var units: [String] = []
        for s in sheets where !units.contains(s.unit) { units.append(s.unit) }
        let shown = units.prefix(8).joined(separator: ", ") + (units.count > 8 ? " …" : "")
        let list = appealed.joined(separator: ", ")
        return Localized(zh: "会话只为申诉复核的单位（\(list)）重新开放，文件中另有 \(sheets.count) 张评分表属于其他单位（\(shown)）",
                         en: "the session is reopened only for the appealed units (\(list)); the file holds \(sheets.count) sheets of other units (\(shown))")
    }
    static func notAppealedHint(_ appealed: [String]) -> Localized {
        let list = appealed.joined(separator: ", ")
        return Localized(zh: "只保留 \(list) 的行（申诉更正的评分表）再录入；其他单位的评分表已随结果封存，不能再录入",
                         en: "keep only the rows of \(list) (the appeal's corrected sheets) and enter the file again; the other units' sheets are sealed with the results")
    }

    static func sameOperator(_ s: ExpectedBallots.Sheet, by: String, seq: Int) -> Localized {
        Localized(zh: "`\(by)` 已录入过 `\(s.representative)` 对 `\(s.unit)` 的评分表（记录 \(seq)），且内容不同；同一人不能录入两次",
                  en: "`\(by)` already entered `\(s.representative)`'s sheet for `\(s.unit)` (record \(seq)) with other values; one operator cannot enter a sheet twice")
    }

    /// `by` and `other` (the operator of record `seq`), one name holding the other.
    static func operatorNearMiss(by: String, other: String, seq: Int, sheets: Int) -> Localized {
        let (by, other) = (Echo.cell(by), Echo.cell(other))
        return Localized(zh: "`\(by)` 与记录 \(seq) 的录入员 `\(other)` 看起来是同一个人（不计空格、标点和大小写，一个名字包含另一个），两个名字下录入的是同样的 \(sheets) 张评分表；"
                             + "双人录入要两个不同的人各录入一次，同一人换个写法再录一次，这些评分表就只凭一人的录入被确认；未做记录",
                         en: "`\(by)` and `\(other)`, the operator of record \(seq), look like one person (without spaces, punctuation and case, one name holds the other), and both entered the same \(sheets) sheet\(sheets == 1 ? "" : "s"); "
                             + "double entry takes two different people each entering once: one person entering again under another spelling would confirm these sheets on one person's typing; nothing recorded")
    }
    /// After an entry with `--different-person`: whom `by` was told apart from, as recorded.
    static func toldApart(by: String, from others: [(by: String, seq: Int)]) -> Localized {
        let by = Echo.cell(by)
        let zh = others.map { "记录 \($0.seq) 的 `\(Echo.cell($0.by))`" }.joined(separator: "、")
        let en = others.map { "`\(Echo.cell($0.by))` of record \($0.seq)" }.joined(separator: ", ")
        return Localized(zh: "按 --different-person 记为两个人：`\(by)` 与\(zh)（日志中此记录的 differentFrom）",
                         en: "recorded as two people by --different-person: `\(by)` and \(en) (the record's differentFrom in the journal)")
    }
    static let operatorNearMissHint = Localized(zh: "若是同一人，请另一名录入员对照纸质评分表录入；若确是两个不同的人（如 张伟 与 张伟华），加 `--different-person` 再录入",
                                                en: "if it is one person, have another operator type the paper sheets; if they are two different people (say Li Ming and Li Mingyu), add `--different-person`")

    /// What to do instead, by where the sheet stands: with double entry and no one else's entry
    /// yet, `resolve` refuses (`entered-once`), so the way is the second typist's entry (a
    /// secretary's trial was sent to `resolve` and refused).
    static func sameOperatorHint(doubleEntry: Bool, othersEntered: Bool) -> Localized {
        if doubleEntry && !othersEntered {
            return Localized(zh: "第二次录入须由另一名录入员对照纸质评分表完成；录错的值会与之不一致，届时 `kaimen session status` 会列出裁定命令",
                             en: "the second entry must be by another operator, from the paper sheet; a value typed wrong will then disagree with theirs, and `kaimen session status` lists the resolve command")
        }
        return doubleEntry
            ? Localized(zh: "录错的值用 `kaimen session resolve` 更正（`kaimen session status` 列出不一致项的裁定命令；已确认的值须加 `--override`）",
                        en: "settle a wrong value with `kaimen session resolve` (`kaimen session status` lists the command for items in conflict; a confirmed value takes `--override`)")
            : Localized(zh: "录错的值用 `kaimen session resolve` 加 `--override` 更正，原值会记入日志",
                        en: "correct a wrong value with `kaimen session resolve` and `--override`; the value replaced is kept in the journal")
    }
}

// MARK: resolve, void, appeal
extension SessionMessages {
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

    /// A cell's value as a message shows it: the number, or 空 / blank.
    static func cellText(_ value: String?) -> (zh: String, en: String) {
        value.map { ($0, $0) } ?? ("空白", "blank")
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

    /// `--by`, `--reason` or `--accept-missing` with a control or invisible character, which the journal does not keep.
    static func invisibleInText(_ option: String, text: String, scalar: Unicode.Scalar) -> Localized {
        let code = Echo.codePoint(scalar)
        return Localized(zh: "`\(option)` 的值 `\(text)` 里有看不见的字符 \(code)（控制字符或改变文字方向的字符）：日志里的姓名和理由要能照原样读出；请重新输入这一项，不要从别处粘贴",
                         en: "the value `\(text)` of `\(option)` holds an invisible character \(code) (a control or a direction mark): the journal's names and reasons must read as typed; type it again rather than pasting it")
    }

    static let enterTakesTypedSheets = Localized(
        zh: "`kaimen session enter` 录入的是录入员对照纸质评分表录入的文件（`kaimen sheets` 写出的录入模板 entry-template.csv 或 .xlsx，填好分数）；换成那个文件",
        en: "`kaimen session enter` takes the file an operator typed from the paper sheets (the entry template, entry-template.csv or .xlsx, that `kaimen sheets` writes, with the scores typed in); give that file")

    static let emptyAcceptMissing = Localized(zh: "--accept-missing 的理由是空的", en: "--accept-missing gives no reason")
    static let emptyAcceptMissingHint = Localized(zh: "写明为何未确认的评分表不计入，例如 --accept-missing \"R20 因病缺席，未交评分表\"；理由记入日志并随结果封存",
                                                  en: "say why the unconfirmed sheets are left out, e.g. --accept-missing \"R20 absent, no sheet\"; the reason is recorded and sealed with the results")

    static func sameFile(file: String, seq: Int, by: String, earlierFile: String) -> Localized {
        Localized(zh: "`\(file)` 与记录 \(seq)（\(by) 录入的 `\(earlierFile)`）逐字节相同：同一个文件录入两次，评分表其实只录入了一次，却会按两人一致确认；未做记录",
                  en: "`\(file)` is byte for byte the file of record \(seq) (`\(earlierFile)`, entered by \(by)): one file entered twice is typed once, yet would confirm its sheets as if by two; nothing recorded")
    }
    /// The same text as an earlier entry's file, in other bytes (saved again: other line ends or encoding).
    static func sameText(file: String, seq: Int, by: String, earlierFile: String) -> Localized {
        Localized(zh: "`\(file)` 与记录 \(seq)（\(by) 录入的 `\(earlierFile)`）内容完全相同，只是换了编码、行尾或文件格式（CSV 或 Excel 工作簿；多是把同一个文件另存了一次）：评分表其实只录入了一次，却会按两人一致确认；未做记录",
                  en: "`\(file)` holds exactly the text of record \(seq)'s file (`\(earlierFile)`, entered by \(by)), in another encoding, with other line ends or in another format (CSV or an Excel workbook; most likely the same file saved again): typed once, yet it would confirm its sheets as if by two; nothing recorded")
    }
    /// A file of a sheet or few (an appeal's correction): two typists typing it alike is usual.
    static func sameFileFewSheetsHint(_ n: Int) -> Localized {
        Localized(zh: "这个文件只有 \(n) 张评分表，两人各自对照纸质表录入而完全相同很常见：确是如此，加 `--identical` 再录入；否则请另一位录入员自己录入",
                  en: "the file holds \(n) sheet\(n == 1 ? "" : "s"): two people each typing from the paper sheet often come out the same; if that is so, add `--identical`; otherwise have another operator type it")
    }
    static let sameFileHint = Localized(zh: "双人录入要两人各自对照纸质评分表录入、各存一个文件；若确是两人各自录入而恰好完全相同，加 `--identical` 再录入",
                                        en: "double entry takes two people each typing from the paper sheets into their own file; if two people did type it and it came out the same to the byte, add `--identical`")

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

    /// `session enter`: rows that gave no score at all, and the void command for the first.
    /// - Parameter rows: each sheet's spreadsheet row in the file, where known (`第 12 行 R09 × X04`).
    static func untypedRows(_ sheets: [ExpectedBallots.Sheet], rows: [Int?] = [], dir: String, wholeFile: Bool = false) -> Localized {
        // Every row of the file without a score: an entry template not filled in yet (a
        // secretary's test entered one, and was told to void its first sheet as blank).
        if wholeFile && sheets.count >= 3 {
            return Localized(zh: "这个文件的 \(sheets.count) 行都没有填分数，像是还没填写的录入模板（`kaimen sheets` 写出的 entry-template.csv）；在模板里填好分数后再录入",
                             en: "none of this file's \(sheets.count) rows gives a score: it looks like an entry template not filled in yet (the entry-template.csv `kaimen sheets` writes); type the scores into it, then enter it")
        }
        let shown = sheets.prefix(5).enumerated().map { i, s in
            (zh: (i < rows.count ? rows[i].map { "第 \($0) 行 " } : nil) ?? "", en: (i < rows.count ? rows[i].map { " (row \($0))" } : nil) ?? "", sheet: "\(s.representative) × \(s.unit)")
        }
        let more = sheets.count > 5
        let command = sheets.first.map { "kaimen session void \(shellWord(dir)) --rep \(shellWord($0.representative)) --unit \(shellWord($0.unit))" } ?? ""
        return Localized(
            zh: "未录入 \(sheets.count) 行：没有填任何分数（\(shown.map { $0.zh + $0.sheet }.joined(separator: "、"))\(more ? " 等" : "")），不算录入；填好后再录入这个文件。"
                + "原表若确实全部空白，用 `\(command) --reason 原表空白 --by \(namePlaceholder.zh)` 声明作废",
            en: "not entered: \(sheets.count) row\(sheets.count == 1 ? "" : "s") give no score at all (\(shown.map { $0.sheet + $0.en }.joined(separator: ", "))\(more ? ", …" : "")); "
                + "type them and enter the file again. If a paper sheet is blank throughout, declare it void: "
                + "`\(command) --reason \"blank sheet\" --by \(namePlaceholder.en) --lang en`")
    }

    /// `session enter`: the cells this file left blank, which count as not scored, a line a
    /// sheet (the first `shown` sheets, then a count), and what to do where the paper has a score
    /// (a secretary's trial found them only as a count in `status`). `confirmed`: the blanks are
    /// settled already (both typists left them, or single entry), so only `resolve --override`
    /// adds a score; else the second typist's entry will disagree (a review and a trial: the
    /// second typist was promised a disagreement that could no longer come).
    static func blankCellsEntered(_ cells: [(sheet: ExpectedBallots.Sheet, items: [String])], names: [String: String],
                                  confirmed: Bool, shown: Int = 20) -> Localized {
        let count = cells.reduce(0) { $0 + $1.items.count }
        let listed = cells.prefix(shown)
        /// A line a sheet, its items by name and key (a standard's name may hold `、` or `：` itself).
        func lines(colon: String, comma: String, _ bracket: (String, String) -> String) -> String {
            listed.map { c in
                "\n  \(c.sheet.representative) × \(c.sheet.unit)\(colon)" + c.items.map { item in oneLine(names[item].map { bracket($0, item) } ?? item) }.joined(separator: comma)
            }.joined()
        }
        let restSheets = cells.count - listed.count, restCells = cells.dropFirst(shown).reduce(0) { $0 + $1.items.count }
        let zhList = lines(colon: "：", comma: "、") { "\($0)（\($1)）" }
        let enList = lines(colon: ": ", comma: ", ") { "\($0) (\($1))" }
        return Localized(
            zh: (confirmed ? "已确认为空白的单元格 \(count) 个" : "空白单元格 \(count) 个") + "，按“未打分”处理、不计票：" + zhList
                + (restSheets > 0 ? "\n  ……另有 \(restSheets) 张评分表共 \(restCells) 个空白单元格" + (confirmed ? "（`kaimen session status` 的“空白项”一列列出全部）" : "") : "")
                + "\n纸质评分表上有分数的是漏录了："
                + (confirmed ? "用 `kaimen session resolve` 加 `--override` 补上" : "第二名录入员录入后会列为不一致，再按纸质评分表裁定"),
            en: (confirmed ? "\(count) blank cell\(count == 1 ? "" : "s") confirmed" : "\(count) blank cell\(count == 1 ? "" : "s")")
                + ", taken as not scored (no ballot):" + enList
                + (restSheets > 0 ? "\n  … and \(restCells) on \(restSheets) more sheet\(restSheets == 1 ? "" : "s")"
                    + (confirmed ? " (all of them under “Blank cells” in `kaimen session status`)" : "") : "")
                + "\nWhere the paper sheet has a score, it was skipped in typing: "
                + (confirmed ? "add it with `kaimen session resolve` and `--override`"
                             : "the second operator's entry will then disagree, to be settled from the paper sheet"))
    }

    static let noSheetToRecord = Localized(zh: "没有可记录的评分表，未做记录", en: "no sheet to record; nothing recorded")

    /// `session resolve` with `--override`: the confirmed value it replaced, after 已裁定 … 为 v（记录 n）.
    static func replaced(_ was: String?, by now: String?) -> Localized {
        let (w, n) = (cellText(was), cellText(now))
        return Localized(zh: "；原确认值 \(w.zh) 改为 \(n.zh)", en: "; the confirmed \(w.en) is now \(n.en)")
    }

    static let resolveNeedsOptions = Localized(zh: "须给出 `--rep`、`--unit`、`--standard`，以及 `--score 分数` 或 `--blank` 二者之一",
                                               en: "give `--rep`, `--unit`, `--standard`, and either `--score N` or `--blank`")

    /// `session verify` without `--head`, closing its result: what the folder alone cannot show,
    /// and how to give the posted code. Since 0.29.6 a warning in the result (it was a note under
    /// it): an outside audit deleted the seal and `results/`, changed a ballot with `resolve
    /// --override`, closed again, and a bare `verify` passed, as it must; only the code tells.
    static func verifiedWithoutHead(dir: String) -> Localized {
        Localized(zh: "警告：没有核对公示的核验码（--head），这次核验只说明文件夹自身前后一致。日志被截去末尾后又接着写（例如删去封存记录和结果、改动评分后重新结束会话），单凭文件夹发现不了，只有公示的核验码能发现。请用公示表上填写的核验码再核验一次：kaimen session verify \(shellWord(dir)) --head \"公示表上的 16 位核验码\"",
                  en: "warning: the posted verification code was not checked (--head): this only shows the folder agrees with itself. A journal cut back and written on (a seal and its results deleted, a score changed, the session closed again) cannot be told from the folder alone; only the posted code tells. Verify again with the code written on the notice: kaimen session verify \(shellWord(dir)) --head \"THE 16 DIGITS ON THE NOTICE\" --lang en")
    }

    /// `session verify --head`, passing: the posted code is seal `record`'s, of result `version`;
    /// the journal's latest result is `latest`, and `later` records follow the seal.
    static func postedHeadFound(record: Int, version: Int?, latest: Int, later: Int) -> Localized {
        let v = version.map { (zh: "第 \($0) 版结果（封存记录 \(record)）", en: "result version \($0) (seal record \(record))") }
            ?? (zh: "封存记录 \(record)", en: "seal record \(record)")
        if later == 0 { return Localized(zh: "与公示的核验码一致：公示的是\(v.zh)，也是最新的结果", en: "matches the posted code: the notice posted \(v.en), the latest result") }
        let newer = version.map { latest > $0 } ?? false
        return Localized(zh: "与公示的核验码一致：公示的是\(v.zh)；其后又追加了 \(later) 条记录" + (newer ? "，申诉复核产生了第 \(latest) 版（最新的结果，须另行公示其核验码）" : "（申诉复核尚未产生新的结果）"),
                         en: "matches the posted code: the notice posted \(v.en); \(later) record\(later == 1 ? " was" : "s were") added after it"
                            + (newer ? ", and an appeal produced version \(latest) (the latest result, whose code is posted with it)" : " (no appeal has produced a new result yet)"))
    }

    /// `session status`, under its first line when `init --period` recorded one (since 0.29.5):
    /// the period the papers print as 考核期.
    static func statusPeriod(_ period: String) -> Localized {
        Localized(zh: "考核期：\(period)", en: "Period: \(period)")
    }

    /// `session status`, last line: ready to close, with the whole command.
    static func readyToClose(dir: String) -> Localized {
        Localized(zh: "可以结束会话：kaimen session close \(shellWord(dir)) --by \(namePlaceholder.zh)",
                  en: "Ready to close: kaimen session close \(shellWord(dir)) --by \(namePlaceholder.en)")
    }

    static let nothingConfirmed = Localized(zh: "会话中还没有一张已确认的评分表，没有可计的选票",
                                            en: "no sheet of the session is confirmed yet: there are no ballots to count")
    static let nothingConfirmedHint = Localized(zh: "先用 `kaimen session enter` 录入评分表（双人录入时每张由两名录入员各录一次）；`kaimen session status` 列出各表状态",
                                                en: "enter the sheets with `kaimen session enter` (with double entry, each by two operators); `kaimen session status` lists each sheet's state")

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

    static let needReason = Localized(zh: "须写明理由（--reason）", en: "a reason is required (--reason)")

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
}

// MARK: close
extension SessionMessages {
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

    static func stateName(_ s: DoubleEntry.SheetState) -> Localized {
        switch s {
        case .missing: return Localized(zh: "未录入", en: "missing")
        case .once: return Localized(zh: "只录入一次", en: "entered once")
        case .confirmed: return Localized(zh: "已确认", en: "confirmed")
        case .conflict: return Localized(zh: "两次录入不一致", en: "in conflict")
        case .void: return Localized(zh: "已作废", en: "void")
        }
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
}

// MARK: verify
extension SessionMessages {
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
    static let inputWarningsAgain = Localized(zh: "建立会话时已提示的输入问题（会话的输入副本不能再改；要改须另建会话）：",
                                              en: "What the inputs were warned of when the session opened (its input copies cannot be changed; a change takes a new session):")
    /// `seconds` as said: whole, or to a tenth (`KAIMEN_LOCK_WAIT=1.5` waits 1.5 s, not 2).
    static func waitSeconds(_ seconds: Double) -> String {
        let tenths = (min(max(0, seconds), OutputOptions.longestLockWait) * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
    static func sessionLocked(_ folder: String, seconds: Double) -> Localized {
        waitSeconds(seconds) == "0"
            ? Localized(zh: "另一个 kaimen 命令正在使用会话 `\(folder)`（KAIMEN_LOCK_WAIT=0，没有等待）",
                        en: "another kaimen command is using the session `\(folder)` (KAIMEN_LOCK_WAIT=0: no wait)")
            : Localized(zh: "另一个 kaimen 命令正在使用会话 `\(folder)`，等了 \(waitSeconds(seconds)) 秒仍未结束",
                        en: "another kaimen command is using the session `\(folder)` and has not finished after \(waitSeconds(seconds)) s")
    }
    /// Said once while waiting for another command's lock, before `sessionLocked` ends the wait.
    static func sessionBusy(_ folder: String, seconds: Double) -> Localized {
        Localized(zh: "会话 `\(folder)` 正被另一个 kaimen 命令使用（例如另一名录入员正在录入），等它结束后继续，最多等 \(waitSeconds(seconds)) 秒……",
                  en: "the session `\(folder)` is in use by another kaimen command (another operator entering, perhaps); continuing when it finishes, waiting at most \(waitSeconds(seconds)) s…")
    }
    static func sessionLockedHint(_ lock: String) -> Localized {
        Localized(zh: "等那个命令结束后再运行（`fuser \(lock)` 或 `lsof \(lock)` 可查是哪个进程）；环境变量 KAIMEN_LOCK_WAIT 可设等待的秒数",
                  en: "run again when it has finished (`fuser \(lock)` or `lsof \(lock)` shows which process it is); KAIMEN_LOCK_WAIT sets how many seconds to wait")
    }
    static func recordNotByKaimen(seq: Int, kind: String, why: Localized) -> Localized {
        Localized(zh: "记录 \(seq)（\(kind)）不是 kaimen 的命令能写出的：\(why.zh)", en: "record \(seq) (\(kind)) is not one a kaimen command could write: \(why.en)")
    }
    static let recordNotByKaimenHint = Localized(zh: "日志被改写过（哈希可以重算，规则不能）：用备份恢复 journal.jsonl，并对照公示的日志末条哈希核验（`--head`）",
                                                 en: "the journal was rewritten (hashes can be recomputed, the rules cannot): restore journal.jsonl from a copy and check it against the posted head hash (`--head`)")
    /// Why a replayed record is one no command writes (`ReplayCheck`).
    enum Replay {
        static let openNotFirst = Localized(zh: "`open` 只能是第一条记录", en: "`open` can only be the first record")
        static let sealedTwice = Localized(zh: "会话已经封存，其后只能是申诉（appeal），不能再封存", en: "the session was already sealed; only an appeal can follow, not another seal")
        static let appealWhileOpen = Localized(zh: "会话尚未封存，不能申诉", en: "the session was not sealed yet, so there was nothing to appeal")
        static let afterSeal = Localized(zh: "会话已经封存，其后只能是申诉（appeal）", en: "the session was sealed; only an appeal can follow")
        static func notAppealed(unit: String) -> Localized {
            Localized(zh: "`\(unit)` 未经申诉重新开放，封存后不能再录入、裁定或作废它的评分表",
                      en: "`\(unit)` was not reopened by an appeal, so its sheets cannot be entered, resolved or voided after the seal")
        }
        static func wrongRound(recorded: Int, current: Int) -> Localized {
            Localized(zh: "记为第 \(recorded) 轮，而当时是第 \(current) 轮", en: "it says round \(recorded), when it was round \(current)")
        }
        static func enteredTwice(by: String, sheet: String, earlier: Int) -> Localized {
            Localized(zh: "`\(by)` 在本轮已录入过评分表 \(sheet)（记录 \(earlier)），同一人不能再录入一次",
                      en: "`\(by)` had already entered sheet \(sheet) in this round (record \(earlier)); one operator cannot enter it again")
        }
        static func badTime(_ time: String) -> Localized {
            Localized(zh: "时间 `\(time)` 不是 kaimen 记下的时刻（UTC，精确到秒，如 `2014-07-08T09:30:00Z`）",
                      en: "its time `\(time)` is not a moment as kaimen records one (UTC to the second, e.g. `2014-07-08T09:30:00Z`)")
        }
        /// The record's `by`, reason or `--accept-missing` is one the command refuses (`why`).
        static func badText(_ option: String, _ why: Localized) -> Localized {
            Localized(zh: "其中的 \(option) 命令不会接受：\(why.zh)", en: "the command would not take its \(option): \(why.en)")
        }
        /// A recorded score that is not one the item can hold, written as kaimen writes it.
        static func notRecordedScore(_ item: String, _ score: String) -> Localized {
            Localized(zh: "`\(item)` 的分数记为 `\(score)`，不是这一项可以得的分数按 kaimen 的写法",
                      en: "`\(item)` is recorded as `\(score)`, which is not a score the item can hold, written as kaimen writes one")
        }
        /// A resolve, void or appeal whose arguments the command refuses, as it says them.
        static func badArguments(_ problems: [Diagnostic]) -> Localized {
            Localized(zh: "命令不会接受它的参数：" + problems.map(\.text.zh).joined(separator: "；"),
                      en: "the command would not take its arguments: " + problems.map(\.text.en).joined(separator: "; "))
        }
    }

    static func badSequence(seq: Int, line: Int) -> Localized {
        Localized(zh: "第 \(line) 行的记录序号是 \(seq)，应为 \(line)", en: "the record on line \(line) has seq \(seq), not \(line)")
    }
    static let badSequenceHint = Localized(zh: "有记录被删除、插入或调换了顺序", en: "a record was deleted, inserted or moved")

    static func badPrev(seq: Int) -> Localized {
        Localized(zh: "记录 \(seq) 的 prev 与上一条记录的哈希不符：哈希链在此断开", en: "record \(seq)'s `prev` is not the hash of the record before it: the chain breaks here")
    }
    static let badPrevHint = Localized(zh: "其前面的记录被删除、改动或调换了顺序", en: "a record before it was deleted, changed or moved")

    static func badHash(seq: Int, what: Localized? = nil) -> Localized {
        // As its content reads now, which may be the changed part.
        let zh = what.map { "（现在写的是：\($0.zh)）" } ?? "", en = what.map { " (it now reads: \($0.en))" } ?? ""
        return Localized(zh: "记录 \(seq)\(zh)的内容与其哈希不符：记录被改动过", en: "record \(seq)\(en)'s content does not match its hash: the record was changed")
    }

    /// What a record is, as its content says (which may be the changed part): `录入员甲 录入 `a.csv``.
    static func recordWhat(_ r: JournalRecord) -> Localized {
        let by = Echo.shown(r.by)
        switch r.kind {
        case .entry:
            let file = r.content["file"]?.stringValue.map { " `\(Echo.shown($0))`" } ?? ""
            return Localized(zh: "\(by) 录入\(file)", en: "\(by) entered\(file)")
        case .resolve: return Localized(zh: "\(by) 裁定冲突", en: "a conflict settled by \(by)")
        case .void: return Localized(zh: "\(by) 作废评分表", en: "a sheet voided by \(by)")
        case .seal: return Localized(zh: "结束会话并封存", en: "the session closed and sealed")
        case .open: return Localized(zh: "建立会话", en: "the session opened")
        case .appeal: return Localized(zh: "申诉复核", en: "an appeal")
        case .recovered: return Localized(zh: "移开残缺的末尾记录", en: "a torn tail set aside")
        }
    }
    static let badHashHint = Localized(zh: "日志只能追加；更正要作为新记录录入", en: "the journal is append-only: corrections are new records")

    static func inputChanged(_ path: String) -> Localized {
        Localized(zh: "输入文件 `\(path)` 与建立会话时不同", en: "input file `\(path)` differs from the copy made when the session opened")
    }

    static let outputChangedStatusHint = Localized(zh: "用 kaimen session verify 查看改动之处；从备份恢复这个文件",
                                                   en: "run kaimen session verify to see what changed; restore the file from a backup")

    /// The last line of `status` for a closed session with something wrong (`problem`).
    static func closedButDamaged(versions: Int, _ problem: Localized, dir: String) -> Localized {
        Localized(zh: "会话已结束并封存（共 \(versions) 版结果），但\(problem.zh)（见上面的错误）：用 kaimen session verify \(shellWord(dir)) 查明哪里不对。",
                  en: "The session is closed and sealed (\(versions) result version\(versions == 1 ? "" : "s")), but \(problem.en) (see the errors above): run kaimen session verify \(shellWord(dir)) to see what is wrong.")
    }
    /// The last line of `status` for a reopened session whose sealed results are not as sealed.
    static func notReadyResultsChanged(_ problem: Localized, dir: String) -> Localized {
        Localized(zh: "尚不能结束：\(problem.zh)（见上面的错误），不能在其上封存新的结果：用 kaimen session verify \(shellWord(dir)) 查明哪里不对。",
                  en: "Not ready to close: \(problem.en) (see the errors above), and no new result is sealed on top of them: run kaimen session verify \(shellWord(dir)) to see what is wrong.")
    }
    static let journalDamagedWords = Localized(zh: "会话日志已损坏", en: "the session journal is damaged")
    static func resultsChangedWords(_ n: Int) -> Localized {
        Localized(zh: "有 \(n) 个结果文件与封存时不同", en: "\(n) result file\(n == 1 ? " is" : "s are") not as sealed")
    }
    /// Links under `results/` (`SessionStatus.resultLinks`), in the last line of `status`.
    static func resultLinksWords(_ links: [String]) -> Localized {
        // Named without brackets of their own: `（见上面的错误）` follows (a review read `）（`).
        let zh = links.prefix(3).map { "`\($0)`" }.joined(separator: "、") + (links.count > 3 ? " 等" : "")
        let en = links.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (links.count > 3 ? " …" : "")
        return Localized(zh: "结果中有符号链接 \(zh)", en: "the results hold a symbolic link, \(en)")
    }
    /// The last line of `status` for a session not closed whose results hold a link.
    static func notReadyResultLinks(_ links: [String]) -> Localized {
        let words = resultLinksWords(links)
        return Localized(zh: "尚不能结束：\(words.zh)（见上面的错误）：删去链接后再运行 `kaimen session close`。",
                         en: "Not ready to close: \(words.en) (see the errors above): remove it, then run `kaimen session close`.")
    }
    static func inputsChangedWords(_ n: Int) -> Localized {
        Localized(zh: "有 \(n) 个输入副本与建立会话时不同", en: "\(n) input cop\(n == 1 ? "y differs" : "ies differ") from when the session opened")
    }

    static func journalDamagedStatus(dir: String) -> Localized {
        Localized(zh: "尚不能结束：会话日志已损坏（见上面的错误），不能再记录或结束会话。用 kaimen session verify \(shellWord(dir)) 查看哪里不对。",
                  en: "Not ready to close: the session journal is damaged (see the errors above); nothing can be recorded and the session cannot be closed. Run kaimen session verify \(shellWord(dir)) to see what is wrong.")
    }

    static func inputsChangedStatus(_ paths: [String]) -> Localized {
        let list = paths.map { "`\($0)`" }.joined(separator: "、")
        return Localized(zh: "尚不能结束：输入副本 \(list) 在建立会话后被改动过；恢复原样之前，不能再记录或结束会话。",
                         en: "Not ready to close: the input cop\(paths.count == 1 ? "y" : "ies") \(list) changed after the session opened; until restored, nothing can be recorded and the session cannot be closed.")
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

    static func sealBallots(seq: Int) -> Localized {
        Localized(zh: "按日志重算的计分票与封存记录 \(seq) 中的不同", en: "the ballots replayed from the journal differ from those sealed by record \(seq)")
    }

    /// - Parameter cell: its first cell that differs from the file as sealed (written again from
    ///   the journal), for a CSV file.
    static func outputChanged(_ path: String, seq: Int, cell: CellDifference? = nil) -> Localized {
        let detail = cell.map { d in
            Localized(zh: "：\(d.cell.rendered(.zh))现为 `\(Echo.cell(d.onDisk))`，封存时为 `\(Echo.cell(d.recomputed))`",
                      en: ": \(d.cell.rendered(.en)) now has `\(Echo.cell(d.onDisk))`, sealed as `\(Echo.cell(d.recomputed))`")
        } ?? Localized(zh: "", en: "")
        return Localized(zh: "结果文件 `\(path)` 在封存（记录 \(seq)）后被改动过\(detail.zh)", en: "output `\(path)` has changed since it was sealed (record \(seq))\(detail.en)")
    }

    /// What a result set's manifest says that its seal does not.
    enum ManifestProblem: Equatable {
        /// It gives this file another hash than the seal.
        case hash(String)
        /// It lists a file the seal does not.
        case notSealed(String)
        /// It leaves out a file the seal lists.
        case notListed(String)
        /// It lists a file twice.
        case twice(String)
        /// It is not a kaimen manifest that can be read.
        case unreadable
        /// It is not there.
        case missing
    }

    static func manifestMismatch(_ path: String, _ problem: ManifestProblem, seq: Int) -> Localized {
        switch problem {
        case .hash(let file):
            return Localized(zh: "清单 `\(path)` 记的 `\(file)` 的哈希与封存（记录 \(seq)）的不同",
                             en: "the manifest `\(path)` gives `\(file)` a different hash from the seal's (record \(seq))")
        case .notSealed(let file):
            return Localized(zh: "清单 `\(path)` 列出了封存（记录 \(seq)）中没有的文件 `\(file)`",
                             en: "the manifest `\(path)` lists `\(file)`, which the seal (record \(seq)) does not")
        case .notListed(let file):
            return Localized(zh: "清单 `\(path)` 没有列出封存（记录 \(seq)）的文件 `\(file)`",
                             en: "the manifest `\(path)` leaves out `\(file)`, which the seal (record \(seq)) lists")
        case .twice(let file):
            return Localized(zh: "清单 `\(path)` 把 `\(file)` 列了两次（封存记录 \(seq)）",
                             en: "the manifest `\(path)` lists `\(file)` twice (seal record \(seq))")
        case .missing:
            return Localized(zh: "结果集的清单 `\(path)` 已缺失（封存记录 \(seq)）",
                             en: "the results' manifest `\(path)` is missing (seal record \(seq))")
        case .unreadable:
            return Localized(zh: "清单 `\(path)` 读不出，不是 kaimen 写的清单（封存记录 \(seq)）",
                             en: "the manifest `\(path)` cannot be read as a kaimen manifest (seal record \(seq))")
        }
    }

    /// Several files a manifest gets wrong, in one line: how many of each kind, the first few named.
    static func manifestMismatches(_ path: String, _ problems: [ManifestProblem], seq: Int) -> Localized {
        func files(_ list: [String]) -> String {
            list.prefix(3).map { "`\($0)`" }.joined(separator: "、") + (list.count > 3 ? " 等" : "")
        }
        func filesEn(_ list: [String]) -> String {
            list.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (list.count > 3 ? ", …" : "")
        }
        var zh: [String] = [], en: [String] = []
        let hash = problems.compactMap { if case .hash(let f) = $0 { f } else { nil } }
        let notSealed = problems.compactMap { if case .notSealed(let f) = $0 { f } else { nil } }
        let notListed = problems.compactMap { if case .notListed(let f) = $0 { f } else { nil } }
        let twice = problems.compactMap { if case .twice(let f) = $0 { f } else { nil } }
        if !hash.isEmpty { zh.append("\(hash.count) 个文件的哈希不同（\(files(hash))）"); en.append("\(hash.count) with a different hash (\(filesEn(hash)))") }
        if !notSealed.isEmpty { zh.append("列出了封存中没有的 \(notSealed.count) 个（\(files(notSealed))）"); en.append("\(notSealed.count) the seal does not list (\(filesEn(notSealed)))") }
        if !notListed.isEmpty { zh.append("漏列了封存的 \(notListed.count) 个（\(files(notListed))）"); en.append("\(notListed.count) of the seal's left out (\(filesEn(notListed)))") }
        if !twice.isEmpty { zh.append("\(twice.count) 个列了两次（\(files(twice))）"); en.append("\(twice.count) listed twice (\(filesEn(twice)))") }
        return Localized(zh: "清单 `\(path)` 与封存（记录 \(seq)）不符：" + zh.joined(separator: "；"),
                         en: "the manifest `\(path)` disagrees with the seal (record \(seq)): " + en.joined(separator: "; "))
    }

    static let manifestMismatchHint = Localized(zh: "清单记录的是结果写成时各文件的哈希，它在封存后被改动或替换过；从备份恢复它，并查明是谁改的",
                                                en: "the manifest holds each file's hash as the results were written; it was changed or replaced after the seal: restore it from a backup and find out who changed it")
    static let restoreOutputHint = Localized(zh: "从备份恢复这个文件，并查明是谁改动或删除的",
                                             en: "restore the file from a backup and find out who changed or removed it")
    /// A seal whose version records the manifest's hash, without it.
    static func sealWithoutManifestHash(seq: Int, version: String) -> Localized {
        Localized(zh: "封存记录 \(seq) 由 kaimen \(version) 写成，却没有清单的哈希（`manifest`）：封存记录被改写过",
                  en: "seal record \(seq) was made by kaimen \(version) but holds no hash of its manifest (`manifest`): the seal was rewritten")
    }

    static func outputUnsealed(_ path: String) -> Localized {
        Localized(zh: "结果文件 `\(path)` 不在任何封存记录中", en: "output `\(path)` is in no seal record")
    }

    static func resultsWithoutSeal(_ folder: String, count: Int, first: String) -> Localized {
        Localized(zh: "`\(folder)/` 中有 \(count) 个结果文件（如 `\(first)`），但日志中没有封存它们的记录：结束会话（close）在写完结果、封存之前中断，留下的就是这样；封存记录被人删除，看起来也完全一样",
                  en: "`\(folder)/` holds \(count) result file\(count == 1 ? "" : "s") (such as `\(first)`), but the journal has no seal record for them: a `close` cut short after writing them and before sealing leaves exactly this, and so does a seal record someone deleted")
    }
    /// Since 0.29.6 not "run it again": re-closing over a deleted seal seals whatever the
    /// journal now says (an outside audit).
    static func resultsWithoutSealHint(dir: String) -> Localized {
        Localized(zh: "先用公示表上的核验码核验：kaimen session verify \(shellWord(dir)) --head \"公示表上的 16 位核验码\"；核验码不在日志中，说明封存记录被删除了，应从备份恢复日志。只有考评委员会确知上次结束会话中断了（且尚未公示），才应再运行一次 `kaimen session close`",
                  en: "first verify with the code on the notice: kaimen session verify \(shellWord(dir)) --head \"THE 16 DIGITS ON THE NOTICE\" --lang en; if it is not in the journal, a seal was deleted: restore the journal from a backup. Run `kaimen session close` again only if the committee knows the last close was cut short (and nothing was posted)")
    }
    /// A file in the session folder, outside `results/`, that the session does not account for
    /// (`Verifier.unlistedFiles`).
    static func sessionFileUnlisted(_ path: String) -> Localized {
        Localized(zh: "会话文件夹中的 `\(Echo.shown(path))` 不属于这个会话：它不是输入副本，不是日志，也不是录入过的评分文件，日志中没有任何记录提到它",
                  en: "`\(Echo.shown(path))` in the session folder does not belong to the session: it is no input copy, no journal file and no typed file entered; no record names it")
    }
    static let sessionFileUnlistedHint = Localized(zh: "会话文件夹里只应有 kaimen 写的文件和录入过的评分文件；查明是谁放进来的，把它移出会话文件夹后再核验",
                                                   en: "a session folder holds only what kaimen writes and the typed files entered; find out who put it there, move it out of the folder, and verify again")
    /// `status`'s hint for a file the journal does not vouch for: a warning there, not a failure.
    static func sessionFileUnlistedStatusHint(dir: String) -> Localized {
        let folder = shellWord(Echo.shown(dir))
        return Localized(zh: "会话文件夹里只应有 kaimen 写的文件和录入过的评分文件：不需要它就把它移出会话文件夹；查不清来历的，运行 `kaimen session verify \(folder)` 核验整个会话",
                         en: "a session folder holds only what kaimen writes and the typed files entered: if it is not needed, move it out of the folder; if you cannot tell where it came from, run `kaimen session verify \(folder)` to check the whole session")
    }
    static func closeLeftovers(_ paths: [String]) -> Localized {
        let shown = paths.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (paths.count > 3 ? " …" : "")
        return Localized(zh: "\(shown) 是某次 `kaimen session close` 写结果时中断留下的临时文件，不属于任何封存结果",
                         en: "\(shown) \(paths.count == 1 ? "was" : "were") left by a `kaimen session close` cut short while writing results, and belong\(paths.count == 1 ? "s" : "") to no sealed result")
    }
    static let closeLeftoversHint = Localized(zh: "再运行一次 `kaimen session close`（会清理它们）；会话已结束的，可以直接删去它们",
                                              en: "run `kaimen session close` again (it clears them); in a closed session, they can simply be removed")
    static func unsealedResults(_ count: Int, folder: String) -> Localized {
        Localized(zh: "注意：`\(folder)/` 里已有 \(count) 个未封存的结果文件（上次结束会话中断了？）；它们不算数，结束会话时会被替换。",
                  en: "Note: `\(folder)/` already holds \(count) unsealed result file\(count == 1 ? "" : "s") (was the last close cut short?); they do not count, and closing the session replaces them.")
    }
    /// `close`, having replaced what a close cut short left: the number `status` noted.
    static func unsealedReplaced(_ count: Int, folder: String) -> Localized {
        Localized(zh: "`\(folder)/` 里上次结束会话中断时留下的 \(count) 个未封存的结果文件已被本次写出的文件替换",
                  en: "the \(count) unsealed result file\(count == 1 ? "" : "s") a cut-short close had left in `\(folder)/` \(count == 1 ? "was" : "were") replaced by the files written now")
    }
    static let outputUnsealedHint = Localized(zh: "结果文件只应由 kaimen session close 写入；对照公示的日志末条哈希核验（--head）",
                                              en: "only kaimen session close writes results; check against the posted journal head hash (--head)")
    /// `verify` and `status`: an office program's lock file beside a result it has open.
    static func officeLock(_ lock: OfficeLock) -> Localized {
        switch lock.program {
        case .excel:
            return Localized(zh: "`\(lock.path)` 是 Excel 或 WPS 打开 `\(lock.locks)` 时在旁边建的锁定文件：这个结果文件正在电子表格或办公软件中打开。它不是结果文件，不算不符",
                             en: "`\(lock.path)` is the lock file Excel or WPS keeps beside `\(lock.locks)` while it has it open: that result is open in a spreadsheet or office program. It is no result file and no mismatch")
        case .libreOffice:
            return Localized(zh: "`\(lock.path)` 是 LibreOffice 打开 `\(lock.locks)` 时在旁边建的锁定文件：这个结果文件正在电子表格或办公软件中打开。它不是结果文件，不算不符",
                             en: "`\(lock.path)` is the lock file LibreOffice keeps beside `\(lock.locks)` while it has it open: that result is open in a spreadsheet or office program. It is no result file and no mismatch")
        }
    }
    static func officeLockHint(_ program: OfficeLock.Program) -> Localized {
        switch program {
        case .excel:
            return Localized(zh: "关闭 Excel/WPS 后它会消失；程序已关闭它却还在（程序曾异常退出），可以直接删去它。请不要在打开的结果文件里修改或保存",
                             en: "it goes away when Excel/WPS is closed; if it stays after the program is closed (the program crashed), it can simply be removed. Do not change or save the open result file")
        case .libreOffice:
            return Localized(zh: "关闭 LibreOffice 后它会消失；程序已关闭它却还在（程序曾异常退出），可以直接删去它。请不要在打开的结果文件里修改或保存",
                             en: "it goes away when LibreOffice is closed; if it stays after the program is closed (the program crashed), it can simply be removed. Do not change or save the open result file")
        }
    }

    static func badPostedHead(_ text: String) -> Localized {
        Localized(zh: "--head 应为结束会话时打印的日志末条哈希：64 位十六进制，或公示的前 \(PostedHead.shortest) 位以上（可有空格），而不是 `\(text)`",
                  en: "--head takes the journal head hash printed at close: 64 hex digits, or at least the first \(PostedHead.shortest) as posted (spaces allowed), not `\(text)`")
    }

    /// What `close` asks the committee to write on the notice's line for it (`PostedHead`).
    static func postHandwritten(_ digits: String) -> Localized {
        Localized(zh: "公示时在公示表的“核验码”处填写前 \(PostedHead.shortest) 位：\(digits)",
                  en: "on the notice, write its first \(PostedHead.shortest) digits where it says verification code: \(digits)")
    }

    /// `--head` given the hash of a record that is not a seal: not what `close` prints, nor what
    /// any notice carries.
    static func postedHeadNotSeal(_ hash: String, record: JournalRecord, what: Localized?) -> Localized {
        let w = what.map { (zh: "（\($0.zh)）", en: " (\($0.en))") } ?? (zh: "", en: "")
        return Localized(zh: "核验码 \(hash) 是记录 \(record.seq)\(w.zh)的哈希，不是封存记录的：公示的核验码是结束会话时打印的日志末条哈希，即封存记录的哈希，不会是别的记录",
                         en: "the code \(hash) is the hash of record \(record.seq)\(w.en), not of a seal: the posted code is the journal head `close` prints, a seal record's hash, never another record's")
    }
    static let postedHeadNotSealHint = Localized(zh: "从公示表的“核验码”一行或结束会话时打印的“日志末条哈希”抄写核验码",
                                                 en: "copy the code from the notice's verification code line, or from the journal head `close` printed")

    static func postedHeadAmbiguous(_ hash: String, records: [Int]) -> Localized {
        let list = records.map(String.init)
        return Localized(zh: "公示的日志哈希 \(hash) 是记录 \(list.joined(separator: "、")) 共同的开头，无法确定是哪一条",
                         en: "the posted journal hash \(hash) begins the hashes of records \(list.joined(separator: ", ")): which one is meant cannot be told")
    }

    static let postedHeadAmbiguousHint = Localized(zh: "给出完整的 64 位哈希（结束会话时打印的那一行）",
                                                   en: "give the whole 64-digit hash (the line printed at close)")

    static func postedHeadMissing(_ hash: String) -> Localized {
        Localized(zh: "核验码 \(hash) 不在这份日志中：先核对这 \(PostedHead.shortest) 位是否抄对（公示表上手写的，或结束会话时打印的）；若抄写无误，就是公示之后日志被截断或改写过",
                  en: "the code \(hash) is not in this journal: first check the \(PostedHead.shortest) digits as copied (handwritten on the notice, or as `close` printed them); if they are right, the journal was cut short or rewritten after it was posted")
    }
    static let postedHeadMissingHint = Localized(zh: "抄写无误时，以公示时保存的日志副本为准，不要再对这份日志结束会话或申诉",
                                                 en: "if the code was copied right, trust the copy of the journal kept when it was posted; do not close or appeal on this one")

    /// A `recovered` record's side file, gone from the session folder (`Verifier.tornFileProblems`).
    static func tornFileMissing(_ file: String, seq: Int, bytes: Int?) -> Localized {
        let held = bytes.map { (zh: "，其中保存着当时从日志末尾移开的 \($0) 字节不完整的记录", en: ", which holds the \($0) bytes of an incomplete record then set aside from the journal's end") } ?? (zh: "", en: "")
        return Localized(zh: "记录 \(seq)（移开残缺的末尾记录）所指的文件 `\(Echo.shown(file))` 不在会话文件夹里\(held.zh)",
                         en: "record \(seq) (a torn tail set aside) names the file `\(Echo.shown(file))`, which is not in the session folder\(held.en)")
    }
    static func tornFileNotPlain(_ file: String, seq: Int) -> Localized {
        Localized(zh: "记录 \(seq)（移开残缺的末尾记录）所指的 `\(Echo.shown(file))` 在会话文件夹里，但不是普通文件（是文件夹、符号链接或其他特殊文件）：没有读取它",
                  en: "`\(Echo.shown(file))`, named by record \(seq) (a torn tail set aside), is in the session folder but is not a plain file (a folder, a symbolic link or another special file): it was not read")
    }
    static func tornFileChanged(_ file: String, seq: Int) -> Localized {
        Localized(zh: "记录 \(seq)（移开残缺的末尾记录）所指的文件 `\(Echo.shown(file))` 与记录中的哈希不符：移开后被改动过",
                  en: "the file `\(Echo.shown(file))`, named by record \(seq) (a torn tail set aside), does not match the hash the record holds: it was changed after it was set aside")
    }
    static func tornFileNotInFolder(_ file: String, seq: Int) -> Localized {
        Localized(zh: "记录 \(seq)（移开残缺的末尾记录）所指的 `\(file)` 不是会话文件夹里的文件名（kaimen 写的是 `journal.torn-序号-时间.txt`）：记录被改写过；没有读取它所指的文件",
                  en: "record \(seq) (a torn tail set aside) names `\(file)`, which is no file name in the session folder (kaimen writes `journal.torn-SEQ-TIME.txt`): the record was rewritten; what it names was not read")
    }
    static func restoreTornFileHint(_ file: String) -> Localized {
        Localized(zh: "从备份中把 `\(Echo.shown(file))` 恢复到会话文件夹，再运行 `kaimen session verify`：它是中断的那条记录仅存的内容，不要删去",
                  en: "restore `\(Echo.shown(file))` into the session folder from a backup, then run `kaimen session verify`: it is all that is left of the record cut short; do not delete it")
    }
    static let restoreJournalHint = Localized(zh: "从备份恢复 journal.jsonl，再运行 `kaimen session verify`",
                                              en: "restore journal.jsonl from a backup, then run `kaimen session verify`")

    static func outputMissing(_ path: String, seq: Int) -> Localized {
        Localized(zh: "封存（记录 \(seq)）的结果文件 `\(path)` 已缺失", en: "output `\(path)`, sealed by record \(seq), is missing")
    }

    /// A field of seal record `seq` that is not what the journal before it gives (`Verifier.sealFieldProblems`).
    static func sealField(seq: Int, field: String, sealed: String, expected: Localized) -> Localized {
        Localized(zh: "封存记录 \(seq) 的字段 `\(field)` 与日志不符：封存记录中为 `\(sealed)`，\(expected.zh)",
                  en: "field `\(field)` of seal record \(seq) does not match the journal: the seal has `\(sealed)`, \(expected.en)")
    }
    static let sealFieldHint = Localized(
        zh: "kaimen 的 close 不会这样写：封存记录被改写过，整条链的哈希又被重新计算过；以按日志重新计算的结果为准，用公示的日志末条哈希核对（--head），从备份恢复日志",
        en: "kaimen's close does not write this: the seal record was rewritten and every hash recomputed; trust the result recomputed from the journal, check it against the posted head hash (--head) and restore the journal from a backup")
    /// What a seal's field should be, said after what it is (`sealField`).
    enum SealField {
        static let noSuchKey = Localized(zh: "kaimen 的封存记录没有这个字段", en: "a kaimen seal record has no such field")
        static let keyMissing = Localized(zh: "kaimen 的封存记录都有这个字段，这里却没有", en: "every kaimen seal record has this field, and this one lacks it")
        static func version(_ n: Int) -> Localized {
            Localized(zh: "这是会话的第 \(n) 次封存，应为 \(n)", en: "this is the session's seal number \(n), so it should be \(n)")
        }
        static let lang = Localized(zh: "应为 `zh` 或 `en`", en: "it should be `zh` or `en`")
        static func journalHead(_ hash: String, seq: Int) -> Localized {
            Localized(zh: "应为前一条记录（记录 \(seq)）的哈希 `\(hash)`", en: "it should be the hash of the record before it (record \(seq)), `\(hash)`")
        }
        static let inputs = Localized(zh: "这些输入副本的哈希与建立会话时（记录 1）所记的不同", en: "these input copies' hashes differ from those recorded when the session opened (record 1)")
        static func uncounted(_ open: [String]) -> Localized {
            let list = open.isEmpty ? "[]" : open.count > 8 ? open.prefix(8).joined(separator: ", ") + " …" : open.joined(separator: ", ")
            return Localized(zh: "按日志，封存时未确认的评分表为 \(list)（共 \(open.count) 张）",
                             en: "the journal leaves \(open.count) sheet\(open.count == 1 ? "" : "s") unconfirmed at the seal: \(list)")
        }
        static func acceptMissing(open: Int) -> Localized {
            open == 0
                ? Localized(zh: "按日志，封存时每张评分表都已确认，应为 null", en: "every sheet is confirmed at the seal by the journal, so it should be null")
                : Localized(zh: "按日志，封存时有 \(open) 张评分表未确认，应写明 --accept-missing 的理由", en: "the journal leaves \(open) sheet\(open == 1 ? "" : "s") unconfirmed at the seal, so it should give the --accept-missing reason")
        }
    }

    /// One unit's figure in a seal's `ranking` against another ranking (`Verifier.rankingDifferences`):
    /// `field` nil when the unit is in one only (`sealed` nil: not in the seal); `sealed` and
    /// `other` quoted as `Verifier.shownValue` quotes them.
    struct RankingDifference: Sendable, Equatable {
        var unit: String
        var field: String?
        var sealed: String?
        var other: String?
    }

    /// What a seal's `ranking` was compared with: the result scored again from the journal
    /// (`verify`), or the `summary.csv` the seal holds the hash of (`status`).
    enum RankingSource: Sendable {
        case journal
        case file(String)
    }

    /// A seal's `ranking` that differs from `source`: the first six differences, in the order
    /// `Verifier.rankingDifferences` gives them, and how many more.
    static func sealRanking(seq: Int, against source: RankingSource, _ differences: [RankingDifference]) -> Localized {
        // What the other side is called in a difference, and the message's leading sentence.
        let (side, gives, lead): ((zh: String, en: String), (zh: String, en: String), Localized)
        switch source {
        case .journal:
            side = ("按日志", "the journal")
            gives = ("按日志应为", "the journal gives")
            lead = Localized(zh: "封存记录 \(seq) 的字段 `ranking`（名次、总分和等级）与按日志重新计算的结果不符：",
                             en: "field `ranking` (ranks, totals and grades) of seal record \(seq) does not match the result recomputed from the journal: ")
        case .file(let file):
            side = ("`\(file)` 中", "`\(file)`")
            gives = ("`\(file)` 中为", "`\(file)` has")
            lead = Localized(zh: "封存记录 \(seq) 的字段 `ranking`（名次、总分和等级）与它封存的结果文件 `\(file)` 不符：",
                             en: "field `ranking` (ranks, totals and grades) of seal record \(seq) does not match the result file it seals, `\(file)`: ")
        }
        func one(_ d: RankingDifference) -> (zh: String, en: String) {
            guard let field = d.field else {
                return d.sealed == nil ? ("`\(d.unit)` 不在封存的 ranking 中，\(side.zh)有这个单位", "`\(d.unit)` is not in the sealed ranking, but in \(side.en)")
                    : ("封存的 ranking 中有 `\(d.unit)`，\(side.zh)没有这个单位", "the sealed ranking has `\(d.unit)`, which \(side.en) does not")
            }
            let zhName = ["rank": "名次", "total": "总分", "grade": "等级"][field] ?? field
            return ("`\(d.unit)` 的\(zhName)（\(field)）封存为 `\(d.sealed ?? "—")`，\(gives.zh) `\(d.other ?? "—")`",
                    "`\(d.unit)`'s \(field) is sealed as `\(d.sealed ?? "—")`, \(gives.en) `\(d.other ?? "—")`")
        }
        let shown = differences.prefix(6).map(one)
        let more = differences.count - shown.count
        return Localized(zh: lead.zh + shown.map(\.zh).joined(separator: "；") + (more > 0 ? "；另有 \(more) 处不同" : ""),
                         en: lead.en + shown.map(\.en).joined(separator: "; ") + (more > 0 ? "; and \(more) more" : ""))
    }

    /// Under the appeal table of `status`: its figures are the seals' own, not scored again.
    static func sealedFiguresNote(dir: String) -> Localized {
        Localized(zh: "（以上总分、名次和等级取自各版的封存记录，已与封存的 summary.csv 核对，没有按日志重新计分；要重新计分并逐项核对，运行 kaimen session verify \(shellWord(dir))）",
                  en: "(the totals, ranks and grades above are the seal records' own, checked against the sealed summary.csv, not scored again from the journal; to score again and check every figure, run kaimen session verify \(shellWord(dir)))")
    }

    /// The last line of `status` for a closed session whose seals and results are as sealed.
    static func closedAsSealed(versions: Int, results: String, dir: String) -> Localized {
        Localized(zh: "会话已结束并封存（共 \(versions) 版结果，最新一版在 \(results)/）。\nstatus 只核对日志和结果文件与封存时一致，没有重新计分；要按日志重新计分、逐项核对结果，运行 kaimen session verify \(shellWord(dir))。",
                  en: "The session is closed and sealed (\(versions) result version\(versions == 1 ? "" : "s"), the latest in \(results)/).\nstatus checks only that the journal and the result files are as sealed, and does not score the session again; to score it again from the journal and check every figure of the result, run kaimen session verify \(shellWord(dir)).")
    }

    /// A CSV result's first cell that is not what the journal gives (`Verifier.firstDifference`).
    struct CellDifference: Sendable {
        var path: String
        var cell: CellPosition
        var onDisk: String
        var recomputed: String
    }

    /// - Parameters:
    ///   - rewrittenWithSeal: every file of `paths` is on disk exactly as the seal records it,
    ///     and this version closed the session, so it should write them again byte for byte:
    ///     the seal was written for those files. The message says so first, since the numbers
    ///     in them are not what the journal gives, whatever the seal's own ranking says.
    ///   - cell: the first cell that differs in a CSV file among them: what the journal gives
    ///     (`rewrittenWithSeal`), or how the version the seal records (`sealedBy`) writes it.
    static func recomputedDiffers(_ paths: [String], seq: Int, sameRanking: Bool, rewrittenWithSeal: Bool = false,
                                  cell: CellDifference? = nil, sealedBy: String? = nil) -> Localized {
        let list = paths.map { "`\($0)`" }.joined(separator: ", ")
        let detail = cell.map { d in
            rewrittenWithSeal
                ? Localized(zh: "；`\(d.path)` \(d.cell.rendered(.zh))：文件中为 `\(Echo.cell(d.onDisk))`，按日志应为 `\(Echo.cell(d.recomputed))`",
                            en: "; `\(d.path)` \(d.cell.rendered(.en)): the file has `\(Echo.cell(d.onDisk))`, the journal gives `\(Echo.cell(d.recomputed))`")
                : Localized(zh: "；如 `\(d.path)` \(d.cell.rendered(.zh))：文件中为 `\(Echo.cell(d.onDisk))`，按\(sealedBy.map { " kaimen \($0) 的" } ?? "封存时版本的")写法应为 `\(Echo.cell(d.recomputed))`",
                            en: "; e.g. `\(d.path)` \(d.cell.rendered(.en)): the file has `\(Echo.cell(d.onDisk))`, written as \(sealedBy.map { "kaimen \($0)" } ?? "the sealing version") writes it: `\(Echo.cell(d.recomputed))`")
        } ?? Localized(zh: "", en: "")
        if rewrittenWithSeal {
            let ranking = sameRanking ? Localized(zh: "（封存记录所记的排名、总分和等级与日志一致）", en: " (the ranks, totals and grades the seal records agree with the journal)")
                                      : Localized(zh: "（排名、总分或等级也不同）", en: " (ranks, totals or grades included)")
            return Localized(zh: "\(paths.count) 个结果文件与封存记录 \(seq) 所记的哈希一致，但不是按日志重新计算写出的文件\(ranking.zh)：\(list)\(detail.zh)",
                             en: "\(paths.count) result file\(paths.count == 1 ? " is" : "s are") as seal record \(seq) records, but not what the journal gives\(ranking.en): \(list)\(detail.en)")
        }
        return sameRanking
            ? Localized(zh: "按日志重新计算，排名、总分和等级与封存记录 \(seq) 一致，但 \(paths.count) 个文件的内容不同：\(list)\(detail.zh)",
                        en: "recomputed from the journal, the ranks, totals and grades match seal record \(seq), but \(paths.count) file\(paths.count == 1 ? " differs" : "s differ"): \(list)\(detail.en)")
            : Localized(zh: "按日志重新计算的结果与封存记录 \(seq) 不符（\(paths.count) 个文件，排名、总分或等级也不同）：\(list)\(detail.zh)",
                        en: "the result recomputed from the journal does not match seal record \(seq) in \(paths.count) file\(paths.count == 1 ? "" : "s"), ranks, totals or grades included: \(list)\(detail.en)")
    }
    static func recomputedFromChangedInputs(_ paths: [String], seq: Int) -> Localized {
        let list = paths.map { "`\($0)`" }.joined(separator: ", ")
        return Localized(zh: "按日志和改动过的输入副本重新计算，\(paths.count) 个文件与封存记录 \(seq) 不同：\(list)",
                         en: "recomputed from the journal and the changed input copies, \(paths.count) file\(paths.count == 1 ? " differs" : "s differ") from seal record \(seq): \(list)")
    }
    static func recomputedFromChangedJournal(_ paths: [String], seq: Int, cell: CellDifference?) -> Localized {
        let list = paths.map { "`\($0)`" }.joined(separator: ", ")
        let detail = cell.map { d in
            Localized(zh: "；如 `\(d.path)` \(d.cell.rendered(.zh))：封存的文件中为 `\(Echo.cell(d.onDisk))`，按现在的日志为 `\(Echo.cell(d.recomputed))`",
                      en: "; e.g. `\(d.path)` \(d.cell.rendered(.en)): the sealed file has `\(Echo.cell(d.onDisk))`, the journal as it is now gives `\(Echo.cell(d.recomputed))`")
        } ?? Localized(zh: "", en: "")
        return Localized(zh: "按现在的日志重新计算，\(paths.count) 个结果文件与封存记录 \(seq) 不同：\(list)\(detail.zh)",
                         en: "recomputed from the journal as it is now, \(paths.count) result file\(paths.count == 1 ? " differs" : "s differ") from seal record \(seq): \(list)\(detail.en)")
    }
    static let restoreJournalFirst = Localized(
        zh: "这是日志在封存后被改动的结果（见上）：与封存记录一致的结果文件不必恢复。以公示的日志哈希（--head）核对日志，从备份恢复日志后再核验",
        en: "this follows from the journal changed after the seal (above): result files that are as sealed need no restoring. Check the journal against the posted head hash (--head), restore it from a backup, then verify again")
    static let sealBallotsHint = Localized(
        zh: "日志中封存之前的记录被改动、删去或插入过（与其哈希不符的记录见上）；封存记录所记的是封存时的计分票",
        en: "a record before the seal was changed, removed or put in (a record that does not match its hash is named above); the seal records the ballots as they were when sealed")
    static let sealBallotsRehashedHint = Localized(
        zh: "哈希链本身完整：封存之前的记录被改动后，整条链的哈希又被重新计算过；用公示的日志末条哈希核对（--head），从备份恢复日志",
        en: "the hash chain itself is whole: a record before the seal was changed and every hash recomputed; check against the posted head hash (--head) and restore the journal from a backup")
    static let restoreInputsAndJournalFirst = Localized(
        zh: "这是输入副本和日志都被改动的结果（见上）：先把输入副本和日志恢复原样，再核验封存的结果",
        en: "this follows from the changed input copies and journal (above): restore both first, then verify the sealed results")
    static let restoreInputsFirst = Localized(zh: "这是输入副本被改动的结果（见上）：先把输入副本恢复原样，再核验封存的结果",
                                              en: "this follows from the changed input copies (above): restore them first, then verify the sealed results")
    static let rewrittenWithSealHint = Localized(
        zh: "这一版本的 kaimen 按同样的日志应写出同样的文件：这些文件连同封存记录一起被改写过。以日志为准：用公示的日志哈希（--head）核对日志，再从备份恢复结果文件",
        en: "this version of kaimen writes the same files from the same journal: these files were rewritten together with the seal. Trust the journal: check it against the posted head hash (--head), then restore the results from a backup")
    static let recomputedDiffersHint = Localized(zh: "封存记录或日志被改写过，或会话由另一版本的 kaimen 结束", en: "the seal or the journal was rewritten, or another version of kaimen closed the session")
    static let recomputedWordingHint = Localized(zh: "会话若由另一版本的 kaimen 结束，文件的文字可能不同：请用当时的版本核验；否则封存记录被改写过",
                                                 en: "if another version of kaimen closed the session, the files' wording may differ: verify with that version; otherwise the seal was rewritten")

    static func recomputedOtherVersionHint(_ sealedBy: String) -> Localized {
        Localized(zh: "会话由 kaimen \(sealedBy) 结束（这是 kaimen \(CLI.version)），两个版本写出的文件文字可能不同：请用 kaimen \(sealedBy) 核验；若它也不符，封存记录被改写过",
                  en: "kaimen \(sealedBy) closed the session (this is kaimen \(CLI.version)), and the two versions may word the files differently: verify with kaimen \(sealedBy); if that does not match either, the seal was rewritten")
    }
    static let recomputedSameVersionHint = Localized(zh: "会话由这一版本的 kaimen 结束，同样的日志应写出同样的文件：封存记录或输入文件被改写过",
                                                     en: "this version of kaimen closed the session, and the same journal should write the same files: the seal or the inputs were rewritten")
    static func rescoreFailed(seq: Int, _ why: String) -> Localized {
        Localized(zh: "无法按日志重新计算封存记录 \(seq) 的结果：\(why)", en: "could not recompute the result sealed by record \(seq): \(why)")
    }
}

extension SessionMessages {
    // A session folder in place of the input files (`panel DIR`, `compare DIR`, `sensitivity DIR`, `status`).
    static func folderBringsInputs(_ options: [String]) -> Localized {
        let list = options.map { "`\($0)`" }.joined(separator: ", ")
        return Localized(zh: "会话文件夹自带输入文件：去掉 \(list)", en: "a session folder brings its own inputs: drop \(list)")
    }
    /// The heading of `session status`'s list of items two entries disagree on.
    static func conflictCount(_ n: Int) -> Localized {
        Localized(zh: "不一致：\(n) 项两次录入不同（由第三名录入员对照纸质评分表再录入一次，或用 `kaimen session resolve` 裁定）",
                  en: "Conflicts: \(n) item\(n == 1 ? "" : "s") entered differently (have a third operator enter it from the paper sheet, or settle it with `kaimen session resolve`)")
    }

    /// One item two entries disagree on, by names and ids, and the `resolve` that settles it.
    /// Every id and the folder are one shell word each; a name with a line break stays on the line.
    static func conflictLine(_ row: SessionStatus.Row, item: String, itemName: String?, unitName: String?, dir: String) -> Localized {
        let who = oneLine(row.name.isEmpty ? row.representative : "\(row.representative) \(row.name)")
        let unit = oneLine(unitName.map { "\(row.unit) \($0)" } ?? row.unit)
        let command = "kaimen session resolve \(shellWord(dir)) --rep \(shellWord(row.representative)) --unit \(shellWord(row.unit)) "
            + "--standard \(shellWord(item))"
        let named = (zh: oneLine(itemName.map { "\($0)（\(item)）" } ?? item), en: oneLine(itemName.map { "\($0) (\(item))" } ?? item))
        let (name, reason) = (namePlaceholder, reasonPlaceholder)
        return Localized(zh: "\(who) × \(unit) · \(named.zh)：\(command) --score 分数 --reason \(reason.zh) --by \(name.zh)",
                         en: "\(who) × \(unit) · \(named.en): \(command) --score SCORE --reason \(reason.en) --by \(name.en) --lang en")
    }

    /// Under the conflicts' commands, on its own line (since 0.29.3; it ended each command).
    static let conflictBlankNote = Localized(zh: "（纸质评分表上这一项空白的，把命令中的 `--score 分数` 换成 `--blank`；姓名处填裁定人的姓名，不带括号）",
                                             en: "(where the paper sheet leaves the item blank, give `--blank` instead of `--score SCORE`; give the name of whoever settles it, without brackets)")

    /// Two rows of a typed file whose scores, exchanged, would settle every conflict of their
    /// two sheets (`DoubleEntry.swaps`): `rows` are each sheet's rows in the file.
    static func rowsSwapped(_ swap: DoubleEntry.Swap, rows: ([Int], [Int])) -> Localized {
        func zh(_ r: [Int]) -> String { "第 " + r.map(String.init).joined(separator: "、") + " 行" }
        func en(_ r: [Int]) -> String { r.map(String.init).joined(separator: ", ") }
        let (a, b) = (swap.first, swap.second)
        let (sa, sb) = (oneLine("\(a.representative) × \(a.unit)"), oneLine("\(b.representative) × \(b.unit)"))
        let n = swap.conflicts
        return Localized(zh: "\(zh(rows.0))（\(sa)）与\(zh(rows.1))（\(sb)）的评分看起来互换了：这两处的分数对调，两张评分表的 \(n) 项不一致就都没有了",
                         en: "rows \(en(rows.0)) (\(sa)) and \(en(rows.1)) (\(sb)) look swapped: with their scores exchanged, all \(n) conflict\(n == 1 ? "" : "s") of the two sheets would vanish")
    }
    static let rowsSwappedHint = Localized(
        zh: "对照这两张纸质评分表，看是这次还是之前的录入放错了行；录入员不能改自己已录入的值：由第三名录入员按纸质评分表录入这两张，或用 `kaimen session resolve` 逐项裁定",
        en: "check the two paper sheets for whether this entry or the earlier one put them in each other's place; an operator cannot change their own entry: have a third operator enter both sheets from the paper, or settle each item with `kaimen session resolve`")

    /// Two standards of one sheet whose scores, exchanged, would settle the sheet's two
    /// conflicts (`DoubleEntry.swaps`, since 0.29.5): `cells` are their score cells, named in
    /// a long file by row and standard (`names`, the standards' names), in a wide one by row,
    /// column letter and header (the second by column alone: the row is the first's).
    static func standardsSwapped(_ swap: DoubleEntry.Swap, cells: (SourceLocation, SourceLocation), long: Bool, names: [String]) -> Localized {
        let sheet = oneLine("\(swap.first.representative) × \(swap.first.unit)")
        let rows = (cells.0.cell?.row ?? cells.0.line, cells.1.cell?.row ?? cells.1.line)
        let (zh, en): (String, String)
        if long, names.count == 2 {
            let (a, b) = (oneLine(names[0]), oneLine(names[1]))
            zh = "第 \(rows.0) 行（\(a)）与第 \(rows.1) 行（\(b)）"
            en = "row \(rows.0) (\(a)) and row \(rows.1) (\(b))"
        } else {
            func column(_ l: SourceLocation) -> (letter: String, header: String) {
                (l.cell.map(\.letter) ?? "?", oneLine(l.cell?.header ?? ""))
            }
            let (a, b) = (column(cells.0), column(cells.1))
            zh = "第 \(rows.0) 行 \(a.letter) 列（\(a.header)）与 \(b.letter) 列（\(b.header)）"
            en = "row \(rows.0), column \(a.letter) (\(a.header)) and column \(b.letter) (\(b.header))"
        }
        return Localized(zh: "\(sheet) 的评分表中，\(zh)的评分看起来互换了：这两项的分数对调，这张评分表的 \(swap.conflicts) 项不一致就都没有了",
                         en: "in \(sheet)'s sheet, \(en) look swapped: with their scores exchanged, the sheet's \(swap.conflicts) conflicts would vanish")
    }
    static let standardsSwappedHint = Localized(
        zh: "对照这张纸质评分表，看是这次还是之前的录入把这两项填反了；录入员不能改自己已录入的值：由第三名录入员按纸质评分表录入这张，或用 `kaimen session resolve` 逐项裁定",
        en: "check the paper sheet for whether this entry or the earlier one put the two scores in each other's place; an operator cannot change their own entry: have a third operator enter the sheet from the paper, or settle each item with `kaimen session resolve`")

    /// An item's values as the operators typed them, each with who typed it:
    /// `4（录入员甲）/ 3（录入员乙）`, a blank cell as `空白（录入员乙）`.
    static func typings(_ typings: [DoubleEntry.Typing]) -> Localized {
        // No space before the slash after a full-width bracket, which has its own.
        Localized(zh: typings.map { "\($0.value ?? "空白")（\(oneLine($0.by.joined(separator: "、")))）" }.joined(separator: "/ "),
                  en: typings.map { "\($0.value ?? "blank") (\(oneLine($0.by.joined(separator: ", "))))" }.joined(separator: " / "))
    }

    /// `session init` given an input that is not there, with a near name beside it.
    static func nearInput(_ near: String) -> Localized {
        Localized(zh: "是不是 `\(Echo.shown(near))`？", en: "did you mean `\(Echo.shown(near))`?")
    }

    /// `--by` that starts as an option does (`RecordedText.operatorNameProblem`).
    static func operatorLooksLikeOption(_ name: String) -> Localized {
        Localized(zh: "录入人姓名 `\(name)` 以 -- 开头，像是一个选项，不像姓名：多半是 --by 后面漏填了姓名；未做记录",
                  en: "the operator name `\(name)` starts with --, as an option does: most likely the name after --by was left out; nothing was recorded")
    }
    /// `--by` with a bracket in it (`RecordedText.operatorNameProblem`).
    static func operatorHasBracket(_ name: String, bracket: String) -> Localized {
        Localized(zh: "录入人姓名 `\(name)` 中有括号 `\(bracket)`：多半是把命令后面的说明一起复制进来了；日志会永久记下这个名字，所以未做记录",
                  en: "the operator name `\(name)` holds a bracket `\(bracket)`: most likely a note after a printed command was copied with it; the journal keeps the name for good, so nothing was recorded")
    }
    static let operatorNameHint = Localized(zh: "--by 只写录入人的姓名，不带括号，例如 --by 王秘书",
                                            en: "give --by the operator's name alone, without brackets, e.g. --by Wang")

    /// The placeholders the printed commands and usage lines hold for a name and a reason.
    static let namePlaceholder = Localized(zh: "姓名", en: "NAME")
    static let reasonPlaceholder = Localized(zh: "理由", en: "REASON")
    /// Each option's placeholders, as `status`, the hints and the usage lines print them
    /// (`--reason TEXT`, `--accept-missing REASON`): refused when given as they are.
    static let placeholders: [(option: String, words: Set<String>)] = [
        ("--by", [namePlaceholder.zh, namePlaceholder.en]),
        ("--reason", [reasonPlaceholder.zh, reasonPlaceholder.en, "TEXT"]),
        ("--accept-missing", [reasonPlaceholder.zh, reasonPlaceholder.en]),
    ]

    /// `--by 姓名` or `--reason 理由` as a printed command has them: the placeholder, not filled in.
    static func placeholderCopied(_ option: String, word: String) -> Localized {
        option == "--by"
            ? Localized(zh: "`--by \(word)` 是命令里的占位词：写上操作人自己的名字，它会记入日志", en: "`--by \(word)` is the command's placeholder: give your own name, which the journal records")
            : Localized(zh: "`\(option) \(word)` 是命令里的占位词：写上这样做的理由，它会记入日志",
                        en: "`\(option) \(word)` is the command's placeholder: give the reason, which the journal records")
    }

    /// `s` on one line: line breaks and tabs from data shown as spaces.
    static func oneLine(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { ["\n", "\r", "\t", "\u{2028}", "\u{2029}"].contains($0) ? " " : $0 }))
    }

    /// `s` as one word for a POSIX shell: as it is when it has no character the shell treats
    /// specially, else in single quotes.
    static func shellWord(_ s: String) -> String {
        let special = Set(" \t\n'\"\\$`!*?[]{}()<>|&;#~=%^")
        guard s.isEmpty || s.contains(where: { special.contains($0) }) else { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Since 0.25.0 said to be for reference: `close` does not ask for it, and a secretary's
    /// trial read "关闭前请核对" as a must.
    static func recheckCount(_ n: Int) -> Localized {
        Localized(zh: "待复核：\(n) 个分数偏离其他代表的中位数，供参考（结束会话不要求核对；有疑问的，核对纸质评分表）",
                  en: "To re-check: \(n) mark\(n == 1 ? "" : "s") far from the other representatives' median, for reference (closing does not require it; where in doubt, check the paper sheets)")
    }
    /// Above `shown` marks: which are listed, and where all are.
    static func recheckLargest(_ shown: Int, dir: String) -> Localized {
        Localized(zh: "下面列出相差最大的 \(shown) 个；`kaimen panel \(shellWord(dir)) --format csv --section outliers` 列出全部",
                  en: "the \(shown) farthest are listed below; `kaimen panel \(shellWord(dir)) --format csv --section outliers` lists them all")
    }

    static func phaseName(_ p: SessionState.Phase) -> Localized {
        switch p {
        case .open: return Localized(zh: "进行中", en: "open")
        case .closed: return Localized(zh: "已结束", en: "closed")
        case .reopened: return Localized(zh: "申诉复核中", en: "reopened for appeal")
        }
    }
}

// MARK: a session too large to expect (`ExpectedBallots.maxSheets`)

extension SessionMessages {
    /// Said before any sheet is made: with the product, so that the size is seen to come from
    /// everyone scoring every unit when there is no schedule.
    static func tooManySheets(_ n: Int, representatives: Int, units: Int, scheduled: Bool) -> Localized {
        let max = ExpectedBallots.maxSheets
        if scheduled {
            return Localized(zh: "按日程表应收评分表 \(n) 张（回避的也算在内），超过一个会话最多的 \(max) 张",
                             en: "the schedule makes \(n) score sheets (recused ones included), more than the \(max) a session may have")
        }
        return Localized(zh: "没有日程表（--schedule）时，每名代表都要为每个单位打分：\(representatives) 名代表 × \(units) 个单位 = \(n) 张评分表，超过一个会话最多的 \(max) 张",
                         en: "without a schedule (--schedule) every representative scores every unit: \(representatives) representatives × \(units) units = \(n) score sheets, more than the \(max) a session may have")
    }
    static func tooManySheetsHint(scheduled: Bool) -> Localized {
        if scheduled {
            return Localized(zh: "检查日程表是否让各组听取了过多单位，或把会话分成几个，每个会话评一部分单位",
                             en: "check whether the schedule has each group hear too many units, or split the session into several, each scoring part of the units")
        }
        return Localized(zh: "这样规模的会话需要日程表：用 `--schedule 文件` 给出哪个组听取哪个单位的汇报（每行一组、一个单位），每组只为其听取的单位打分",
                         en: "a session this size needs a schedule: give `--schedule FILE`, which group hears which unit (one row per group and unit), and each group scores only the units it hears")
    }
}

// MARK: a session folder whose journal is lost (`journal-missing`)

extension SessionMessages {
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
