import Foundation

/// Every text the session feature shows people (the schedule reader's, the journal's and the
/// `session` commands'), in Chinese and English, kept together so they can join the catalogue.
/// This file holds the words the commands share; each command's and concept's texts are in
/// an extension beside it (`SessionMessagesEnter.swift`, `SessionMessagesVerify.swift`, …).
enum SessionMessages {
    /// “是不是 `x`？” / "did you mean `x`?" when one candidate is closest (`Suggestion.only`).
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> Localized? {
        Suggestion.only(to: word, among: candidates).map { Localized(zh: "是不是 `\($0)`？", en: "did you mean `\($0)`?") }
    }

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

    /// A cell's value as a message shows it: the number, or 空 / blank.
    static func cellText(_ value: String?) -> (zh: String, en: String) {
        value.map { ($0, $0) } ?? ("空白", "blank")
    }

    /// `--by`, `--reason` or `--accept-missing` with a control or invisible character, which the journal does not keep.
    static func invisibleInText(_ option: String, text: String, scalar: Unicode.Scalar) -> Localized {
        let code = Echo.codePoint(scalar)
        return Localized(zh: "`\(option)` 的值 `\(text)` 里有看不见的字符 \(code)（控制字符或改变文字方向的字符）：日志里的姓名和理由要能照原样读出；请重新输入这一项，不要从别处粘贴",
                         en: "the value `\(text)` of `\(option)` holds an invisible character \(code) (a control or a direction mark): the journal's names and reasons must read as typed; type it again rather than pasting it")
    }

    static let needReason = Localized(zh: "须写明理由（--reason）", en: "a reason is required (--reason)")

    static func stateName(_ s: DoubleEntry.SheetState) -> Localized {
        switch s {
        case .missing: return Localized(zh: "未录入", en: "missing")
        case .once: return Localized(zh: "只录入一次", en: "entered once")
        case .confirmed: return Localized(zh: "已确认", en: "confirmed")
        case .conflict: return Localized(zh: "两次录入不一致", en: "in conflict")
        case .void: return Localized(zh: "已作废", en: "void")
        }
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

    /// The first `n` of `list`, each in backticks, joined by `separator`, then `more` when there
    /// are more than `n`: `` `a`、`b`、`c` 等 ``.
    static func firstQuoted(_ list: [String], _ n: Int = 3, separator: String, more: String) -> String {
        list.prefix(n).map { "`\($0)`" }.joined(separator: separator) + (list.count > n ? more : "")
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

    static func phaseName(_ p: SessionState.Phase) -> Localized {
        switch p {
        case .open: return Localized(zh: "进行中", en: "open")
        case .closed: return Localized(zh: "已结束", en: "closed")
        case .reopened: return Localized(zh: "申诉复核中", en: "reopened for appeal")
        }
    }
}
