/// A session folder as the user typed it (`会议`, `../2014/会议`) and the absolute path the
/// session's code works with and names in its messages (`/home/wang/会议`): a message shows the
/// folder as it was typed, and the folders above it (the session a folder is in, a session
/// beside it with a near name) as paths from the current directory, as the typed one reads.
/// A folder typed as an absolute path is shown as typed, so as it is.
///
/// Before 0.29.2 a relative folder was named by its absolute path in the messages the session
/// folder's code wrote (`会话文件夹 `/home/wang/会议2` 不存在；是不是 `/home/wang/会议`？`), while
/// the commands' own lines named it as typed.
struct TypedFolder {
    /// Each absolute path and how to show it, the folder first and then the folders above it.
    private let shown: [(absolute: String, typed: String, inside: String)]

    /// - Parameter typed: the folder as given on the command line (`""`: none; nothing is changed).
    init(_ typed: String, in currentDirectory: String) {
        guard !typed.isEmpty, !typed.hasPrefix("/") else {
            shown = []
            return
        }
        // The folder as typed; a path inside it joined as `PathText.join` joins (`会议/` + a file
        // reads `会议/journal.jsonl`).
        let normal = PathText.normalize(typed)
        var shown = [(resolve(typed, in: currentDirectory), typed, normal == "." ? "" : normal + "/")]
        // The folders above it as the typed path names them (`../2014`, `..`), and the current
        // directory: a path in it is shown from it (`会议2`), as a file typed so is.
        var parts = normal.split(separator: "/").map(String.init).filter { $0 != "." }
        while !parts.isEmpty {
            parts.removeLast()
            guard !parts.isEmpty else { break }
            let above = parts.joined(separator: "/")
            shown.append((resolve(above, in: currentDirectory), above, above + "/"))
        }
        shown.append((resolve(".", in: currentDirectory), ".", ""))
        // The longest first: the most particular folder a path is in names it.
        self.shown = shown.filter { $0.0 != "/" }.sorted { $0.0.count > $1.0.count }
    }

    /// `text` with each absolute path of the folder, or of a folder above it, as typed.
    func shown(_ text: String) -> String {
        var text = text
        for (absolute, typed, inside) in shown where text.contains(absolute) {
            var out = "", rest = Substring(text)
            while let r = rest.range(of: absolute) {
                out += rest[..<r.lowerBound]
                let next = rest[r.upperBound...].first
                if next == "/" {
                    out += inside
                    rest = rest[rest.index(after: r.upperBound)...]
                    continue
                }
                // Another name that begins alike (`会议2` beside `会议`) is left alone.
                let continues = next.map { $0.isLetter || $0.isNumber || "-_.~+@#".contains($0) } ?? false
                out += continues ? String(rest[r]) : typed
                rest = rest[r.upperBound...]
            }
            text = out + rest
        }
        return text
    }
}
