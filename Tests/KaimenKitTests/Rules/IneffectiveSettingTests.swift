import Foundation
import Testing
@testable import KaimenKit

/// `rules check` warns of settings that change no score (since 0.29.4): a 0-point standard,
/// bonus or deduction (`points-zero`), and a `trim` no ballot standard takes the trimmed mean
/// with (`trim-unused`). Built from the Xicheng sample by editing its text, so every place
/// below is a line of the sample file as it stands (line numbers read with grep).
@Suite("rules check: settings that change nothing")
struct IneffectiveSettingTests {
    static func sample() throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
    }

    static func load(_ text: String) throws -> Rules {
        try RulesLoader(readFile: { _ in text }).load("/mem/xicheng-2014.jsonc").rules
    }

    static func line(of needle: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test("the sample itself: nothing")
    func sampleIsClean() throws {
        #expect(IneffectiveSettingCheck.rulesWarnings(try Self.load(try Self.sample())).isEmpty)
    }

    @Test("a bonus worth 0: points-zero at its points")
    func zeroBonus() throws {
        let text = try Self.sample().replacingOccurrences(of: #""points": 2, "method": "presence", "metric": "five_good_union""#,
                                                           with: #""points": 0, "method": "presence", "metric": "five_good_union""#)
        let w = IneffectiveSettingCheck.rulesWarnings(try Self.load(text))
        #expect(w.map(\.code) == ["points-zero"])
        #expect(w.first?.location?.line == Self.line(of: #""points": 0, "method": "presence""#, in: text))
        #expect(w.first?.text.zh == "`bonus.five_good`（五好基层工会）满分为 0：无论数据如何，它都不加也不减任何分数")
        #expect(w.first?.path == "bonuses[bonus.five_good].points")
    }

    @Test("aggregate switched to median, ballots.trim left: trim-unused at the file's trim; trimmedMean again, nothing")
    func fileTrimAfterMedian() throws {
        let text = try Self.sample().replacingOccurrences(of: #""aggregate": "trimmedMean","#, with: #""aggregate": "median","#)
        let w = IneffectiveSettingCheck.rulesWarnings(try Self.load(text))
        #expect(w.map(\.code) == ["trim-unused"])
        #expect(w.first?.location?.line == Self.line(of: #""trim": { "k": 1, "minBallots": 5 }"#, in: text))
        #expect(w.first?.text.zh.contains("细则的汇总方式是中位数") == true)
        #expect(w.first?.text.en.contains("the file's aggregate is the median") == true)
        // One ballot standard taking the trimmed mean itself (and the file's trim with it): the trim counts.
        let one = text.replacingOccurrences(of: #""points": 4, "method": "ballot", "target": "standard","#,
                                            with: #""points": 4, "method": "ballot", "target": "standard", "aggregate": "trimmedMean","#)
        #expect(one != text)
        #expect(IneffectiveSettingCheck.rulesWarnings(try Self.load(one)).isEmpty)
    }

    @Test("a standard's own trim with its own mean: trim-unused at that standard's trim")
    func standardTrim() throws {
        let text = try Self.sample().replacingOccurrences(of: #""points": 4, "method": "ballot", "target": "standard","#,
                                                           with: #""points": 4, "method": "ballot", "target": "standard", "aggregate": "mean", "trim": { "k": 2 },"#)
        let w = IneffectiveSettingCheck.rulesWarnings(try Self.load(text))
        #expect(w.map(\.code) == ["trim-unused"])
        #expect(w.first?.text.zh.hasPrefix("标准 `rights.ballot` 的 `trim`（去掉最高、最低分）不起作用：它的评分按平均分汇总") == true)
        #expect(w.first?.location?.line == Self.line(of: #""aggregate": "mean", "trim""#, in: text))
    }

    @Test("a base file's trim is not said to a file extending it, which cannot remove it (tuned.jsonc switches small.jsonc to median)")
    func baseTrimNotSaid() throws {
        let tuned = Fixtures.url("rules/valid/tuned.jsonc")
        let rules = try RulesLoader().load(tuned.path).rules
        #expect(rules.ballots.aggregate == .median && rules.ballotsOrigin?.fields["trim"] != nil)
        #expect(!IneffectiveSettingCheck.rulesWarnings(rules).contains { $0.code == "trim-unused" })
    }

    @Test("rules check prints them as warnings and still passes")
    func command() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-ineffective-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.sample().replacingOccurrences(of: #""aggregate": "trimmedMean","#, with: #""aggregate": "median","#)
        try Data(text.utf8).write(to: dir.appendingPathComponent("t5.jsonc"))
        let console = BufferConsole(currentDirectory: dir.path)
        let code = CLI.run(["rules", "check", "t5.jsonc"], console: console)
        #expect(code == .success)
        #expect(console.stderr.contains("警告：`ballots.trim`（去掉最高、最低分）不起作用"), "\(console.stderr)")
        #expect(console.stdout.contains("t5.jsonc：通过"))
    }
}
