import Foundation
import Testing
@testable import KaimenKit

/// Three messages a hostile test of the readers found unhelpful in session 41, the same by
/// both engines (the byte readers hand such files to the checked ones): an empty id cell in a
/// ballot row was "ballot by ``, who is not on the roster"; an id the units file (or the
/// roster) wrote full-width, `Ｘ02`, left every ballot for `X02` unknown with no hint; and a
/// metric's column repeated was also "not a metric of these rules … did you mean" itself.
@Suite("Ballot id cells: empty, or written full-width in the other file; a metric column twice")
struct HostileIDCellTests {
    /// The Xicheng sample copied into `s`, `change` applied to the named file's lines.
    static func sample(in s: ScratchFolder, _ file: String, change: (inout [String]) -> Void) throws -> [String] {
        for name in ["units.csv", "roster.csv", "ballots.csv"] {
            let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/\(name)"), encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if name == file { change(&lines) }
            try Data(lines.joined(separator: "\n").utf8).write(to: s.url.appendingPathComponent(name))
        }
        let folder = s.url.path
        return ["score", "--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path, "--units", "\(folder)/units.csv",
                "--roster", "\(folder)/roster.csv", "--ballots", "\(folder)/ballots.csv", "--format", "none"]
    }

    /// Runs `args` with either engine and expects one error whose text holds each of `zh`, and the same in English.
    static func expect(_ args: [String], zh: [String], en: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for engine in ["fast", "exact"] {
            for (lang, texts) in [("zh", zh), ("en", en)] {
                let r = EndToEndTests.run(args + ["--engine", engine, "--lang", lang])
                #expect(r.code == .failure, sourceLocation: sourceLocation)
                for text in texts { #expect(r.err.contains(text), "\(engine) \(lang): \(r.err)", sourceLocation: sourceLocation) }
            }
        }
    }

    @Test("an empty representative, unit or standard cell says the row lacks it, at its cell", arguments: [
        (0, "A 列（representative）：错误：这一行没有填投票代表的编号", "column A (representative): error: this row has no representative id"),
        (1, "B 列（unit）：错误：这一行没有填被打分单位的编号", "column B (unit): error: this row has no unit id"),
        (2, "C 列（standard）：错误：这一行没有填评分标准", "column C (standard): error: this row has no standard"),
    ])
    func emptyCell(column: Int, zh: String, en: String) throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let args = try Self.sample(in: s, "ballots.csv") { lines in
            var cells = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[column] = ""
            lines[5] = cells.joined(separator: ",")
        }
        Self.expect(args, zh: ["ballots.csv 第 6 行 " + zh, "把它填上；若这一行不是选票，就删掉这一行"],
                    en: ["ballots.csv row 6, " + en, "fill it in; if the row is not a ballot, delete the row"])
        let r = EndToEndTests.run(args)
        #expect(!r.err.contains("``"), "\(r.err)")
    }

    /// One id written with a full-width first letter in the units file (`Ｘ02`) or the roster
    /// (`Ｒ05`): the file, the id, that letter, and the texts the ballots' error must hold.
    struct WideID: Sendable, CustomTestStringConvertible {
        var file: String, id: String, wide: String, zh: [String], en: [String]
        var testDescription: String { "\(file) \(id)" }
    }

    @Test("an id the units file or the roster writes full-width: the ballots' unknown id says how it is written there", arguments: [
        WideID(file: "units.csv", id: "X02", wide: "Ｘ", zh: ["选票打分的单位 `X02` 不在单位文件里", "单位文件里这个编号写作 `Ｘ02`，用了全角字符：编号要用半角字符，两处都写 `X02`"],
               en: ["ballot for unit `X02`, which is not in the units file", "the units file writes this id `Ｘ02`, in full-width characters: ids are written in half-width characters, `X02` in both files"]),
        WideID(file: "roster.csv", id: "R05", wide: "Ｒ", zh: ["投票人 `R05` 不在代表名单上", "代表名单里这个编号写作 `Ｒ05`，用了全角字符：编号要用半角字符，两处都写 `R05`"],
               en: ["ballot by `R05`, who is not on the roster", "the roster writes this id `Ｒ05`, in full-width characters"]),
    ])
    func idWrittenWide(_ c: WideID) throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let args = try Self.sample(in: s, c.file) { lines in
            let i = try! #require(lines.firstIndex { $0.hasPrefix(c.id + ",") })
            lines[i] = c.wide + lines[i].dropFirst()
        }
        Self.expect(args, zh: c.zh, en: c.en)
    }

    /// From the review: with every id full-width, no ballot's id was known, and the file was
    /// taken for another assessment's ballots, the hint never shown.
    @Test("every id the units file or the roster writes full-width: the hint, not 'another assessment's ballots'", arguments: ["units.csv", "roster.csv"])
    func everyIDWrittenWide(file: String) throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let (letter, wide) = file == "units.csv" ? ("X", "Ｘ") : ("R", "Ｒ")
        let args = try Self.sample(in: s, file) { lines in
            for i in lines.indices.dropFirst() where lines[i].hasPrefix(letter) { lines[i] = wide + lines[i].dropFirst() }
        }
        let r = EndToEndTests.run(args)
        #expect(r.code == .failure)
        #expect(r.err.contains("用了全角字符：编号要用半角字符，两处都写 `\(letter)0"), "\(r.err)")
        #expect(!r.err.contains("另一场考核"), "\(r.err)")
    }

    @Test("a metric's column twice: the duplicate header is the one message, not also 'not a metric, did you mean' itself")
    func metricColumnTwice() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let args = try Self.sample(in: s, "units.csv") { lines in
            for i in lines.indices where !lines[i].isEmpty {
                lines[i] += "," + lines[i].split(separator: ",", omittingEmptySubsequences: false)[6]
            }
        }
        for lang in ["zh", "en"] {
            let r = EndToEndTests.run(args + ["--lang", lang])
            #expect(r.code == .failure)
            #expect(r.err.contains(lang == "zh" ? "错误：表头里 `members` 列出现了两次" : "error: column `members` appears twice in the header"), "\(r.err)")
            #expect(!r.err.contains("unknown-column") && !r.err.contains(lang == "zh" ? "不是这套规则的指标" : "is not a metric"), "\(r.err)")
        }
    }
}
