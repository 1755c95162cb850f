import Foundation
import Testing
@testable import KaimenKit

/// The tuning commands' command-line errors: in the chosen language (Chinese by default), each
/// naming what is wrong, followed by the command's own usage line; exit 64.
@Suite("compare, sensitivity and rules test: usage errors in the chosen language")
struct TuningUsageTests {
    static let sample = CompareCommandTests.sample
    static let rules = ["--rules", "rules/xicheng-2014.jsonc"]

    func run(_ args: [String], in dir: String = Fixtures.packageRoot.path) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: dir)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    /// Exit 64; the first line is `错误：<message>`, the last `用法：kaimen <command> …`; no English label.
    func expectUsage(_ r: (code: ExitCode, out: String, err: String), _ message: String, command: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.code == .usage, sourceLocation: sourceLocation)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "错误：" + message, "\(r.err)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("用法：kaimen \(command) ") == true, "\(r.err)", sourceLocation: sourceLocation)
        #expect(!r.err.contains("error:") && !r.err.contains("usage:"), sourceLocation: sourceLocation)
    }

    @Test("compare: the number of --rules files, missing inputs, and a session folder with input files")
    func compare() {
        expectUsage(run(["compare"] + Self.rules + Self.rules + Self.rules + Self.sample),
                    "`compare` 比较两个 `--rules` 文件（先 OLD 后 NEW），收到 3 个", command: "compare")
        expectUsage(run(["compare"] + Self.rules + Self.sample),
                    "只给一个 `--rules` 时比较的是假设值：加上 `--set UNIT.METRIC=VALUE`，或再给一个 `--rules`", command: "compare")
        expectUsage(run(["compare"] + Self.rules + Self.rules + ["--units", "samples/xicheng-2014/units.csv"]),
                    "缺少 `--roster`, `--ballots`", command: "compare")
        let folder = run(["compare", "2014-mid"] + Self.rules + ["--units", "samples/xicheng-2014/units.csv"])
        #expect(folder.code == .usage)
        #expect(folder.err.hasPrefix("错误：会话文件夹"), "\(folder.err)")
        #expect(!folder.err.contains("error:"))
        let en = run(["compare"] + Self.rules + Self.sample + ["--lang", "en"])
        #expect(en.err.hasPrefix("error: one `--rules` compares a what-if value"))
        #expect(en.err.contains("\nusage: kaimen compare "))
    }

    @Test("sensitivity names the number option that is wrong, its value and its range", arguments: [
        (["--scenarios", "0"], "`--scenarios` 要写 1 到 1000000 之间的整数，收到 `0`"),
        (["--scenarios", "-1"], "`--scenarios` 要写 1 到 1000000 之间的整数，收到 `-1`"),
        (["--scenarios", "abc"], "`--scenarios` 要写 1 到 1000000 之间的整数，收到 `abc`"),
        (["--scenarios", "１００"], "`--scenarios` 要写 1 到 1000000 之间的整数，收到 `１００`；数字要用半角字符：是不是 `100`？"),
        (["--seed", "-3"], "`--seed` 要写不小于 0 的整数，收到 `-3`"),
        (["--weights", "150"], "`--weights` 要写 0 到 100 之间的整数，收到 `150`"),
        (["--fragile", "200"], "`--fragile` 要写 0 到 100 之间的整数，收到 `200`"),
        (["--vary", "weight"], "`--vary` 没有 `weight` 这一项；可用 `weights`（权重）、`aggregation`（汇总方式）、`leave-one-out`（去掉一名代表）、`bootstrap`（重抽样），用逗号或顿号分隔；是不是 `weights`？"),
    ])
    func sensitivityNumbers(option: [String], message: String) {
        expectUsage(run(["sensitivity"] + Self.rules + Self.sample + option), message, command: "sensitivity")
    }

    @Test("sensitivity's errors show its own usage, missing inputs included, in English with --lang en")
    func sensitivityUsage() {
        expectUsage(run(["sensitivity", "--rules", "R", "--units", "U"]), "缺少 `--roster`, `--ballots`", command: "sensitivity")
        let en = run(["sensitivity", "--rules", "R", "--units", "U", "--lang", "en"])
        #expect(en.err == "error: missing `--roster`, `--ballots`\nusage: \(SensitivityCommand.usage)  (see `kaimen sensitivity --help`)\n")
        let range = run(["sensitivity"] + Self.rules + Self.sample + ["--weights", "150", "--lang", "en"])
        #expect(range.err.hasPrefix("error: `--weights` takes a whole number from 0 to 100; got `150`\n"))
    }

    @Test("rules test with no files and no rules/ folder says so in Chinese")
    func rulesTestNoFiles() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-rules-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        expectUsage(run(["rules", "test"], in: empty.path), "没有给出规则文件，这里也没有 rules/*.jsonc", command: "rules test")
    }
}
