import Foundation

/// A session folder as the session's code finds it (`path`, absolute) and as its messages name
/// it (`shown`): as the user typed it on the command line (`会议`, `../2014/会议`), so that a
/// command a message gives works when copied; typed as an absolute path, shown as typed. Every
/// message that names the folder, a file in it or a folder above it is made with it; the
/// journal never records it.
///
/// In 0.29.3 the messages were made with the absolute path and the commands rewrote it in
/// their finished text (`TypedFolder`), which depended on the path appearing there verbatim.
public struct FolderName: Sendable, Equatable {
    public let path: String
    public let shown: String

    /// - Parameter shown: the folder as typed; `nil` or empty (a caller that typed none): its absolute path.
    public init(_ url: URL, shown: String? = nil) {
        path = url.path
        self.shown = shown.flatMap { $0.isEmpty ? nil : $0 } ?? url.path
    }

    /// The folder as given on the command line, run in `currentDirectory`.
    public init(typed: String, in currentDirectory: String) {
        self.init(URL(fileURLWithPath: PathText.resolve(typed, in: currentDirectory)), shown: typed)
    }

    public var url: URL { URL(fileURLWithPath: path) }

    /// How a message names `absolute`: the folder as typed; a path in it from the typed path
    /// (`会议/journal.lock`); a folder above it, or a path in one, as the typed path reaches it
    /// (`..`, `../会议`, `会议` beside `会议2` typed from here), never above the current directory
    /// or the folders the typed path names; any other path as it is.
    func naming(_ absolute: String) -> String {
        if absolute == path { return shown }
        let typed = PathText.normalize(shown)
        func ups(_ p: String) -> Int { p.split(separator: "/").prefix { $0 == ".." }.count }
        var folder = path, named = typed
        while folder != "/" {
            if absolute == folder { return named }
            if absolute.hasPrefix(folder + "/") { return PathText.join(named, String(absolute.dropFirst(folder.count + 1))) }
            folder = PathText.directory(of: folder)
            named = PathText.join(named, "..")
            if !named.hasPrefix("/") && ups(named) > ups(typed) { break }
        }
        return absolute
    }
}
