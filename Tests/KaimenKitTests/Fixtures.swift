import Foundation

/// Test fixtures, found next to this source file so tests run from any directory.
enum Fixtures {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures") }
    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
    static func path(_ relative: String) -> String { url(relative).path }
    /// The package root (for the shipped `rules/` and `samples/`).
    static var packageRoot: URL { root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    /// The size of a generated session in the tests that compare readers and number forms on
    /// many units: `n`, or a fifth of it (at least 300) when `KAIMEN_TEST_SMALL` is set, as
    /// `.ci/sanitizers.sh` does, where every instruction costs ten times as much. The smaller
    /// sessions still split across threads (the tests force a parallel threshold of 0).
    static func units(_ n: Int) -> Int {
        ProcessInfo.processInfo.environment["KAIMEN_TEST_SMALL"] == nil ? n : max(n / 5, 300)
    }
}
