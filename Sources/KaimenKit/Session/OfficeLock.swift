import Foundation

/// The lock file an office program keeps beside a file it has open, found among the result
/// files: Excel's and WPS's owner file `~$summary.xlsx` (Word's and older Excel's shorten a
/// long name by its first one or two characters: `~$mmary.xlsx`), and LibreOffice's
/// `.~lock.summary.xlsx#`. Only these exact shapes, beside the file they name, in the same
/// folder, and small (an owner file holds a user name and a path): any other name is a file
/// like any other, and unsealed, an error.
///
/// Not a result file: no seal lists it, `verify` and `status` say it as the file being open
/// (a note), and `close` neither counts it as a result a close cut short left nor seals it.
/// In 0.29.2 a result open in Excel while `verify` ran failed it, with a hint of tampering.
public struct OfficeLock: Sendable, Equatable {
    public enum Program: Sendable, Equatable {
        /// `~$NAME`: Microsoft Excel (or Word) and WPS Office.
        case excel
        /// `.~lock.NAME#`: LibreOffice (and OpenOffice).
        case libreOffice
    }

    /// The lock file, as a path from the session folder (`results/~$summary.xlsx`).
    public var path: String
    /// The file it locks, beside it (`results/summary.xlsx`).
    public var locks: String
    public var program: Program

    /// An owner file is a few hundred bytes; more is not one.
    static let largest = 4096

    /// The lock files among `files` (paths from the session folder, each with its size where
    /// known): those of these shapes whose file is beside them in `files`.
    static func find(among files: [String], sizes: [String: Int]) -> [OfficeLock] {
        let all = Set(files)
        return files.compactMap { path in
            guard (sizes[path] ?? largest + 1) <= largest else { return nil }
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[...$0]) } ?? ""
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            for (program, target) in candidates(name) where all.contains(folder + target) && target != name {
                return OfficeLock(path: path, locks: folder + target, program: program)
            }
            if name.hasPrefix("~$"), name.count > 2 {
                // Shortened as Word (and older Excel) shortens it: the first character of a
                // name whose stem has 7, the first two of one whose stem has 8 or more.
                let rest = String(name.dropFirst(2))
                if let target = files.first(where: { other in
                    guard other.hasPrefix(folder), other != path else { return false }
                    let otherName = String(other.dropFirst(folder.count))
                    let stem = otherName.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
                    let cut = stem.count >= 8 ? 2 : stem.count == 7 ? 1 : 0
                    return !otherName.contains("/") && cut > 0 && String(otherName.dropFirst(cut)) == rest
                }) {
                    return OfficeLock(path: path, locks: target, program: .excel)
                }
            }
            return nil
        }
    }

    /// The names the lock file `name` may lock, whole: `~$X` and `.~lock.X#` lock `X`.
    static func candidates(_ name: String) -> [(Program, String)] {
        var out: [(Program, String)] = []
        if name.hasPrefix("~$"), name.count > 2 { out.append((.excel, String(name.dropFirst(2)))) }
        if name.hasPrefix(".~lock."), name.hasSuffix("#"), name.count > ".~lock.#".count {
            out.append((.libreOffice, String(name.dropFirst(".~lock.".count).dropLast())))
        }
        return out
    }

    /// Said by `verify` (and `status`): the file is open, not an unsealed result.
    var note: Diagnostic {
        .note(.outputOpenElsewhere, SessionMessages.officeLock(self), at: SourceLocation.whole(path), hint: SessionMessages.officeLockHint(program))
    }
}
