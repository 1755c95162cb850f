import Foundation
import Testing
@testable import KaimenKit

/// `kaimen sheets DIR --out …` (since 0.29.3): the sheets of a session printed from its own input
/// copies, so that their sheet ids (表号) are those `session enter` checks. A secretary's trial
/// found no way to give the folder (`多余的参数…；sheets 只接受选项`), and sheets printed from
/// the original files, with the schedule edited since `init`, drew 表号 warnings at entry.
@Suite("kaimen sheets of a session folder")
struct SheetsFromSessionTests {
    /// Each page of `ballot-sheets.html` (one a sheet) as its sheet id, representative and unit.
    static func pages(_ out: URL) throws -> [(id: String, rep: String, unit: String)] {
        let html = try String(contentsOf: out.appendingPathComponent("ballot-sheets.html"), encoding: .utf8)
        return html.components(separatedBy: "<section class=\"page ballot").dropFirst().compactMap { page in
            guard let id = page.firstMatch(of: /表号 ([0-9]+-[0-9])/)?.1,
                  let rep = page.firstMatch(of: /（(R[0-9]+)）/)?.1,
                  let unitLine = page.range(of: "被评单位"),
                  let unit = page[unitLine.upperBound...].firstMatch(of: #/(X[0-9]+)\s/#)?.1 else { return nil }
            return (String(id), String(rep), String(unit))
        }
    }

    /// The sample's schedule with X01's and X02's reports swapped: the session's copy then
    /// prints other sheet ids than the sample's own schedule file.
    static func swappedSchedule() throws -> URL {
        let lines = try String(contentsOf: SampleSession.sample.appendingPathComponent("schedule.csv"), encoding: .utf8).components(separatedBy: "\n")
        let swapped = [lines[0], lines[2].replacingOccurrences(of: "10:00", with: "09:00"), lines[1].replacingOccurrences(of: "09:00", with: "10:00")] + lines.dropFirst(3)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-schedule-\(UUID().uuidString).csv")
        try swapped.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("the sheet ids printed from a session folder are those session enter expects, row by row; the original files' are not")
    func idsAsEnterExpects() throws {
        let schedule = try Self.swappedSchedule(); defer { try? FileManager.default.removeItem(at: schedule) }
        let s = try SampleSession(scheduleFile: schedule.path); defer { s.remove() }
        let out = s.files.appendingPathComponent("评分表打印")
        let r = SampleSession.run(["sheets", s.path, "--out", out.path])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("评分表按会话 `\(s.path)` 的输入副本（\(s.path)/inputs/）打印，表号与 `kaimen session enter` 核对的一致"), "\(r.err)")
        // What `enter` checks each typed row's 表号 against (`TypedSheetChecks`), from the session's copies.
        let folder = try SessionFolder.open(s.dir, writable: false)
        let checks = TypedSheetChecks(setup: folder.setup)
        func mismatches(_ pages: [(id: String, rep: String, unit: String)]) -> Int {
            pages.filter { p in
                checks.sheetID(p.id, row: .init(representative: p.rep, unit: p.unit),
                               at: SourceLocation(file: "typed.csv", line: 2, column: 1), path: "表号") != nil
            }.count
        }
        let printed = try Self.pages(out)
        #expect(printed.count == 61)
        #expect(mismatches(printed) == 0)
        #expect(printed.first.map { "\($0.id) \($0.rep) \($0.unit)" } == "0001-8 R01 X02")
        // `--session DIR` prints the same files.
        let other = s.files.appendingPathComponent("again")
        #expect(SampleSession.run(["sheets", "--session", s.path, "--out", other.path]).code == .success)
        #expect(try Self.pages(out).map(\.id) == Self.pages(other).map(\.id))
        // Printed from the sample's own schedule file, X01's and X02's sheets of 第一组 carry each
        // other's ids: the warnings the secretary met.
        let files = s.files.appendingPathComponent("from-files")
        let fromFiles = SampleSession.run(["sheets"] + SheetsCommandTests.xicheng + ["--schedule", "samples/xicheng-2014/schedule.csv", "--out", files.path])
        #expect(fromFiles.code == .success, "\(fromFiles.err)")
        #expect(mismatches(try Self.pages(files)) == 14)
    }

    @Test("a session folder with input options, a file for the folder, a stray argument or no --out: usage errors, nothing written", arguments: [
        (["--rules", "rules/xicheng-2014.jsonc"], "错误：会话文件夹自带输入文件：去掉 `--rules`；评分表按会话的输入副本（DIR/inputs/）打印，表号才与 `kaimen session enter` 核对的一致"),
        (["--roster", "r.csv", "--schedule", "s.csv"], "错误：会话文件夹自带输入文件：去掉 `--roster`, `--schedule`；"),
        (["另一个"], "错误：多余的参数 `另一个`"),
        ([], "错误：缺少 `--out`"),
    ])
    func refused(_ extra: [String], _ said: String) throws {
        let s = try SampleSession(); defer { s.remove() }
        let out = s.files.appendingPathComponent("out")
        let r = SampleSession.run(["sheets", s.path] + (extra.isEmpty ? [] : ["--out", out.path] + extra))
        #expect(r.code == .usage && r.err.contains(said), "\(r.err)")
        #expect(r.err.contains("（见 `kaimen sheets --help`）"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let file = SampleSession.run(["sheets", "samples/xicheng-2014/units.csv", "--out", out.path])
        #expect(file.code == .usage && file.err.contains("错误：`samples/xicheng-2014/units.csv` 是一个文件，不是会话文件夹：sheets 后面只能写会话文件夹；输入文件用 --rules、--units、--roster 和 --schedule 给出"), "\(file.err)")
        let twice = SampleSession.run(["sheets", s.path, "--session", s.path, "--out", out.path])
        #expect(twice.code == .usage && twice.err.contains("多余的参数"), "\(twice.err)")
    }

    @Test("a folder that is no session: said as the session commands say it, exit 1")
    func notASession() throws {
        let r = SampleSession.run(["sheets", "samples", "--out", "/tmp/kaimen-never-\(UUID().uuidString)"])
        #expect(r.code == .failure && r.err.contains("`samples` 不是打分会话文件夹"), "\(r.err)")
    }
}
