import Foundation

/// Test fixtures, found next to this source file so tests run from any directory.
enum Fixtures {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures") }
    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
    static func path(_ relative: String) -> String { url(relative).path }
    /// The package root (for the shipped `rules/` and `samples/`).
    static var packageRoot: URL { root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
}
