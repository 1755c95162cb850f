import Foundation
import Testing
@testable import KaimenKit

@Suite("The same problem in many cells is reported once, with the count")
struct RepeatedProblemsTests {
    func run(_ args: [String]) -> (code: ExitCode, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stderr)
    }

    func withBallots(_ edit: (String) -> String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-repeated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/dongcheng-2019/ballots-wide.csv"), encoding: .utf8)
        let file = dir.appendingPathComponent("ballots.csv")
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        try body(file.path)
    }

    func score(_ ballots: String, _ lang: String) -> (code: ExitCode, err: String) {
        run(["score", "--rules", "rules/dongcheng-2019.jsonc", "--units", "samples/dongcheng-2019/units.csv",
             "--roster", "samples/dongcheng-2019/roster.csv", "--ballots", ballots, "--lang", lang])
    }

    /// Since 0.23.0 a wide row's unknown id is said once for the row, with no count of the row's
    /// score cells ("同一行另有 7 个单元格相同" read as seven cells to mend; a secretary's test).
    @Test("an unknown unit in a wide row: one line, not 8 lines, and no count of the row's cells")
    func wideRow() throws {
        // Row 2 of the wide file scores D01 on the 8 ballot standards; it now names D99.
        try withBallots({ $0.replacingOccurrences(of: "R01,D01,", with: "R01,D99,") }) { path in
            let en = score(path, "en")
            #expect(en.code == .failure)
            let lines = en.err.split(separator: "\n").filter { $0.contains("unknown") || $0.contains("not in the units file") }
            #expect(lines.count == 1, "\(en.err)")
            #expect(lines.first?.contains("ballots.csv row 2, column B (unit): error: ballot for unit `D99`, which is not in the units file") == true)
            #expect(lines.first?.contains("more cell") == false, "\(lines)")
            #expect(en.err.hasSuffix("1 error; nothing was scored\n"))
            let zh = score(path, "zh")
            #expect(zh.err.contains("ballots.csv 第 2 行 B 列（unit）：错误：选票打分的单位 `D99` 不在单位文件里") && !zh.err.contains("同一行另有"), "\(zh.err)")
            #expect(zh.err.hasSuffix("1 个错误；未计分\n"))
        }
    }

    @Test("an unknown representative on several rows: one line listing the rows")
    func severalRows() throws {
        // R01 casts the first row of ballots for every unit; renamed R0l, every such row is unknown.
        try withBallots({ $0.replacingOccurrences(of: "\nR01,", with: "\nR0l,") }) { path in
            let en = score(path, "en")
            #expect(en.code == .failure)
            let lines = en.err.split(separator: "\n").filter { $0.contains("`R0l`") }
            #expect(lines.count == 1, "\(en.err)")
            let n = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\nR0l,").count - 1
            #expect(n > 2)
            // Each row of the wide file holds 8 ballots: the row is reported once, the other rows
            // counted and listed, the reported row not among them (a hostile test found it first in the list).
            #expect(lines.first?.contains("(and \(n - 1) more cells: rows ") == true, "\(lines)")
            let zh = score(path, "zh").err.split(separator: "\n").first { $0.contains("`R0l`") }.map(String.init) ?? ""
            let row = try #require(zh.firstMatch(of: /第 (\d+) 行/)?.1)
            #expect(zh.contains("（同样的问题另有 \(n - 1) 处：第 ") && !zh.contains("在本行") && !zh.contains("：第 \(row)、"), "\(zh)")
            #expect(lines.first?.contains("did you mean `R01`?") == true)
        }
    }

    @Test("problems that differ are not merged")
    func distinct() {
        let a = Diagnostic.error(.unknownUnit, Localized(zh: "甲", en: "a"), at: SourceLocation(file: "f.csv", line: 2, column: 1))
        let b = Diagnostic.error(.unknownUnit, Localized(zh: "乙", en: "b"), at: SourceLocation(file: "f.csv", line: 3, column: 1))
        #expect(RepeatedProblems.merged([a, b, a]).map(\.message) == ["a (and 1 more cell in the same row)", "b"])
    }
}

@Suite("A wide-ballots message names the standard")
struct WideBallotMessagesTests {
    @Test("a bad score in a wide row names the standard of its column, in both languages")
    func namesStandard() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-wide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/dongcheng-2019/ballots-wide.csv"), encoding: .utf8)
        // Row 2: R01 scores D01; its third score (`safety.ballot`, column E) becomes text.
        let file = dir.appendingPathComponent("ballots.csv")
        try text.replacingOccurrences(of: "R01,D01,4,0,1.5,", with: "R01,D01,4,0,好,").write(to: file, atomically: true, encoding: .utf8)
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        _ = CLI.run(["score", "--rules", "rules/dongcheng-2019.jsonc", "--units", "samples/dongcheng-2019/units.csv",
                     "--roster", "samples/dongcheng-2019/roster.csv", "--ballots", file.path], console: console)
        #expect(console.stderr.contains("ballots.csv 第 2 行 E 列（safety.ballot）：错误：`R01` 给 `D01` 在 `safety.ballot` 上的分数 `好` 不是数字"), "\(console.stderr)")
        let en = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        _ = CLI.run(["score", "--rules", "rules/dongcheng-2019.jsonc", "--units", "samples/dongcheng-2019/units.csv",
                     "--roster", "samples/dongcheng-2019/roster.csv", "--ballots", file.path, "--lang", "en"], console: en)
        #expect(en.stderr.contains("ballots.csv row 2, column E (safety.ballot): error: score `好` (by `R01` for `D01` on `safety.ballot`) is not a number"), "\(en.stderr)")
    }
}

@Suite("Where a problem is: a CSV cell's row and column stand alone; a rules path or an option is tagged")
struct DiagnosticPlaceTests {
    @Test("a path after a CSV cell is dropped, even when it names the field by its key; an option reads 选项")
    func tags() {
        let cell = SourceLocation(file: "ballots.csv", line: 2, column: 9, cell: CellPosition(row: 2, column: 4, header: "safety.ballot"))  // column 4 from 0: E
        let d = Diagnostic.error(.invalidScore, Localized(zh: "分数 `好` 不是数字", en: "score `好` is not a number"), at: cell, path: "score")
        #expect(d.rendered(.zh) == "ballots.csv 第 2 行 E 列（safety.ballot）：错误：分数 `好` 不是数字")
        #expect(d.rendered(.en) == "ballots.csv row 2, column E (safety.ballot): error: score `好` is not a number")
        let rules = Diagnostic.error(.invalidValue, Localized(zh: "不能为空", en: "must not be empty"), at: SourceLocation(file: "r.jsonc", line: 3, column: 12), path: "title")
        #expect(rules.rendered(.zh) == "r.jsonc:3:12: 错误：不能为空 [位置 title]")
        let option = Diagnostic.error(.missingReason, Localized(zh: "须写明理由", en: "a reason is required"), path: "--reason")
        #expect(option.rendered(.zh) == "错误：须写明理由（选项 --reason）" && option.rendered(.en) == "error: a reason is required [option --reason]")
    }
}
