import Foundation

/// What `session verify` (and `status`, where it checks the same) says about the result files:
/// changed, missing, not sealed, not listed, recomputed otherwise, and the files a torn tail left.
extension SessionMessages {
    static func outputSymlink(_ path: String) -> Localized {
        Localized(zh: "`\(path)` 是符号链接：封存的结果必须是会话文件夹里的真实文件和文件夹",
                  en: "`\(path)` is a symbolic link: sealed results must be real files and folders in the session folder")
    }
    static let outputSymlinkHint = Localized(zh: "删去这个链接（链接指向的文件不是封存的结果），在会话文件夹里恢复原来的文件；尚未结束的会话，删去链接后再运行 `kaimen session close`",
                                             en: "remove the link (what it points to is not the sealed result) and restore the files in the session folder; in a session not yet closed, remove it and run `kaimen session close` again")

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
            firstQuoted(list, separator: "、", more: " 等")
        }
        func filesEn(_ list: [String]) -> String {
            firstQuoted(list, separator: ", ", more: ", …")
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
        let shown = firstQuoted(paths, separator: ", ", more: " …")
        return Localized(zh: "\(shown) 是某次 `kaimen session close` 写结果时中断留下的临时文件，不属于任何封存结果",
                         en: "\(shown) \(paths.count == 1 ? "was" : "were") left by a `kaimen session close` cut short while writing results, and belong\(paths.count == 1 ? "s" : "") to no sealed result")
    }
    static let closeLeftoversHint = Localized(zh: "再运行一次 `kaimen session close`（会清理它们）；会话已结束的，可以直接删去它们",
                                              en: "run `kaimen session close` again (it clears them); in a closed session, they can simply be removed")
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

    static func outputMissing(_ path: String, seq: Int) -> Localized {
        Localized(zh: "封存（记录 \(seq)）的结果文件 `\(path)` 已缺失", en: "output `\(path)`, sealed by record \(seq), is missing")
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
