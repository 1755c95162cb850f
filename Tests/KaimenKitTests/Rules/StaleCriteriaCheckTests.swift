import Foundation
import Testing
@testable import KaimenKit

/// `rules check` warns of a criteria text an extending file's changes left behind
/// (`criteria-stale`, since 0.29.7): a tester's 2027 file moved 职工入会率 from 3 points to 1
/// under a text still saying 3, and `rules check` passed it in silence (only `rules diff` said
/// so). The files below extend the shipped Xicheng rules; each place is counted by hand.
@Suite("rules check: criteria texts left behind by an extending file")
struct StaleCriteriaCheckTests {
    static func write(_ text: String) throws -> (dir: URL, file: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("xicheng-2027.jsonc")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    /// `organizationPoints`: the area's points, 12 as in the base; 10 when a standard in it moves from 3 to 1.
    static func file(override standard: String, organizationPoints: Int = 10) -> String {
        let base = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        return """
        {
          "format": 1, "extends": "\(base)", "id": "xicheng-2027", "title": "西城区（2027年）",
          "issuer": "西城区总工会", "version": "2027.1",
          "override": {
            "areas": [ { "id": "organization", "points": \(organizationPoints) } ],
            "standards": [
              \(standard)
            ]
          }
        }
        """
    }

    static func warnings(_ text: String) throws -> [Diagnostic] {
        let (dir, file) = try write(text)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = try RulesLoader().load(file.path).rules
        let base = try RulesLoader().load(rules.sourceFiles[1]).rules
        return StaleCriteriaCheck.rulesWarnings(rules, base: base)
    }

    @Test("points moved, the text not: one warning at the new points, in both languages")
    func pointsMoved() throws {
        // Line 7 is the standard; `      { "id": "organization.membership", "points": 1 }`:
        // six spaces, then `{ "id": "organization.membership", "points": ` is 45 characters, so the 1 is column 52.
        let w = try Self.warnings(Self.file(override: #"{ "id": "organization.membership", "points": 1 }"#))
        #expect(w.map(\.code) == ["criteria-stale"])
        #expect(w.first?.location?.line == 7 && w.first?.location?.column == 52)
        #expect(w.first?.path == "standards[organization.membership].points")
        #expect(w.first?.text.zh == "`organization.membership`（职工入会率）的分值、门槛或公式与所扩展的 xicheng-2014.jsonc 不同，评分标准（criteria）的文字却还是原来的")
        #expect(w.first?.hintText?.en == "check that the text still says what is scored; if not, give the new \"criteria\" in this file too")
    }

    @Test("the text rewritten with the points: nothing; a name changed alone: nothing; a file extending none: nothing")
    func nothingToSay() throws {
        #expect(try Self.warnings(Self.file(override: #"{ "id": "organization.membership", "points": 1, "criteria": "职工入会率达到96%以上得1分。" }"#)).isEmpty)
        #expect(try Self.warnings(Self.file(override: #"{ "id": "organization.membership", "name": "会员发展" }"#, organizationPoints: 12)).isEmpty)
        let xicheng = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        #expect(StaleCriteriaCheck.rulesWarnings(xicheng, base: nil).isEmpty)
        // The shipped Dongcheng file, which extends Xicheng, rewrites every text it changes.
        let dongcheng = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/dongcheng-2019.jsonc").path).rules
        #expect(StaleCriteriaCheck.rulesWarnings(dongcheng, base: xicheng).isEmpty)
    }

    @Test("rules check prints it as a warning and passes the file")
    func onTheCommandLine() throws {
        let (dir, file) = try Self.write(Self.file(override: #"{ "id": "organization.membership", "points": 1 }"#))
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = BufferConsole(currentDirectory: dir.path)
        #expect(CLI.run(["rules", "check", file.lastPathComponent], console: console) == .success)
        #expect(console.stderr.contains("xicheng-2027.jsonc:7:52: 警告：`organization.membership`（职工入会率）的分值、门槛或公式"))
        #expect(console.stdout.contains("xicheng-2027.jsonc：通过"))
    }
}
