import Foundation
import Testing
@testable import KaimenKit

/// `score --out` when a rules file's base changes while the run goes on: found in session 41,
/// looking again at 0.26.1's known gaps. The base (`extends`) was not pinned, so its new digest
/// was recorded beside results worked out from the old one; and the table was printed before
/// the digests were checked, so a run that wrote nothing still showed results of a changed input.
@Suite("score --out: a rules file's base changed during the run")
struct ScoreInputChangedTests {
    /// A console that runs `change` once, at the first progress line (the rules are read by then).
    final class ChangingConsole: Console {
        let inner: BufferConsole
        private let pending: Locked<(@Sendable () -> Void)?>
        init(currentDirectory: String, change: @escaping @Sendable () -> Void) {
            inner = BufferConsole(currentDirectory: currentDirectory)
            pending = Locked(change)
        }
        var currentDirectory: String { inner.currentDirectory }
        var errIsTerminal: Bool { false }
        func out(_ text: String) { inner.out(text) }
        func err(_ text: String) {
            pending.withLock { p in
                p?()
                p = nil
            }
            inner.err(text)
        }
    }

    /// The Dongcheng sample, its rules and their base copied into `s`.
    static func copySample(into s: ScratchFolder) throws {
        let root = Fixtures.packageRoot
        for (from, to) in [("rules/dongcheng-2019.jsonc", "dongcheng-2019.jsonc"), ("rules/xicheng-2014.jsonc", "xicheng-2014.jsonc"),
                           ("samples/dongcheng-2019/units.csv", "units.csv"), ("samples/dongcheng-2019/roster.csv", "roster.csv"),
                           ("samples/dongcheng-2019/ballots.csv", "ballots.csv")] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(from), to: s.url.appendingPathComponent(to))
        }
    }

    static let arguments = ["score", "--rules", "dongcheng-2019.jsonc", "--units", "units.csv", "--roster", "roster.csv",
                            "--ballots", "ballots.csv", "--out", "out", "--summary-only", "--engine", "fast", "--progress"]

    @Test("the base edited after it was read: no folder, the error naming it, and no table", arguments: [Language.zh, .en])
    func baseChanged(lang: Language) throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        try Self.copySample(into: s)
        let base = s.url.appendingPathComponent("xicheng-2014.jsonc")
        let console = ChangingConsole(currentDirectory: s.url.path) {
            // As an editor saving the base would: its text grows by a line.
            guard let handle = try? FileHandle(forWritingTo: base) else { return }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data("\n".utf8))
            try? handle.close()
        }
        let code = CLI.run(Self.arguments + ["--lang", lang.rawValue], console: console)
        #expect(code == .failure)
        let err = console.inner.stderr
        #expect(err.contains(lang == .zh ? "`xicheng-2014.jsonc` 在本次运行中被改动了" : "`xicheng-2014.jsonc` changed during the run"), "\(err)")
        #expect(err.contains(lang == .zh ? "没有写入任何文件到 out" : "nothing was written to out"), "\(err)")
        // Nothing scored from the changed input is shown.
        #expect(console.inner.stdout.isEmpty, "\(console.inner.stdout)")
        #expect(!FileManager.default.fileExists(atPath: s.url.appendingPathComponent("out").path))
        #expect(!s.allNames().contains { $0.hasPrefix(".out.kaimen-") })
    }

    @Test("left alone, the same run writes its folder and shows its table, the base's digest in the manifest")
    func baseLeftAlone() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        try Self.copySample(into: s)
        let console = ChangingConsole(currentDirectory: s.url.path) {}
        let code = CLI.run(Self.arguments, console: console)
        #expect(code == .success, "\(console.inner.stderr)")
        #expect(console.inner.stdout.contains("东城区"), "\(console.inner.stdout)")
        #expect(console.inner.stderr.contains("已写入 2 个文件到 out"), "\(console.inner.stderr)")
        let manifest = try #require(s.read("out/manifest.json"))
        let baseBytes = try Data(contentsOf: s.url.appendingPathComponent("xicheng-2014.jsonc"))
        #expect(manifest.contains(SHA256.hex([UInt8](baseBytes))))
    }
}
