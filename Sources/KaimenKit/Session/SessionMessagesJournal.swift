import Foundation

/// What the session says about its journal: records it cannot read, a torn tail, a broken hash
/// chain, records no command writes, and another command holding the lock.
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
    /// A command that reads a session's figures (`panel`, `explain --session`, …) over a damaged journal.
    static func damagedNoFigures(_ dir: String) -> Localized {
        Localized(zh: "会话日志已损坏（见上），不给出结果：按损坏的日志算出的数字不是会话封存的结果；请先运行 `kaimen session verify \(dir)`，从备份恢复日志",
                  en: "the session journal is damaged (above), so no figures are given: numbers replayed from a damaged journal are not the session's sealed result; run `kaimen session verify \(dir)` and restore the journal from a backup")
    }
    static let journalDamaged = Localized(zh: "会话日志已损坏，不能再追加记录", en: "the session journal is damaged: no record can be appended")
    static let runVerify = Localized(zh: "用 `kaimen session verify` 查看哪里不对", en: "run `kaimen session verify` to see what is wrong")

    /// A journal with no line end at all that is not an opening record cut short.
    static func noWholeLine(bytes: Int) -> Localized {
        Localized(zh: "日志中没有一行以换行结束的记录（共 \(bytes) 字节），也不像建立会话时中断留下的半条记录：多半被其他程序另存过，换行被改掉或删去了；这时不会在日志上追加任何内容",
                  en: "the journal has no line ended by a line feed (\(bytes) bytes in all), and is not an opening record cut short either: most likely another program saved it again and changed or removed its line ends; nothing is appended to it")
    }
    static let noOpenRecord = Localized(zh: "日志的第一条记录不是建立会话的记录（open）", en: "the journal's first record is not the session's opening record (`open`)")
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
    static let restoreJournalHint = Localized(zh: "从备份恢复 journal.jsonl，再运行 `kaimen session verify`",
                                              en: "restore journal.jsonl from a backup, then run `kaimen session verify`")
}
