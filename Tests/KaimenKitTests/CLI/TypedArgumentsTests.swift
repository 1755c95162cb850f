import Foundation
import Testing
@testable import KaimenKit

/// Command-line values as secretaries type them: a unit's name where its id belongs, full-width
/// digits, a thread count that is no number. Found by a new user and a hostile test.
@Suite("Typed arguments: explain's unit, score's --threads and --top")
struct TypedArgumentsTests {
    typealias E = EndToEndTests
    static var inputs: [String] { E.sample("xicheng-2014", rules: "xicheng-2014") }

    @Test("explain with a unit's name, its id in full-width characters, or a near name: the id meant", arguments: [
        ("西城区商务局机关工会", "没有单位 `西城区商务局机关工会`：`西城区商务局机关工会` 是单位 `X07` 的名称，这里请填单位编号 `X07`"),
        ("Ｘ０７", "没有单位 `Ｘ０７`；编号要用半角字符：是不是 `X07`？"),
        ("X07 ", "没有单位 `X07 `；编号前后不能有空格：是不是 `X07`？"),
        ("商务局机关工会", "没有单位 `商务局机关工会`；是不是 `X07`（西城区商务局机关工会）？"),
        ("X7", "没有单位 `X7`；是不是 `X07`（西城区商务局机关工会）？"),
    ])
    func explainUnit(_ typed: String, _ message: String) {
        let r = E.run(["explain", typed] + Self.inputs)
        #expect(r.code == .failure)
        #expect(r.err.contains(message), "\(r.err)")
    }

    /// Found by a tester: `score --rules --lang en` answered in Chinese 多余的参数 `en` (the value
    /// left out, `--lang` taken for it), and `--rules --units x` `unexpected argument`.
    @Test("an option whose value is left out, the next option taken for it: its value is missing, said in the language asked for", arguments: [
        (["score", "--rules", "--lang", "en"], "error: `--rules` needs a value (FILE); the next word, `--lang`, is another option; write the value right after `--rules` (one starting with `--` as `--rules=VALUE`)"),
        (["score", "--rules", "--units", "x"], "错误：`--rules` 需要一个值（FILE）；后面紧接着的 `--units` 是另一个选项；在 `--rules` 后写上它的值（值以 `--` 开头时写成 `--rules=值`）"),
        (["score", "--units", "--ballots=b.csv"], "错误：`--units` 需要一个值（FILE）；后面紧接着的 `--ballots` 是另一个选项"),
    ])
    func valueLeftOut(_ args: [String], _ message: String) {
        let r = E.run(args)
        #expect(r.code == .usage)
        #expect(r.err.contains(message), "\(r.err)")
    }

    /// A value that only looks like an option is still a value: `session void --reason` takes
    /// `--污损` (no option of that name), and `--rules=--lang` names a file `--lang`.
    @Test("a value that starts with -- but is no option of the command is still taken as the value")
    func dashedValue() throws {
        let parsed = try ArgumentParser.parse(["--rules", "--污损", "--units=--lang"], options: [.rulesFile, .unitsFile, .lang])
        #expect(parsed.value("--rules") == "--污损" && parsed.value("--units") == "--lang")
    }

    /// Found by a hostile test: an unknown command, option, choice or unit typed with terminal
    /// escapes or a bidi override was echoed raw, and `--out`'s name in the closing line too.
    @Test("what was typed is echoed with its control, bidi and tag characters as escapes", arguments: [
        (["sc\u{1B}[31more"], "没有命令 `sc\\u{1B}[31more`"),
        (["score", "--r\u{1B}[31mules", "x"], "没有选项 `--r\\u{1B}[31mules`"),
        (["score", "--format", "t\u{1B}[1mable"], "`t\\u{1B}[1mable` 不是 `--format` 的有效值"),
        (["score", "--lang", "z\u{1B}[1mh"], "`z\\u{1B}[1mh` 不是 `--lang` 的有效值"),
        (["explain", "X\u{1B}[5m01\u{202E}"] + TypedArgumentsTests.inputs, "没有单位 `X\\u{1B}[5m01\\u{202E}`"),
        (["explain", "X01\u{E0041}"] + TypedArgumentsTests.inputs, "没有单位 `X01\\u{E0041}`"),
    ])
    func escapesWhatWasTyped(_ args: [String], _ message: String) {
        let r = E.run(args)
        #expect(r.code != .success)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(!r.err.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0.value == 0xE0041 }, "\(r.err)")
    }

    @Test("score --out with an escape in the folder's name writes there and names it with the escape shown")
    func outNameEscaped() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("o\u{1B}[31mut").path
        let r = E.run(["score", "--out", out, "--format", "none"] + Self.inputs)
        #expect(r.code == .success, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/summary.csv"))
        #expect(r.err.contains("个文件到 " + s.url.path + "/o\\u{1B}[31mut"), "\(r.err)")
        #expect(!r.err.unicodeScalars.contains("\u{1B}"))
    }

    @Test("--threads must be a whole number of at least 1, --top of at least 0: anything else is a usage error naming it",
          arguments: [("--threads", "abc", 1), ("--threads", "2x", 1), ("--threads", "1e3", 1), ("--threads", "0", 1), ("--threads", "-1", 1),
                      ("--top", "x", 0), ("--top", "-3", 0)])
    func wholeNumbers(_ option: String, _ value: String, _ least: Int) {
        let r = E.run(["score", option, value, "--format", "none"] + Self.inputs)
        #expect(r.code == .usage)
        #expect(r.err.contains("错误：`\(option)` 要写不小于 \(least) 的整数，不能是 `\(value)`"), "\(r.err)")
        #expect(r.err.contains("用法：kaimen score"))
    }

    @Test("--threads in full-width digits, and --top 0, are taken")
    func accepted() {
        #expect(E.run(["score", "--threads", "２", "--format", "none"] + Self.inputs).code == .success)
        let r = E.run(["score", "--top", "0"] + Self.inputs)
        #expect(r.code == .success)
    }
}
