/// Paths as text, kept as the user wrote them (relative stays relative), so messages and
/// exported files name `rules/xicheng-2014.jsonc`, never a machine's absolute path.
public enum PathText {
    /// The folder part: `rules/a.jsonc` → `rules`; `a.jsonc` → ``.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `rel` relative to `dir`, normalised: `rules` + `../base.jsonc` → `base.jsonc`.
    public static func join(_ dir: String, _ rel: String) -> String {
        if rel.hasPrefix("/") || dir.isEmpty { return normalize(rel) }
        return normalize(dir + "/" + rel)
    }

    /// Removes `.` and resolves `..` where it can: `a/./b/../c` → `a/c`.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for p in path.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if p == "..", absolute { continue }
            parts.append(p)
        }
        let s = parts.joined(separator: "/")
        return absolute ? "/" + s : (s.isEmpty ? "." : s)
    }

    /// `path` read from `base` when relative.
    public static func resolve(_ path: String, in base: String) -> String {
        path.hasPrefix("/") || base.isEmpty ? path : join(base, path)
    }
}
