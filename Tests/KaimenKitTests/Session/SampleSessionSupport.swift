import Foundation
import Testing
@testable import KaimenKit

/// A session of the bundled Xicheng sample in a fresh temporary folder, driven in-process.
struct SampleSession {
    static let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
    let dir: URL
    var path: String { dir.path }

    /// Creates the session (`init`) with the sample's schedule, or the one at `scheduleFile`.
    init(singleEntry: Bool = false, schedule: Bool = true, scheduleFile: String = "samples/xicheng-2014/schedule.csv") throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-session-\(UUID().uuidString)")
        var args = ["session", "init", dir.path, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                    "--roster", "samples/xicheng-2014/roster.csv", "--by", "王秘书"]
        if schedule { args += ["--schedule", scheduleFile] }
        if singleEntry { args.append("--single-entry") }
        let (code, _, err) = SampleSession.run(args)
        try #require(code == .success, "init failed: \(err)")
    }

    /// A session a test made itself at `dir` (its own `init`).
    init(existing dir: URL) { self.dir = dir }

    /// Runs the CLI in-process from the package root.
    @discardableResult
    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @discardableResult
    func run(_ command: String, _ rest: [String]) -> (code: ExitCode, out: String, err: String) {
        SampleSession.run(["session", command, dir.path] + rest)
    }

    /// A folder beside the session's for the files a test types, removed with it.
    var files: URL { dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-files") }

    /// Writes a typed file into the session's temporary area and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let url = files.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// R05's X02 sheet entered by 甲 from typed-a.csv and by 乙 from typed-b.csv, which differ on
    /// rights.ballot (4 / 3): a sheet in conflict.
    func enterConflictingX02() throws {
        let a = try file("a.csv", SampleSession.typed("a") { $0.hasPrefix("R05,X02,") })
        let b = try file("b.csv", SampleSession.typed("b") { $0.hasPrefix("R05,X02,") })
        run("enter", [a, "--by", "甲"]); run("enter", [b, "--by", "乙", "--identical"])
    }

    /// Both typed files entered (by 甲 and 乙) and R05's X02 conflict resolved: every sheet
    /// confirmed, the session ready to close. Returns typed-a.csv's copy.
    @discardableResult
    func enterBothResolvingX02() throws -> String {
        let a = try file("a.csv", SampleSession.typed("a")), b = try file("b.csv", SampleSession.typed("b"))
        run("enter", [a, "--by", "甲"]); run("enter", [b, "--by", "乙"])
        run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对原表", "--by", "王秘书"])
        return a
    }

    /// Both typed files entered (by 甲 and 乙), R05's X02 conflict resolved, the session closed
    /// and X04's appeal recorded: a reopened round. Returns typed-a.csv's copy.
    @discardableResult
    func closeThenAppealX04() throws -> String {
        let a = try enterBothResolvingX02()
        try #require(run("close", ["--by", "王秘书"]).code == .success)
        try #require(run("appeal", ["--unit", "X04", "--reason", "申诉", "--by", "王秘书"]).code == .success)
        return a
    }

    /// The sample's typed sheets (header + rows) with only the rows for which `keep` holds.
    static func typed(_ which: String = "a", keep: (String) -> Bool = { _ in true }) throws -> String {
        let text = try String(contentsOf: sample.appendingPathComponent("typed-\(which).csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        return ([header] + lines.filter(keep)).joined(separator: "\n") + "\n"
    }

    var journal: String { (try? String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8)) ?? "" }
    var journalLines: [String] { journal.split(separator: "\n").map(String.init) }

    func state() throws -> SessionState { try SessionFolder.open(dir, writable: false).state }

    /// Removes the session's folder and the files the test typed beside it.
    func remove() {
        try? FileManager.default.removeItem(at: dir)
        try? FileManager.default.removeItem(at: files)
    }
}
