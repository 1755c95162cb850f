import Foundation
import Testing
@testable import KaimenKit

/// A session made by `kaimen generate` in a fresh temporary folder (the caller removes it), and
/// the `kaimen score` arguments that read it.
enum GeneratedSession {
    static func make(units: Int, seed: UInt64, rules: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-engines-\(UUID().uuidString)")
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["generate", "--units", String(units), "--seed", String(seed), "--rules", rules, "--out", dir.path], console: console) == .success)
        return dir
    }

    /// `kaimen score` on a generated session's units, roster and ballots, under `rules`.
    static func scoreArguments(_ dir: URL, rules: String) -> [String] {
        ["score", "--rules", rules, "--units", dir.appendingPathComponent("units.csv").path,
         "--roster", dir.appendingPathComponent("roster.csv").path, "--ballots", dir.appendingPathComponent("ballots.csv").path]
    }
}
