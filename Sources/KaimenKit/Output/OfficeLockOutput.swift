import Foundation

/// A file an `--out` replaced while a spreadsheet or office program had it open: the program's
/// lock file (``OfficeLock``, the shapes `session verify` knows) was beside it when the command
/// began to write. The writers pass over such a lock file on purpose (`OutputBatch.survey`, which
/// finds them for ``OutputBatch/Committed/openElsewhere``),
/// and the folder, lock file and all, is replaced whole: the program still shows the old file,
/// and saving it would put the old figures over the new ones. `score --out` said nothing (session 50).
extension OfficeLock {
    /// The lock files beside the one file at `target` (absolute) that lock it: `rules template
    /// --out units-template.csv --force` with the template open in Excel. Paths from its folder,
    /// whose names alone are looked at (before 0.29.6 every folder under it was walked: a
    /// template written to the desktop walked all the desktop held). Looked for by the one-file
    /// write alone (``OutputBatch/commit(file:_:shown:options:)``), as it writes.
    static func open(beside target: String) -> [OfficeLock] {
        let folder = PathText.directory(of: target), name = PathText.lastComponent(target)
        let names = (try? FileSystem.names(in: folder.isEmpty ? "." : folder)) ?? []
        var sizes: [String: Int] = [:]
        for other in names where !candidates(other).isEmpty || other.hasPrefix("~$") {
            var st = stat()
            if lstat(PathText.join(folder, other), &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR { sizes[other] = Int(st.st_size) }
        }
        return find(among: names, sizes: sizes).filter { $0.locks == name }
    }

    /// `output-open-elsewhere`, a warning, after the command replaced the file: which file was
    /// open (named from `folder`, the folder as the command names it), and what to do.
    func replaced(in folder: String) -> Diagnostic {
        .warning(.outputOpenElsewhere, OfficeLockMessages.replacedWhileOpen(PathText.join(folder, locks), lock: PathText.join(folder, path), program),
                 hint: OfficeLockMessages.reopen(PathText.lastComponent(locks), program))
    }
}

/// The words of `output-open-elsewhere` where an `--out` replaced an open file.
enum OfficeLockMessages {
    static func program(_ program: OfficeLock.Program) -> Localized {
        switch program {
        case .excel: return Localized(zh: "Excel 或 WPS", en: "Excel or WPS")
        case .libreOffice: return Localized(same: "LibreOffice")
        }
    }

    static func replacedWhileOpen(_ file: String, lock: String, _ by: OfficeLock.Program) -> Localized {
        let who = program(by)
        return Localized(zh: "`\(file)` 写入时正在 \(who.zh) 中打开（旁边有它的锁定文件 `\(lock)`）：新文件已替换它，打开着的仍是上一次的内容",
                         en: "`\(file)` was open in \(who.en) when it was written (its lock file `\(lock)` was beside it): the new file has replaced it, and what is open is still the previous one")
    }

    static func reopen(_ name: String, _ by: OfficeLock.Program) -> Localized {
        let who = program(by)
        return Localized(zh: "在 \(who.zh) 里关闭 `\(name)`，不要保存，然后重新打开它；请不要在打开的旧文件里修改或保存，否则会盖掉新写出的结果",
                         en: "close `\(name)` in \(who.en) without saving, then open it again; do not change or save the old file that is open, or it will be saved over the new results")
    }
}
