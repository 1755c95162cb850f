import Foundation
import Testing
@testable import KaimenKit

/// `explain`, `compare` and `sensitivity` said nothing of their inputs' warnings, which `score`
/// and `panel` print: Dongcheng's wide ballots leave R18's audit.ballot for D06 blank (row 45,
/// column J), which takes a ballot from D06, and none of the three said so.
@Suite("explain, compare and sensitivity print the run's warnings as score does")
struct RunWarningsTests {
    static let dongcheng = EndToEndTests.sample("dongcheng-2019", rules: "dongcheng-2019", ballots: "ballots-wide.csv")
    /// The same files without the rules.
    static let data = Array(dongcheng.dropFirst(2))
    static let blankZH = "samples/dongcheng-2019/ballots-wide.csv: 警告：空白单元格 1 个：第 45 行（R18 给 D06）J 列（audit.ballot）"
    static let blankEN = "samples/dongcheng-2019/ballots-wide.csv: warning: 1 blank score cell: row 45 (R18 for D06) column J (audit.ballot)"

    /// Standard error from the blank cell's warning on: what `score` prints after its table.
    static func warnings(_ err: String) -> Substring? {
        err.range(of: "samples/dongcheng-2019/ballots-wide.csv: ").map { err[$0.lowerBound...] }
    }

    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) { EndToEndTests.run(args) }

    @Test("score's warnings, the ones the others must print: the blank cell, then five 提示 lines")
    func scoreSaysThem() throws {
        let r = Self.run(["score", "--format", "none"] + Self.dongcheng)
        #expect(r.code == .success)
        let w = try #require(Self.warnings(r.err), "\(r.err)")
        #expect(w.hasPrefix(Self.blankZH))
        #expect(w.contains("\n提示（5 条）：\n"))
        #expect(w.contains("  名额限制：优秀不超过 20%（1 个），D07 东华门街道总工会 由优秀调为良好\n"))
    }

    @Test("explain prints them on standard error, after the derivation, in the language asked")
    func explain() throws {
        let score = try #require(Self.warnings(Self.run(["score", "--format", "none"] + Self.dongcheng).err))
        let r = Self.run(["explain", "D06"] + Self.dongcheng)
        #expect(r.code == .success, "\(r.err)")
        #expect(Self.warnings(r.err) == score, "\(r.err)")
        #expect(!r.out.contains("空白单元格") && !r.out.contains("提示（"))
        let en = Self.run(["explain", "D06", "--lang", "en"] + Self.dongcheng)
        #expect(en.err.contains(Self.blankEN), "\(en.err)")
        #expect(en.err.contains("\nWarnings (5):\n"))
        #expect(!en.err.contains("警告") && !en.err.contains("提示"))
    }

    @Test("sensitivity prints them on standard error: --format json stays JSON")
    func sensitivity() throws {
        let score = try #require(Self.warnings(Self.run(["score", "--format", "none", "--lang", "en"] + Self.dongcheng).err))
        let r = Self.run(["sensitivity", "--scenarios", "20", "--format", "json", "--lang", "en"] + Self.dongcheng)
        #expect(r.code == .success, "\(r.err)")
        #expect(Self.warnings(r.err) == score, "\(r.err)")
        #expect(r.err.hasPrefix(Self.blankEN))
        #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(r.out.prefix(200))")
        #expect(!r.out.contains("blank"))
    }

    @Test("compare under one rules file twice: every warning said once, unprefixed, as score says it; --format csv stays the table")
    func compareSame() throws {
        let score = try #require(Self.warnings(Self.run(["score", "--format", "none"] + Self.dongcheng).err))
        let r = Self.run(["compare", "--rules", "rules/dongcheng-2019.jsonc", "--format", "csv"] + Self.dongcheng)
        #expect(r.code == .success, "\(r.err)")
        #expect(Self.warnings(r.err) == score, "\(r.err)")
        #expect(r.err.components(separatedBy: "空白单元格").count == 2)
        // The CSV: since 0.29.7 the lines standard error gives, one row each above the header (an
        // empty row between), then its header and one row per unit (9).
        let lines = r.out.split(whereSeparator: \.isNewline)
        let said = r.err.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("提示（") }.count
        #expect(lines.count == said + 10, "\(r.out)")
        #expect(lines[said].hasPrefix("编号,"))
        #expect(r.out.components(separatedBy: "空白单元格").count == 2)
    }

    /// Dongcheng's rules against Xicheng's on Dongcheng's data: the blank cell belongs to the
    /// ballots file, read once; D06's new_members standard is Dongcheng's alone and D07's move
    /// under the quota is Dongcheng's (Xicheng allows 30% of 9 units: 2 优秀), so those two lines
    /// are said after `rules/dongcheng-2019.jsonc`; Xicheng's station standard after its file.
    @Test("compare under two rules files: what one run alone says has its rules file before it; the ballots' blank cell has none")
    func compareTwo() throws {
        let r = Self.run(["compare", "--rules", "rules/dongcheng-2019.jsonc", "--rules", "rules/xicheng-2014.jsonc",
                          "--assume-missing", "zero", "--format", "json"] + Self.data)
        #expect(r.code == .success, "\(r.err)")
        #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("空白单元格") }.count == 1)
        #expect(lines.contains { $0.hasPrefix(Self.blankZH) }, "\(r.err)")
        #expect(lines.contains("  rules/dongcheng-2019.jsonc：名额限制：优秀不超过 20%（1 个），D07 东华门街道总工会 由优秀调为良好"), "\(r.err)")
        #expect(lines.contains { $0.hasPrefix("  rules/dongcheng-2019.jsonc：无法考核：organization.new_members ") })
        #expect(lines.contains { $0.hasPrefix("  rules/xicheng-2014.jsonc：无法考核：organization.station ") })
        // Both runs leave organization.staffing out for D01–D06: said once, without a file.
        #expect(lines.filter { $0.contains("organization.staffing") } == ["  无法考核：organization.staffing 专职工会社会工作者满编：前提条件 工会服务站数 > 0 不满足（未设工会服务站，本项不考核，按比例折算），不计入，本方面其余标准按比例折算——D01、D02、D03、D04、D05、D06"])
    }

    /// 1001 generated units: above 1000 the 提示 list names 20 units a line (`…（共 61 个）`).
    @Test("above 1000 units each prints the list as score shortens it")
    func capped() throws {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        let out = folder.url.appendingPathComponent("g").path
        try #require(Self.run(["generate", "--units", "1001", "--seed", "1", "--out", out]).code == .success)
        let files = ["--units", out + "/units.csv", "--roster", out + "/roster.csv", "--ballots", out + "/ballots.csv"]
        let score = Self.run(["score", "--format", "none", "--rules", "rules/xicheng-2014.jsonc"] + files)
        #expect(score.err.contains("…（共 61 个）"), "\(score.err)")
        for args in [["explain", "U0001", "--rules", "rules/xicheng-2014.jsonc"],
                     ["sensitivity", "--scenarios", "2", "--vary", "weights", "--format", "csv", "--rules", "rules/xicheng-2014.jsonc"],
                     ["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/xicheng-2014.jsonc", "--format", "csv"]] {
            let r = Self.run(args + files)
            #expect(r.code == .success, "\(args[0]): \(r.err)")
            #expect(r.err == score.err, "\(args[0])")
        }
    }

    @Test("on a session folder: the sealed or confirmed run's list, as close prints it")
    func session() throws {
        let s = try SampleSession(singleEntry: true); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        let close = s.run("close", ["--by", "王秘书"])
        try #require(close.code == .success, "\(close.err)")
        let veto = "  一票否决：X01 北京西城华宸建设集团有限公司工会 · 重大安全生产责任事故（重大安全生产责任事故起数 > 0）"
        #expect(close.err.contains(veto), "\(close.err)")
        let block = try #require(close.err.range(of: "\n提示（").map { close.err[$0.lowerBound...] })
        for args in [["explain", "X01", "--session", s.path], ["sensitivity", s.path, "--scenarios", "5", "--format", "csv"]] {
            let r = SampleSession.run(args)
            #expect(r.code == .success, "\(r.err)")
            #expect(r.err.hasSuffix(block), "\(args[0]): \(r.err)")
            #expect(!r.out.contains("提示（"))
        }
    }
}
