import Foundation
import Testing
@testable import KaimenKit

@Suite("The progress line: drawn from the working threads, cleared at the end")
struct ProgressLineTests {
    /// `score --engine fast --progress --format none` on a generated session, with `extra`.
    static func score(_ dir: URL, _ extra: [String]) -> (code: ExitCode, stderr: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(GeneratedSession.scoreArguments(dir, rules: "rules/xicheng-2014.jsonc")
                           + ["--engine", "fast", "--progress", "--format", "none"] + extra, console: console)
        return (code, console.stderr)
    }

    @Test("`score --progress` on two threads draws each stage from 0% and clears the line before the summary")
    func scoreProgress() throws {
        let dir = try GeneratedSession.make(units: 3000, seed: 4, rules: "rules/xicheng-2014.jsonc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = Self.score(dir, ["--threads", "2"])
        #expect(run.code == .success)
        let clear = "\r\u{1B}[K"
        // Between the first clear and the last: the draws; after the last: the warnings.
        let segments = run.stderr.components(separatedBy: clear)
        let drawn = segments.dropFirst().dropLast()
        #expect(segments.first == "")
        #expect(!drawn.isEmpty)
        // Every draw is one whole line: a stage, a percentage and done/total, never two interleaved.
        for d in drawn {
            #expect(d.wholeMatch(of: /\S+ \d{1,3}% \(\d+\/\d+\)/) != nil, "\(d)")
        }
        #expect(drawn.contains { $0 == "评分 0% (0/3000)" })
        // The scoring stage's counts only grow.
        let counts = drawn.filter { $0.hasPrefix("评分 ") }.compactMap { Int($0.split(separator: "(")[1].split(separator: "/")[0]) }
        #expect(counts == counts.sorted())
        // Nothing of the progress line is left after the last clear.
        #expect(segments.last?.contains("评分 ") == false && segments.last?.contains("/3000)") == false)
    }

    @Test("with --lang en the stages are named in English")
    func english() throws {
        let dir = try GeneratedSession.make(units: 300, seed: 4, rules: "rules/xicheng-2014.jsonc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let quiet = Self.score(dir, ["--quiet", "--lang", "en"])
        #expect(quiet.code == .success)
        // --quiet leaves the progress line out, whatever --progress says.
        #expect(!quiet.stderr.contains("\u{1B}"))
        let shown = Self.score(dir, ["--lang", "en"])
        #expect(shown.stderr.contains("reading metrics 0% (0/1)"))
        #expect(shown.stderr.contains("reading ballots 0% (0/1)"))
        #expect(shown.stderr.contains("scoring 0% (0/300)"))
        #expect(!shown.stderr.contains("评分 "))
    }

    @Test("many threads advancing at once: the count adds up and every line is whole")
    func concurrentAdvance() {
        let console = BufferConsole()
        let progress = ProgressLine(console: console)
        progress.begin("stage", total: 8000)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0 ..< 1000 { progress.advance(1) }
        }
        #expect(progress.done == 8000)
        progress.begin("next", total: 1)
        progress.finish()
        let lines = console.stderr.components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect(lines.first == "stage 0% (0/8000)")
        #expect(lines.last == "next 0% (0/1)")
        #expect(lines.allSatisfy { $0.wholeMatch(of: /(stage|next) \d{1,3}% \(\d+\/(8000|1)\)/) != nil })
        #expect(console.stderr.hasSuffix("\r\u{1B}[K"))
    }
}
