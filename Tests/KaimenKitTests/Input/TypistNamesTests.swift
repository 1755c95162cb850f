import Foundation
import Testing
@testable import KaimenKit

/// `session enter` checked the entry workbook's name columns against each row's ids since
/// 0.29.0; `score` given the same workbook scored a row whose id was typed over as the id said.
/// The names come from the sample's roster and units files, read here with a plain split.
@Suite("A ballots file's 姓名 and 单位名称 columns, checked against the row's ids by every command")
struct TypistNamesTests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")

    /// `id → name` of a sample file (its first two columns; no quoted cells in them).
    static func names(_ file: String) throws -> [String: String] {
        let text = try String(contentsOf: sample.appendingPathComponent(file), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false)
            out[String(c[0])] = String(c[1])
        }
        return out
    }

    /// The sample's typed sheets (`typed-a.csv`) with 姓名 after 代表编号 and 单位名称 after
    /// 单位编号, as the entry workbook has them; `change` may alter a row's two names.
    static func typed(_ change: (_ rep: String, _ unit: String, _ names: inout (rep: String, unit: String)) -> Void = { _, _, _ in }) throws -> String {
        let reps = try names("roster.csv"), units = try names("units.csv")
        let text = try String(contentsOf: sample.appendingPathComponent("typed-a.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        lines[0] = lines[0].replacingOccurrences(of: "代表编号,单位编号,", with: "代表编号,姓名,单位编号,单位名称,")
        for i in lines.indices.dropFirst() {
            var c = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var n = (rep: reps[c[0]]!, unit: units[c[1]]!)
            change(c[0], c[1], &n)
            c.insert(n.unit, at: 2)
            c.insert(n.rep, at: 1)
            lines[i] = c.joined(separator: ",")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func score(_ ballots: String, _ extra: [String] = []) throws -> (code: ExitCode, out: String, err: String) {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        let file = folder.url.appendingPathComponent("typed.csv")
        try Data(ballots.utf8).write(to: file)
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                            "--roster", "samples/xicheng-2014/roster.csv", "--ballots", file.path] + extra, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("the names as the roster and units files give them: scored as without them")
    func fitting() throws {
        let with = try score(try Self.typed())
        #expect(with.code == .success, "\(with.err)")
        let without = try score(try String(contentsOf: Self.sample.appendingPathComponent("typed-a.csv"), encoding: .utf8))
        #expect(with.out == without.out)
    }

    @Test("score: a row whose 姓名 is another representative's is an error at the cell, naming whose it is; nothing is scored",
          arguments: [[], ["--engine", "fast"], ["--engine", "exact"]])
    func representativeTypedOver(engine: [String]) throws {
        // R03's row for X01 carries R02's name: R03 typed over R02's row, or the other way round.
        let r = try score(try Self.typed { rep, unit, n in if rep == "R03" && unit == "X01" { n.rep = "王秀兰" } }, engine)
        #expect(r.code == .failure)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("typed.csv 第 4 行 B 列（姓名）：错误：代表编号 `R03` 是 李建国，这一行的姓名却写着 `王秀兰`（R02 的姓名）：编号和姓名有一处录错了；"
                               + "核对纸质评分表上是哪位代表：若是 R02 的，把这一行的代表编号改为 `R02`；若编号没错，把姓名改回 李建国（或清空这一格）；改好后重新运行"), "\(r.err)")
        #expect(r.err.components(separatedBy: "错误：").count == 2, "\(r.err)")
    }

    @Test("score: a row whose 单位名称 is another unit's is an error, in English too; an empty name cell is not checked")
    func unitTypedOver() throws {
        let r = try score(try Self.typed { rep, unit, n in
            if rep == "R01" && unit == "X02" { n.unit = "北京西城华宸建设集团有限公司工会" }
            if rep == "R02" { n.rep = ""; n.unit = "" }
        }, ["--lang", "en"])
        #expect(r.code == .failure)
        #expect(r.err.contains("error: the unit id `X02` is 西城区德胜商贸集团有限公司工会, but this row's unit name reads `北京西城华宸建设集团有限公司工会` (the unit name of X01): "
                               + "the id or the name was typed wrong; check which unit the paper sheet is for: if it is X01's, change this row's unit id to `X01`; "
                               + "if the id is right, change the unit name back to 西城区德胜商贸集团有限公司工会 (or empty the cell); then run the command again"), "\(r.err)")
        #expect(r.err.components(separatedBy: "error:").count == 2, "\(r.err)")
    }

    /// A papers review: a representative named `=cmd|' /C calc'!A0` is written `'=cmd|…` by
    /// the entry template (the CSV formula guard), and the typed file came back refused.
    @Test("a name the entry template wrote with the formula guard `'` fits its id")
    func formulaGuard() throws {
        let names = TypistNames(units: [], representatives: [Representative(id: "R02", name: "=cmd|' /C calc'!A0", group: "一组", units: [], role: "", location: .whole("roster.csv"))])
        let rep = names.representatives[0], at = SourceLocation(file: "typed.csv", line: 3, column: 2)
        #expect(names.representativeName("'=cmd|' /C calc'!A0", rep: rep, at: at, path: "姓名") == nil)
        #expect(names.representativeName("=cmd|' /C calc'!A0", rep: rep, at: at, path: "姓名") == nil)
        #expect(names.representativeName("''=cmd|' /C calc'!A0", rep: rep, at: at, path: "姓名")?.code == "sheet-name-mismatch")
        let plain = TypistNames(units: [], representatives: [Representative(id: "R01", name: "顾尚礼", group: "一组", units: [], role: "", location: .whole("roster.csv"))])
        #expect(plain.representativeName("'顾尚礼", rep: plain.representatives[0], at: at, path: "姓名")?.code == "sheet-name-mismatch")
    }

    /// A review: a roster without names made every filled 姓名 cell an error, "R01 是 ，…".
    @Test("an id without a name (a roster without names) has nothing to check its 姓名 cell against")
    func nameless() {
        let names = TypistNames(units: [], representatives: [Representative(id: "R01", name: "", group: "一组", units: [], role: "", location: .whole("roster.csv"))])
        #expect(names.representativeName("顾尚礼", rep: names.representatives[0], at: .whole("typed.csv"), path: "姓名") == nil)
    }

    @Test("whose name a cell holds is found by the name, among several with it")
    func whose() throws {
        func rep(_ id: String, _ name: String) -> Representative { Representative(id: id, name: name, group: "一组", units: [], role: "", location: .whole("roster.csv")) }
        let names = TypistNames(units: [], representatives: [rep("R01", "顾尚礼"), rep("R02", "王秀兰"), rep("R03", "王 秀兰")])
        let d = try #require(names.representativeName("王秀兰", rep: names.representatives[0], at: .whole("typed.csv"), path: "姓名"))
        #expect(d.text.zh.contains("（R02、R03 的姓名）"), "\(d.text.zh)")
    }
}
