import Foundation
import Testing
@testable import KaimenKit

/// A script can trust standard output and the exit code (a district IT tester's findings): a failed
/// run asked for `--format json` prints one failure object there, a folder not written shows no
/// results, a lock held elsewhere ends 75, and `session close` says what it sealed as JSON.
/// The objects are read with `JSONSerialization`, not with kaimen's own JSON.
@Suite struct FailureJSONTests {
    typealias Run = (code: Int32, out: String, err: String)

    static func run(_ args: [String], in dir: String = Fixtures.packageRoot.path) -> Run {
        let console = BufferConsole(currentDirectory: dir)
        let code = CLI.run(args, console: console)
        return (code.rawValue, console.stdout, console.stderr)
    }

    /// The one JSON object standard output holds.
    static func object(_ out: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "not one JSON object: \(out)")
    }
    static func diagnostics(_ o: [String: Any]) -> [[String: Any]] { o["diagnostics"] as? [[String: Any]] ?? [] }

    /// The sample with units.csv's D3 (X02's `enterprises`) typed `九`: row 3 is X02's, as the header is row 1.
    static func brokenSample(_ s: ScratchFolder) throws -> [String] {
        let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        for name in ["roster.csv", "ballots.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: s.url.appendingPathComponent(name))
        }
        var lines = try String(contentsOf: sample.appendingPathComponent("units.csv"), encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[2].components(separatedBy: ",")
        #expect(cells[0] == "X02" && cells[3] == "9")
        cells[3] = "九"
        lines[2] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: s.url.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        return ["score", "--rules", Fixtures.packageRoot.path + "/rules/xicheng-2014.jsonc", "--units", "units.csv",
                "--roster", "roster.csv", "--ballots", "ballots.csv"]
    }

    @Test("a bad cell with --format json: the failure object on stdout, with the cell's row, letter and header; stderr as without")
    func badCell() throws {
        let s = ScratchFolder(); defer { s.cleanUp() }
        let score = try Self.brokenSample(s)
        let plain = Self.run(score, in: s.url.path)
        let json = Self.run(score + ["--format", "json"], in: s.url.path)
        #expect(plain.code == 1 && plain.out.isEmpty)
        #expect(json.code == 1 && json.err == plain.err)
        #expect(json.err.contains("units.csv 第 3 行 D 列（enterprises）"), "\(json.err)")
        let o = try Self.object(json.out)
        #expect(o["ok"] as? Bool == false && o["exitCode"] as? Int == 1 && o["command"] as? String == "kaimen score")
        #expect(o["errors"] as? Int == 1)
        let d = try #require(Self.diagnostics(o).first { $0["row"] as? Int == 3 }, "\(json.out)")
        #expect(d["file"] as? String == "units.csv" && d["columnLetter"] as? String == "D" && d["header"] as? String == "enterprises")
        #expect(d["severity"] as? String == "error" && d["line"] is NSNull && d["column"] is NSNull)
        let code = try #require(d["code"] as? String)
        #expect(DiagnosticCode(rawValue: code) != nil, "\(code)")
        #expect((d["message"] as? String)?.contains("九") == true && (d["message"] as? String)?.contains("数") == true)
        // In English the message is, the keys and the code are not.
        let en = try Self.object(Self.run(score + ["--format=json", "--lang", "en"], in: s.url.path).out)
        let e = try #require(Self.diagnostics(en).first { $0["row"] as? Int == 3 })
        #expect(e["code"] as? String == code && e["message"] as? String != d["message"] as? String)
    }

    @Test("usage errors with --format json: exit 64 and usage-error; without it, stdout stays empty")
    func usage() throws {
        let missing = Self.run(["score", "--format", "json"])
        #expect(missing.code == 64 && !missing.err.isEmpty)
        let o = try Self.object(missing.out)
        #expect(o["exitCode"] as? Int == 64 && Self.diagnostics(o).map { $0["code"] as? String } == ["usage-error"])
        #expect((Self.diagnostics(o).first?["message"] as? String)?.contains("--rules") == true)
        // An option the parser refuses, and a value of --format in Chinese.
        let bogus = try Self.object(Self.run(["compare", "--bogus", "--format", "JSON"]).out)
        #expect(bogus["exitCode"] as? Int == 64 && bogus["command"] as? String == "kaimen compare")
        #expect(Self.run(["score"]).out.isEmpty && Self.run(["score", "--format", "csv"]).out.isEmpty)
    }

    @Test("a session command's failure: the problem's code and file, as session status prints it on stderr")
    func sessionMissing() throws {
        let r = Self.run(["session", "status", "没有这个会话", "--format", "json"])
        #expect(r.code == 1)
        let d = Self.diagnostics(try Self.object(r.out))
        #expect(d.count >= 1 && d.allSatisfy { ($0["code"] as? String).flatMap(DiagnosticCode.init(rawValue:)) != nil }, "\(r.out)")
        #expect(r.err.contains("没有这个会话"))
    }

    @Test("the one encoder: a line and column, a whole file, a hint, the problems left out")
    func encoder() throws {
        var d = Diagnostic.error("json-syntax", Localized(zh: "缺少逗号", en: "a comma is missing"),
                                 at: SourceLocation(file: "r.jsonc", line: 3, column: 7), path: "standards[0]", hint: Localized(zh: "加上 `,`", en: "add `,`"))
        d.omitted = 0
        let o = try Self.object(d.json(.zh).rendered())
        #expect(o["line"] as? Int == 3 && o["column"] as? Int == 7 && o["row"] is NSNull && o["hint"] as? String == "加上 `,`")
        #expect(o["path"] as? String == "standards[0]" && o["message"] as? String == "缺少逗号" && o["omitted"] as? Int == 0)
        let whole = try Self.object(Diagnostic.error("output-locked", Localized(same: "x"), at: .whole("out")).json(.en).rendered())
        #expect(whole["file"] as? String == "out" && whole["line"] is NSNull && whole["hint"] is NSNull)
        let header = try Self.object(Diagnostic.error("missing-column", Localized(same: "x"),
                                                      at: SourceLocation(file: "u.csv", line: 1, column: 1, cell: .header(row: 1))).json(.en).rendered())
        #expect(header["row"] as? Int == 1 && header["columnLetter"] is NSNull)
    }

    @Test("stdout closed: said so, not blamed on the disk")
    func closedOutput() {
        let zh = CLI.outputFailed(SystemError(EBADF), arguments: ["score"])
        #expect(zh.contains("标准输出已关闭") && !zh.contains("腾出空间"))
        #expect(CLI.outputFailed(SystemError(EBADF), arguments: ["score", "--lang", "en"]).contains("standard output is closed"))
        #expect(CLI.outputFailed(SystemError(ENOSPC), arguments: ["score"]).contains("腾出空间"))
    }

    @Test("KAIMEN_LOCK_WAIT that is not seconds: refused with its name and value")
    func lockWaitValue() {
        #expect(OutputOptions.lockWaitProblem("abc")?.zh.contains("KAIMEN_LOCK_WAIT 的值 `abc` 不是秒数") == true)
        #expect(OutputOptions.lockWaitProblem("nan") != nil && OutputOptions.lockWaitProblem("") == nil && OutputOptions.lockWaitProblem(nil) == nil)
        #expect(OutputOptions.lockWaitProblem(" 1.5 ") == nil && OutputOptions.lockWaitSeconds(" 1.5 ") == 1.5)
    }

    /// `kaimen args…` as a child process, its standard output and error read.
    static func process(_ args: [String], environment: [String: String]) throws -> Run {
        let s = ScratchFolder(); defer { s.cleanUp() }
        let p = Process()
        p.executableURL = try JournalDurabilityTests.executable()
        p.arguments = args
        p.currentDirectoryURL = Fixtures.packageRoot
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = s.url.appendingPathComponent("out.txt"), err = s.url.appendingPathComponent("err.txt")
        for f in [out, err] { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, s.read("out.txt") ?? "", s.read("err.txt") ?? "")
    }

    static let sample = ["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                         "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv"]

    @Test("the output folder's lock held: exit 75, no ranking on stdout, only the failure object with --format json")
    func outputLocked() throws {
        let s = ScratchFolder(); defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("res")
        let lock = try OutputLock(for: OutputBatch.absolutePath(out), timeout: 0)
        defer { lock.release() }
        let json = try Self.process(Self.sample + ["--out", out.path, "--format", "json"], environment: ["KAIMEN_LOCK_WAIT": "0.2"])
        #expect(json.code == 75, "\(json.err)")
        let o = try Self.object(json.out)
        #expect(o["exitCode"] as? Int == 75 && Self.diagnostics(o).compactMap { $0["code"] as? String } == ["output-locked"], "\(json.out)")
        #expect(json.err.contains("另一个 kaimen 进程正在写入"))
        let table = try Self.process(Self.sample + ["--out", out.path], environment: ["KAIMEN_LOCK_WAIT": "0"])
        #expect(table.code == 75 && table.out.isEmpty, "\(table.out)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("a write that fails after scoring (a read-only parent): nothing but the failure object on stdout")
    func readOnlyParent() throws {
        guard getuid() != 0 else { return }  // root writes anywhere
        let s = ScratchFolder(); defer { chmod(s.url.path, 0o755); s.cleanUp() }
        chmod(s.url.path, 0o555)
        let r = Self.run(Self.sample + ["--out", s.url.appendingPathComponent("res").path, "--format", "json"])
        #expect(r.code == 1)
        let o = try Self.object(r.out)
        #expect(o["exitCode"] as? Int == 1 && o["errors"] as? Int == 1 && o["units"] == nil, "\(r.out)")
    }

    @Test("KAIMEN_LOCK_WAIT=abc: every command refuses it (64), naming the variable and the value")
    func lockWaitRefused() throws {
        let r = try Self.process(Self.sample + ["--format", "json"], environment: ["KAIMEN_LOCK_WAIT": "abc"])
        #expect(r.code == 64 && r.err.contains("KAIMEN_LOCK_WAIT") && r.err.contains("`abc`"), "\(r.err)")
        #expect(Self.diagnostics(try Self.object(r.out)).first?["code"] as? String == "usage-error")
    }

    @Test("session close --format json: the head hash, the sealed manifest's digest, counts and folder, whatever the language")
    func closeJSON() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterBothResolvingX02()
        let r = s.run("close", ["--by", "王秘书", "--format", "json", "--lang", "en"])
        #expect(r.code == .success, "\(r.err)")
        let o = try Self.object(r.out)
        // The journal's last line, read as JSON here; the manifest hashed by sha256sum.
        let journal = try String(contentsOf: s.dir.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        let last = try #require(journal.split(separator: "\n").last)
        let record = try #require(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(o["head"] as? String == record["hash"] as? String && o["record"] as? Int == record["seq"] as? Int)
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [s.dir.appendingPathComponent("results/manifest.json").path]
        let pipe = Pipe()
        sum.standardOutput = pipe
        try sum.run()
        let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        sum.waitUntilExit()
        #expect(o["manifest"] as? String == String(digest))
        #expect(o["results"] as? String == s.dir.appendingPathComponent("results").path && o["units"] as? Int == 9)
        #expect(o["uncountedSheets"] as? Int == 0 && o["acceptMissing"] is NSNull && o["version"] as? Int == 1)
        #expect((o["headHandwritten"] as? String)?.split(separator: " ").count == 4)
        // The sentences a person reads went to standard error.
        #expect(r.err.contains("journal head hash"))
    }
}
