import Foundation
import Testing
@testable import KaimenKit

/// Every hand-over of the ballots reader says why; `kaimen score --timings` prints it.
@Suite("Bulk hand-over: the bulk readers say why they leave a file to the checked readers")
struct BulkHandOverTests {
    typealias S = BulkBallotsReaderTests

    static let long = "representative,unit,standard,score\n"
    /// Two of the Xicheng sample's eight ballot standards read; the other six's columns after
    /// them, empty in every row (`ws`): a wide file has a column for every ballot standard.
    static let wide = "representative,unit,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot\n"
    static let ws = ",,,,,,"
    /// The wide header with the unit's name (单位名称) after the unit, and one row.
    static let wideNamed = "representative,unit,单位名称" + String(wide.dropFirst("representative,unit".count)) + "R01,X01,名称,3,1" + ws + "\n"

    @Test("each broken long-form or wide ballot gives its reason", arguments: [
        (long + "R01,X01,rights.ballot,3.5\nR99,X01,rights.ballot,3\n", BulkHandOver.unknownRepresentative),
        (long + "R01,X99,rights.ballot,3\n", .unknownUnit),
        (long + "R01,X01,nothing,3\n", .unknownStandard),
        (long + "R01,X01,rights.ballot,\n", .missingScore),
        (long + "R01,X01,rights.ballot,abc\n", .badNumber),
        (long + "R01,X01,rights.ballot,3e0\n", .badNumber),
        (long + "R01,X01,rights.ballot,-1\n", .scoreOutOfRange),
        (long + "R01,X01,rights.ballot,99\n", .scoreOutOfRange),
        (long + "R01,X01,rights.ballot,1.25\n", .offStep),
        (long + "R01,X01,rights.ballot,1.00005\n", .tooManyDecimals),
        (long + "R01,X01,rights.ballot,3\nR01,X01,rights.ballot,2\n", .duplicateBallot),
        (long + "R01,X01,rights.ballot,3\nR02,X02,publicity,1\nR01,X01,rights.ballot,2\n", .duplicateBallot),
        (long + "R03,X02,rights.ballot,3\nR03,X02,rights.ballot,2\n", .duplicateBallot),
        (long + "R01,X01,rights.ballot,3,4\n", .fieldCount),
        (long + "R01,X01,rights.ballot\n", .fieldCount),
        (long + "R01,X01,rights.ballot,3\rR02,X01,rights.ballot,3\n", .lineEnd),
        (long + "R01,X01,rights.ballot,\"3\"\n", .quotedCell),
        (long + "R01,X\u{1}01,rights.ballot,3\n", .notPlainText),
        // A column read by no one: checked to be plain text, and reported before a row that
        // ends too soon after it (what the reader met first), or one that is fine otherwise.
        ("representative,note,unit,standard,score\n" + "R01,a\u{1}b,X01,rights.ballot\n", .notPlainText),
        ("representative,note,unit,standard,score\n" + "R01,a\u{1}b,X01,rights.ballot,3\n", .notPlainText),
        ("representative,unit,standard,score,note\n" + "R01,X01,rights.ballot,3,a\u{1}b\n", .notPlainText),
        ("representative,unit,standard,score,note\n" + "R01,X01,rights.ballot,3\n", .fieldCount),
        // Text in it, where no typist's column is: the checked reader warns of it.
        ("representative,unit,standard,score,note\n" + "R01,X01,rights.ballot,3,\nR02,X01,rights.ballot,3,改为4分\n", .textInUnreadColumn),
        (long, .noBallots),
        (wide + "R01,X01,3,1.5\(ws)\nR99,X01,3,1\(ws)\n", .unknownRepresentative),
        (wide + "R01,X99,3,1\(ws)\n", .unknownUnit),
        (wide + "R01,X01,x,1\(ws)\n", .badNumber),
        (wide + "R01,X01,3,9\(ws)\n", .scoreOutOfRange),
        (wide + "R01,X01,3,1.3\(ws)\n", .offStep),
        (wide + "R01,X01,3,1\(ws)\nR01,X01,2,\(ws)\n", .duplicateBallot),
        (wide + "R01,X01,3,1,\(ws)\n", .fieldCount),
        (wide + "R01,X01,3\(ws)\n", .fieldCount),
        ("representative,unit,bogus\nR01,X01,3\n", .header),
        ("representative,standard,score\nR01,rights.ballot,3\n", .header),
        ("representative,unit,unit\nR01,X01,X01\n", .header),
        // The typist's name columns, which the checked reader checks against the ids.
        ("representative,姓名,unit,standard,score\nR01,顾尚礼,X01,rights.ballot,3\n", .header),
        (wideNamed, .header),
    ])
    func reasons(text: String, reason: BulkHandOver) {
        let bytes = Array(text.utf8)
        #expect(S.xicheng.tryRead(bytes) == reason, "\(text)")
        #expect(S.xicheng.tryRead(bytes, keepRepresentatives: true) == reason, "\(text)")
    }

    @Test("a UTF-16 file and a workbook are not CSV to the bulk reader")
    func notCSV() {
        #expect(S.xicheng.tryRead([0xFF, 0xFE] + Array("r\0".utf8)) == .notCSV)
        #expect(S.xicheng.tryRead([0x50, 0x4B, 0x03, 0x04, 0, 0]) == .notCSV)
    }

    @Test("every reason has a name of its own, its raw value, printed as is")
    func names() {
        let names = BulkHandOver.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        #expect(BulkHandOver.quotedCell.rawValue == "quotedCell")
        // Each said in words of its own, in both languages (`score`'s note without --timings).
        let notes = BulkHandOver.allCases.map { CommandMessages.handedOver($0, seconds: 1) }
        #expect(Set(notes.map(\.zh)).count == notes.count && Set(notes.map(\.en)).count == notes.count)
        #expect(zip(BulkHandOver.allCases, notes).allSatisfy { $1.zh.contains("（\($0.rawValue)）") && $1.en.contains("(\($0.rawValue))") })
        // "the fast readers met a units row they do not read themselves", not "it … itself" (a review).
        #expect(notes.allSatisfy { n in [" it does", " it can", " it could", "itself"].allSatisfy { !n.en.contains($0) } })
        #expect(CommandMessages.handedOver(.unitsRow, seconds: 1).en.contains("met a units row they do not read themselves"))
        // A value beyond a rule's bound: its own words since 0.29.7 (it was said as a units row).
        let impossible = CommandMessages.handedOver(.impossibleValue, seconds: 1)
        #expect(impossible.zh.hasPrefix("提示：快速读取器遇到不可能的指标值，比如满意度测评的参加人数多于总人数，或不能超过 100% 的比例超过了 100%（impossibleValue）"))
        #expect(impossible.en.hasPrefix("note: the fast readers met an impossible value, such as more survey respondents than people, or a ratio above 100% where a rule forbids that (impossibleValue)"))
    }
}

@Suite("Bulk hand-over: kaimen score --timings prints the reason")
struct BulkHandOverTimingsTests {
    /// The sample's ballots, and the same with one score in double quotes.
    static let sample = String(decoding: BulkFixtures.sample("xicheng-2014/ballots.csv"), as: UTF8.self)
    static let quoted = sample.replacingOccurrences(of: "R01,X01,rights.ballot,3.5", with: "R01,X01,rights.ballot,\"3.5\"")

    /// `command` (its words before the inputs) on the Xicheng sample with `ballots` for its
    /// ballots file, asked to use the byte readers; it must succeed. Its stdout and stderr.
    func run(_ command: [String], ballots: String, _ options: [String]) throws -> (out: String, err: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-handover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ballots.csv")
        try ballots.write(to: file, atomically: true, encoding: .utf8)
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(command + ["--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                      "--roster", "samples/xicheng-2014/roster.csv", "--ballots", file.path, "--engine", "fast"] + options,
                           console: console)
        #expect(code == .success)
        return (console.stdout, console.stderr)
    }

    func score(ballots: String, options: [String] = ["--quiet", "--timings"]) throws -> String {
        try run(["score"], ballots: ballots, ["--format", "none"] + options).err
    }

    /// Without `--timings` a hand-over is said once in words (a large input, or `--engine fast`
    /// asked for the byte readers): what they met and where to read how to avoid it.
    @Test("without --timings, a note says in words what the fast readers met; --quiet leaves it out")
    func note() throws {
        let (sample, quoted) = (Self.sample, Self.quoted)
        // After the run's own notes (the sample's recusal, vetoes, …), as its last line.
        let zh = try score(ballots: quoted, options: []).split(separator: "\n")
        #expect(zh.last?.hasPrefix("提示：快速读取器遇到带双引号的单元格（quotedCell），改由逐项检查的读取器读取，共用 ") == true
                && zh.last?.hasSuffix("秒；改掉这一处，大的输入可快得多，见 docs/bulk.md") == true, "\(zh.last ?? "")")
        #expect(zh.filter { $0.contains("快速读取器") }.count == 1)
        let en = try score(ballots: quoted, options: ["--lang", "en"]).split(separator: "\n")
        #expect(en.last?.hasPrefix("note: the fast readers met a cell in double quotes (quotedCell), so the checked readers read the input") == true,
                "\(en.last ?? "")")
        #expect(try score(ballots: quoted, options: ["--quiet"]).isEmpty)
        #expect(!(try score(ballots: quoted)).contains("快速读取器"))
        #expect(!(try score(ballots: sample, options: [])).contains("快速读取器"))
    }

    /// `explain` of a large input reads it as `score` does, and says the same last line when
    /// the byte readers handed it over (since 0.23.4: it waited as long without a word).
    @Test("explain says the same note after the explanation when the fast readers handed the input over, and none otherwise")
    func explainNote() throws {
        let (sample, quoted) = (Self.sample, Self.quoted)
        func explain(_ ballots: String, _ options: [String] = []) throws -> (out: String, err: String) {
            try run(["explain", "X04"], ballots: ballots, options)
        }
        let handed = try explain(quoted), plain = try explain(sample)
        #expect(handed.out == plain.out && handed.out.contains("X04"))
        let last = handed.err.split(separator: "\n").last ?? ""
        #expect(last.hasPrefix("提示：快速读取器遇到带双引号的单元格（quotedCell），改由逐项检查的读取器读取，共用 ")
                && last.hasSuffix("秒；改掉这一处，大的输入可快得多，见 docs/bulk.md"), "\(handed.err)")
        #expect(!plain.err.contains("快速读取器"))
        #expect(try explain(quoted, ["--lang", "en"]).err.contains("note: the fast readers met a cell in double quotes (quotedCell)"))
    }

    @Test("a quoted score: scored by the checked engine, and `handover<TAB>quotedCell`")
    func quoted() throws {
        let (sample, quoted) = (Self.sample, Self.quoted)
        #expect(quoted != sample)
        let err = try score(ballots: quoted)
        #expect(err.contains("engine\tchecked\n"))
        #expect(err.contains("handover\tquotedCell\n"))
        // The sample as it is: read by the bulk path, no hand-over line.
        let clean = try score(ballots: sample)
        #expect(clean.contains("engine\tfast\n") && !clean.contains("handover"))
    }
}
