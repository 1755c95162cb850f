import Foundation

/// What `close` and `verify --head` say about the posted verification code (核验码, `PostedHead`).
extension SessionMessages {
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
}
