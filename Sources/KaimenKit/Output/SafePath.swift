import Foundation

/// Turns names that come from input data into paths that stay where they belong.
public enum SafePath {
    /// Longest file name produced, in UTF-8 bytes (most file systems allow 255).
    public static let maxFileNameBytes = 100

    /// One safe file-name component for a unit or representative id from the data.
    ///
    /// Keeps letters and digits of any script (so Chinese stays readable), `-`, `_` and `.`;
    /// everything else (`/`, `\`, `:`, spaces, control characters, NUL, …) becomes `_`. Then:
    /// no leading or trailing dot and no `..`; Windows device names (`CON`, `nul.txt`,
    /// `COM1`, …) get a `_` in front; at most ``maxFileNameBytes`` bytes, cut between
    /// characters; an empty result is `_`. Different ids can give the same name
    /// (`a/b`, `a:b`); use ``uniqueFileNames(for:)`` to tell them apart.
    public static func fileName(for id: String) -> String {
        var out = ""
        for c in id {
            out.append(isKept(c) ? c : "_")
        }
        while out.contains("..") {
            out = out.replacingOccurrences(of: "..", with: "._")
        }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        if isWindowsDeviceName(out) { out = "_" + out }
        if out.utf8.count > maxFileNameBytes {
            var cut = ""
            var bytes = 0
            for c in out {
                let n = c.utf8.count
                if bytes + n > maxFileNameBytes { break }
                cut.append(c)
                bytes += n
            }
            out = cut
        }
        if out.hasSuffix(".") { out = out.dropLast() + "_" }
        return out.isEmpty ? "_" : out
    }

    /// ``fileName(for:)`` for each id, with `~2`, `~3`, … added before the extension where two
    /// would otherwise clash, comparing without case as macOS and Windows do.
    public static func uniqueFileNames(for ids: [String]) -> [String] {
        var taken = Set<String>()
        var out: [String] = []
        out.reserveCapacity(ids.count)
        for id in ids {
            let base = fileName(for: id)
            var name = base
            var n = 2
            while taken.contains(name.lowercased()) {
                let suffix = "~\(n)"
                var stem = Substring(base)
                var ext = Substring("")
                if let dot = base.lastIndex(of: "."), dot != base.startIndex {
                    stem = base[..<dot]
                    ext = base[dot...]
                }
                while stem.utf8.count + suffix.utf8.count + ext.utf8.count > maxFileNameBytes, !stem.isEmpty {
                    stem = stem.dropLast()
                }
                name = stem + suffix + ext
                n += 1
            }
            taken.insert(name.lowercased())
            out.append(name)
        }
        return out
    }

    /// `relative` inside `dir`, refusing anything that could land outside it: an empty path,
    /// an absolute path (`/x`, `\x`, `C:x`, `~x`), a `..` component, a backslash or NUL byte.
    /// `.` and empty components are dropped.
    ///
    /// The check is on the text of the path; it does not follow symbolic links, so a link
    /// inside `dir` that points elsewhere is not detected.
    public static func resolve(_ relative: String, under dir: URL) throws -> URL {
        func refuse(_ zh: String, _ en: String) -> OutputError { .unsafePath(path: relative, reason: Localized(zh: zh, en: en)) }
        if relative.isEmpty { throw refuse("路径是空的", "the path is empty") }
        if relative.utf8.contains(0) { throw refuse("其中有 NUL 字节", "it contains a NUL byte") }
        if relative.hasPrefix("/") { throw refuse("这是绝对路径", "it is an absolute path") }
        if relative.hasPrefix("~") { throw refuse("以 `~` 开头", "it starts with `~`") }
        if relative.contains("\\") { throw refuse("其中有反斜杠", "it contains a backslash") }
        let utf8 = Array(relative.utf8)
        if utf8.count >= 2 && utf8[1] == UInt8(ascii: ":") { throw refuse("以盘符开头", "it starts with a drive letter") }
        let components = relative.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if components.contains("..") { throw refuse("其中有 `..`", "it contains `..`") }
        if components.isEmpty { throw refuse("没有指明文件", "it names no file") }
        let base = dir.standardizedFileURL
        var url = base
        for (i, component) in components.enumerated() {
            url.appendPathComponent(String(component), isDirectory: i < components.count - 1)
        }
        url = url.standardizedFileURL
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        guard url.path.hasPrefix(basePath) else { throw refuse("会离开 `\(base.path)`", "it leaves `\(base.path)`") }
        return url
    }

    private static func isKept(_ c: Character) -> Bool {
        if c == "-" || c == "_" || c == "." { return true }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return false }
        switch first.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            break
        default:
            return false
        }
        // Letters may carry combining marks; anything else in the cluster (a joiner, an
        // emoji modifier) is not kept.
        return scalars.dropFirst().allSatisfy { s in
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    private static func isWindowsDeviceName(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let upper = stem.uppercased()
        if ["CON", "PRN", "AUX", "NUL"].contains(upper) { return true }
        if upper.count == 4, upper.hasPrefix("COM") || upper.hasPrefix("LPT"),
           let digit = upper.last, digit.isNumber, digit != "0" {
            return true
        }
        return false
    }
}
