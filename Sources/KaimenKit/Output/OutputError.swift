#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output folder could not be written. Every case names the path and says, in Chinese
/// and English, what went wrong and what would fix it (`diagnostic`); the texts are all here.
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A relative path that would leave the output folder, or is not a usable path at all.
    case unsafePath(path: String, reason: Localized)
    /// Two files of one batch have the same path.
    case duplicatePath(path: String)
    /// A system call failed: what we were doing, on which path, and the system's reason.
    case io(operation: Operation, path: String, cause: SystemError)
    /// The output folder's path names something that is not a folder (a file, a device).
    case notAFolder(path: String)
    /// The folder is read-only (its owner may not write in it): replacing it needs only the
    /// parent's permission, but a user who made it so meant it kept (since 0.29.8; a tester's
    /// `chmod 555` folder was replaced, and its old set left aside where no run could remove it).
    case readOnly(path: String)
    /// The folder holds files but no `manifest.json`: kaimen did not write it, so it is not
    /// replaced without `--force`.
    case foreignFolder(path: String, entries: Int)
    /// A folder kaimen wrote holds files its manifest does not list (the user's own, added since).
    case foreignFiles(path: String, files: [String], count: Int)
    /// Replacing the folder would delete an input of this run.
    case containsInput(folder: String, input: String)
    /// The folder is the current folder (`--out .`), or holds it: replacing it would leave the
    /// terminal in a folder that is gone. Said as such since 0.29.5, where `containsInput` said
    /// replacing `…（终稿）` would delete `…（终稿）` (session 50).
    case holdsCurrentFolder(folder: String, current: String)
    /// One file asked for (`rules template --out`) is already there: not replaced without `--force`.
    case fileExists(path: String)
    /// One file asked for is an input of the run (the rules file, or a file it extends):
    /// never replaced, `--force` or not.
    case isInput(path: String)
    /// The folder is in a scoring session's folder (`session`, which holds `journal.jsonl`), or is
    /// it: only `session close` writes there, and never with `--force`.
    case inSession(path: String, session: String)
    /// Another process held the folder's lock for longer than we were willing to wait.
    case locked(path: String, seconds: Int)
    /// The code producing a file's bytes failed.
    case producerFailed(path: String, message: String)
    /// An input file is not the file it was when the run began (another size, time of change
    /// or inode) when its digest is taken: the manifest could not say what was scored.
    case inputChanged(path: String)

    /// What kaimen was doing when the system refused.
    public enum Operation: String, Sendable, Hashable {
        case createFolder, create, write, flush, close, replace, swap, remove, lock, read, list

        var text: Localized {
            switch self {
            case .createFolder: return Localized(zh: "创建文件夹", en: "create the folder")
            case .create: return Localized(zh: "创建文件", en: "create the file")
            case .write: return Localized(zh: "写入", en: "write")
            case .flush: return Localized(zh: "把数据写到磁盘", en: "flush to disk")
            case .close: return Localized(zh: "关闭文件", en: "close")
            case .replace: return Localized(zh: "替换", en: "replace")
            case .swap: return Localized(zh: "换入新的输出文件夹", en: "swap in the new output folder")
            case .remove: return Localized(zh: "删除", en: "remove")
            case .lock: return Localized(zh: "锁定输出文件夹", en: "lock the output folder")
            case .read: return Localized(zh: "读取", en: "read")
            case .list: return Localized(zh: "列出文件夹内容", en: "list the folder")
            }
        }
    }

    /// A stable kind, for tests and the diagnostics catalogue.
    public var code: String {
        switch self {
        case .unsafePath: return "output-unsafe-path"
        case .duplicatePath: return "output-duplicate-path"
        case .io: return "output-io"
        case .notAFolder: return "output-not-a-folder"
        case .readOnly: return "output-read-only"
        case .foreignFolder: return "output-foreign-folder"
        case .foreignFiles: return "output-foreign-files"
        case .containsInput, .holdsCurrentFolder: return "output-contains-input"
        case .fileExists: return "output-file-exists"
        case .isInput: return "output-is-input"
        case .inSession: return "output-in-session"
        case .locked: return "output-locked"
        case .producerFailed: return "output-producer-failed"
        case .inputChanged: return DiagnosticCode.inputChangedDuringRun.rawValue
        }
    }

    public var text: Localized {
        switch self {
        case .unsafePath(let path, let reason):
            return Localized(zh: "拒绝写入 `\(path)`：\(reason.zh)", en: "refusing to write `\(path)`: \(reason.en)")
        case .duplicatePath(let path):
            return Localized(zh: "有两个输出文件都要写到 `\(path)`", en: "two output files would both be written to `\(path)`")
        case .io(let operation, let path, let cause):
            return Localized(zh: "无法\(operation.text.zh) `\(path)`：\(cause.text.zh)",
                             en: "could not \(operation.text.en) `\(path)`: \(cause.text.en)")
        case .notAFolder(let path):
            return Localized(zh: "`\(path)` 已存在，但不是文件夹", en: "`\(path)` exists and is not a folder")
        case .readOnly(let path):
            return Localized(zh: "文件夹 `\(path)` 是只读的（没有写权限），不会替换它", en: "the folder `\(path)` is read-only (not writable), so it is not replaced")
        case .foreignFolder(let path, let entries):
            return Localized(zh: "文件夹 `\(path)` 里已有 \(entries) 项内容，但没有 manifest.json，不是 kaimen 写的；不会替换它",
                             en: "the folder `\(path)` holds \(entries) item\(entries == 1 ? "" : "s") but no manifest.json, so kaimen did not write it; it is not replaced")
        case .foreignFiles(let path, let files, let count):
            let shown = files.map { "`\($0)`" }.joined(separator: "、") + (count > files.count ? " 等 \(count) 项" : "")
            let shownEN = files.map { "`\($0)`" }.joined(separator: ", ") + (count > files.count ? " and \(count - files.count) more" : "")
            return Localized(zh: "文件夹 `\(path)` 是 kaimen 写的，但其中有它的 manifest.json 没有列出的内容：\(shown)；替换文件夹会删掉它们，所以不替换",
                             en: "the folder `\(path)` was written by kaimen, but holds what its manifest.json does not list: \(shownEN); replacing the folder would delete them, so it is not replaced")
        case .containsInput(let folder, let input):
            return Localized(zh: "替换文件夹 `\(folder)` 会删掉 `\(input)`", en: "replacing the folder `\(folder)` would delete `\(input)`")
        case .holdsCurrentFolder(let folder, let current):
            return folder == current
                ? Localized(zh: "`\(folder)` 是当前所在的文件夹：输出文件夹要整个换掉，不能是运行命令时所在的文件夹",
                            en: "`\(folder)` is the current folder: an output folder is replaced whole, and cannot be the folder the command is run in")
                : Localized(zh: "当前所在的文件夹 `\(current)` 在 `\(folder)` 里面：输出文件夹要整个换掉，不能包含运行命令时所在的文件夹",
                            en: "the current folder `\(current)` is inside `\(folder)`: an output folder is replaced whole, and cannot hold the folder the command is run in")
        case .fileExists(let path):
            return Localized(zh: "`\(path)` 已存在，不会覆盖它", en: "`\(path)` already exists and is not replaced")
        case .isInput(let path):
            return Localized(zh: "`\(path)` 是这次读取的规则文件，不会覆盖它", en: "`\(path)` is a rules file this run reads; it is not replaced")
        case .inSession(let path, let session):
            return path == session
                ? Localized(zh: "`\(path)` 是打分会话的文件夹（有 journal.jsonl）：其他命令不能写入，加 --force 也不能",
                            en: "`\(path)` is a scoring session's folder (it holds journal.jsonl): no other command writes there, --force or not")
                : Localized(zh: "`\(path)` 在打分会话 `\(session)` 的文件夹里：会话的结果只由 `kaimen session close` 写，其他命令不能写入，加 --force 也不能",
                            en: "`\(path)` is inside the scoring session `\(session)`: only `kaimen session close` writes there, --force or not")
        case .locked(let path, let seconds):
            return Localized(zh: "另一个 kaimen 进程正在写入 `\(path)`，等了 \(seconds) 秒仍未结束",
                             en: "another kaimen process is writing `\(path)` and has not finished after \(seconds) s")
        case .producerFailed(let path, let message):
            return Localized(zh: "生成 `\(path)` 时出错：\(message)", en: "could not produce `\(path)`: \(message)")
        case .inputChanged(let path):
            return ReaderMessages.inputChanged(path, .changedDuringRun)
        }
    }

    public var hint: Localized? {
        switch self {
        case .io(_, _, let cause):
            if cause.code == ENOSPC || cause.code == EDQUOT {
                return Localized(zh: "腾出磁盘空间，或用 --out 换一个别的磁盘上的文件夹", en: "free some disk space, or choose a folder on another disk with --out")
            }
            return Localized(zh: "换一个可以写入的文件夹（--out）", en: "choose a folder you can write to with --out")
        case .notAFolder, .containsInput:
            return Localized(zh: "用 --out 换一个新的文件夹", en: "choose a new folder with --out")
        case .holdsCurrentFolder(let folder, let current):
            return folder == current
                ? Localized(zh: "先 `cd ..` 到上一级再运行，--out 写这个文件夹的名字",
                            en: "`cd ..` to the folder above first, and give --out this folder's name")
                : Localized(zh: "先 cd 到 `\(folder)` 之外（如它的上一级）再运行，--out 写它从那里看的路径",
                            en: "cd out of `\(folder)` first (to the folder above it, say), and give --out its path from there")
        case .readOnly(let path):
            return Localized(zh: "确实要用这次的结果替换它，先 `chmod u+w \(path)`；或用 --out 换一个文件夹",
                             en: "to replace it with this run's files, `chmod u+w \(path)` first; or choose another folder with --out")
        case .inSession:
            return Localized(zh: "用 --out 换一个会话文件夹之外的新文件夹；会话的结果要重写，用 `kaimen session close`",
                             en: "choose a new folder outside the session with --out; a session's results are written by `kaimen session close`")
        case .foreignFolder:
            return Localized(zh: "换一个空的或新的文件夹；确实要用这次的结果替换它的全部内容，加 --force",
                             en: "choose an empty or new folder; to replace everything in it with this run's files, add --force")
        case .foreignFiles:
            return Localized(zh: "把这些文件移到别处，或换一个文件夹；确实要连同它们一起替换，加 --force",
                             en: "move these files elsewhere, or choose another folder; to replace them along with the rest, add --force")
        case .fileExists:
            return Localized(zh: "用 --out 换一个文件名；确实要用新模板替换它，加 --force",
                             en: "choose another file name with --out; to replace it with the new template, add --force")
        case .isInput:
            return Localized(zh: "用 --out 换一个文件名，如 units-template.csv", en: "choose another file name with --out, such as units-template.csv")
        case .locked:
            return Localized(zh: "等另一个进程结束后再运行，或换一个文件夹", en: "run again when the other process has finished, or choose another folder")
        case .inputChanged:
            return ReaderMessages.waitUntilSaved
        case .unsafePath, .duplicatePath, .producerFailed:
            return nil
        }
    }

    /// The error with every path it names as `name` names it: the writers name paths by the
    /// absolute paths they write by, and a command gives the folder as the user typed it
    /// (`FolderName.naming`: `--out`, a session folder), so that a path in it is said from there
    /// (`会议/results/summary.csv`, not `/home/…/会议/results/summary.csv`, since 0.29.5); a path
    /// `name` leaves alone (elsewhere, or relative already) stays as it is.
    public func naming(_ name: (String) -> String) -> OutputError {
        switch self {
        case .unsafePath(let path, let reason): return .unsafePath(path: name(path), reason: reason)
        case .duplicatePath(let path): return .duplicatePath(path: name(path))
        case .io(let operation, let path, let cause): return .io(operation: operation, path: name(path), cause: cause)
        case .notAFolder(let path): return .notAFolder(path: name(path))
        case .readOnly(let path): return .readOnly(path: name(path))
        case .foreignFolder(let path, let entries): return .foreignFolder(path: name(path), entries: entries)
        case .foreignFiles(let path, let files, let count): return .foreignFiles(path: name(path), files: files, count: count)
        case .containsInput(let folder, let input): return .containsInput(folder: name(folder), input: name(input))
        case .holdsCurrentFolder(let folder, let current): return .holdsCurrentFolder(folder: name(folder), current: name(current))
        case .fileExists(let path): return .fileExists(path: name(path))
        case .isInput(let path): return .isInput(path: name(path))
        case .inSession(let path, let session): return .inSession(path: name(path), session: name(session))
        case .locked(let path, let seconds): return .locked(path: name(path), seconds: seconds)
        case .producerFailed(let path, let message): return .producerFailed(path: name(path), message: message)
        case .inputChanged(let path): return .inputChanged(path: name(path))
        }
    }

    /// The error as kaimen prints it: `错误：… ；hint` / `error: …; hint`.
    public var diagnostic: Diagnostic { .error(code, text, hint: hint) }

    public var description: String { text.en }

    /// Why a command's `--out` (as typed, run in `here`) was not written, as the command prints
    /// it: an `OutputError` with every path it names as `--out` was typed (`naming`), any other
    /// error in the system's words. `score`, `sheets`, `generate` and `rules template` say it
    /// alike (since 0.29.5: all but `score` named the paths absolute, `sheets` in other words).
    static func said(_ error: any Error, out: String, in here: String, lang: Language) -> String {
        guard error is OutputError else {
            return CommandMessages.errorLabel.text(lang) + Echo.shownLines(CommandMessages.couldNotWrite(out, error).text(lang))
        }
        return diagnostic(error, out: out, in: here).rendered(lang)
    }

    /// What `said` says, as a diagnostic (for `--format json`'s failure object).
    static func diagnostic(_ error: any Error, out: String, in here: String) -> Diagnostic {
        guard let error = error as? OutputError else {
            return .error(DiagnosticCode.outputFailed.rawValue, CommandMessages.couldNotWrite(out, error), at: .whole(out))
        }
        return error.naming(FolderName(typed: out, in: here).naming).diagnostic
    }
}
