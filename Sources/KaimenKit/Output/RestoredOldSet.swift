import Foundation

/// An old set put back before an `--out` wrote (``OutputBatch/Committed/restored``): a run
/// killed between the two renames of a swap without an atomic exchange (a network or FUSE
/// file system, ``FolderSwap``) had left the folder missing and its whole old set under a
/// hidden name beside it. Said once the new set is written, with what the write replaced.
extension OutputBatch.Committed {
    /// `output-restored` (when an old set was put back), then `output-open-elsewhere` for each
    /// file an office program had open: what the command says after it wrote `folder` (as
    /// the user typed it).
    public func notes(in folder: String) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if let restored {
            var typed = folder
            while typed.count > 1 && typed.hasSuffix("/") { typed.removeLast() }
            let hidden = PathText.join(PathText.directory(of: typed), restored)
            notes.append(.warning(.outputRestored, RestoredOldSetMessages.restored(typed, from: hidden), hint: RestoredOldSetMessages.hint))
        }
        return notes + openElsewhere.map { $0.replaced(in: folder) }
    }

    /// Says ``notes(in:)`` on standard error: every `--out`, and `session close`'s results.
    public func say(in folder: String, console: Console, lang: Language) {
        for note in notes(in: folder) { console.errLine(note.rendered(lang)) }
    }
}

/// The words of `output-restored`.
enum RestoredOldSetMessages {
    static func restored(_ folder: String, from hidden: String) -> Localized {
        Localized(zh: "上一次写入 `\(folder)` 在替换文件夹的中途被中断，`\(folder)` 不在了，上一组结果完整地留在 `\(hidden)`：本次写入前已把它放回 `\(folder)`，再由本次的结果整组替换",
                  en: "an earlier write of `\(folder)` was cut short halfway through replacing the folder, leaving no `\(folder)` and the previous set whole in `\(hidden)`: it was put back as `\(folder)` before this write, which then replaced it as a whole")
    }

    static let hint = Localized(zh: "不需要做什么；这种中断只会发生在不能一步交换两个文件夹的文件系统上（网络盘、FUSE）",
                                en: "nothing to do; such a cut can only happen on a file system that cannot swap two folders in one step (a network or FUSE drive)")
}
