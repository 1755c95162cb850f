import Foundation
import Testing
@testable import KaimenKit

@Suite("Session life: init, checked entry, close, appeal", .serialized)
struct SessionLifecycleTests {
    @Test("init checks every input at once and creates nothing on error")
    func initChecksInputs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-session-\(UUID().uuidString)")
        let bad = dir.path + "-schedule.csv"
        try Data("组别,单位编号\n第一组,X01\n第九组,X02\n".utf8).write(to: URL(fileURLWithPath: bad))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let r = SampleSession.run(["session", "init", dir.path, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                   "--roster", "samples/xicheng-2014/roster.csv", "--schedule", bad, "--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.contains("第九组"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test("without a schedule, init says every representative scores every unit")
    func initWithoutSchedule() throws {
        let s = try SampleSession(schedule: false); defer { s.remove() }
        // 27 × 9 = 243 sheets, less the 5 representatives' own units (R03 X02, R10 X03, R12 X05, R18 X01, R24 X08, R26 X09: 6) = 237.
        let status = s.run("status", ["--format", "json"]).out
        #expect(status.contains("\"expected\": 237"))
    }

    @Test("a sheet for a unit the group does not hear, or a recused unit, is rejected and nothing of the file is recorded")
    func enterChecksSchedule() throws {
        let s = try SampleSession(); defer { s.remove() }
        let header = try SampleSession.typed("a") { _ in false }
        let file = try s.file("bad.csv", header + "R01,X01,3.5,1.5,1,2,1.5,3,1,1.5\nR01,X05,3,1,1,1,1,1,1,1\nR24,X08,4,2,2,2,2,4,2,2\nR02,X02,9,1,1,1,1,1,1,1\n")
        let before = s.journalLines.count
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code == .failure)
        #expect(r.err.contains("X05"))             // line 3: 第一组 does not hear X05
        #expect(r.err.contains("回避"))             // line 4: R24 belongs to X08
        #expect(r.err.contains("第 5 行"))          // line 5: 9 is out of range
        #expect(r.err.contains("3 个错误"))  // one per bad sheet
        #expect(s.journalLines.count == before)
    }

    @Test("a typed sheet with a representative's or a unit's name for its id is rejected with the id to write")
    func enterNamesTheID() throws {
        let s = try SampleSession(); defer { s.remove() }
        let header = try SampleSession.typed("a") { _ in false }
        // 王秀兰 is R02; 北京西城华宸建设集团有限公司工会 is X01.
        let file = try s.file("names.csv", header + "王秀兰,X01,4,1,2,0.5,1,3.5,1.5,0.5\nR03,北京西城华宸建设集团有限公司工会,3,0,1.5,1,1,1.5,2,2\n")
        let before = s.journalLines.count
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code == .failure)
        #expect(r.err.contains("names.csv 第 2 行 A 列（代表编号）：错误：投票人 `王秀兰` 不在代表名单上：`王秀兰` 是代表 `R02` 的姓名，这一列请填代表编号 `R02`"))
        #expect(r.err.contains("names.csv 第 3 行 B 列（单位编号）：错误：选票打分的单位 `北京西城华宸建设集团有限公司工会` 不在单位文件里："
            + "`北京西城华宸建设集团有限公司工会` 是单位 `X01` 的名称，这一列请填单位编号 `X01`"))
        #expect(s.journalLines.count == before)
        let en = s.run("enter", [file, "--by", "甲", "--lang", "en"])
        #expect(en.err.contains("row 2, column A (代表编号): error: ballot by `王秀兰`, who is not on the roster; `王秀兰` is the name of representative `R02`; this column takes the id `R02`"))
    }

    @Test("close is refused with sheets missing, accepted with a recorded reason")
    func closeMissing() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a") { !$0.hasPrefix("R20,") })
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        let refused = s.run("close", ["--by", "王秘书"])
        #expect(refused.code == .failure)
        #expect(refused.err.contains("`R20`") && refused.err.contains("未录入"))  // R20's two sheets (X06, X07) are listed
        #expect(!FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("results").path))
        // An empty reason is said as such, not as the option left out.
        let empty = s.run("close", ["--by", "王秘书", "--accept-missing", " "])
        #expect(empty.code == .failure && empty.err.contains("--accept-missing 的理由是空的") && !empty.err.contains("确需结束的"), "\(empty.err)")
        let accepted = s.run("close", ["--by", "王秘书", "--accept-missing", "R20 因病缺席，未交评分表"])
        #expect(accepted.code == .success)
        let seal = try JournalRecord.parse(s.journalLines.last!).get()
        #expect(seal.kind == .seal)
        #expect(seal.content["acceptMissing"]?.stringValue == "R20 因病缺席，未交评分表")
        #expect(seal.content["uncounted"] == .array([.string("R20×X06"), .string("R20×X07")]))
        // Said on screen too, with the warnings score prints (X01's veto, the 优秀 quota).
        #expect(accepted.err.contains("按 --accept-missing（R20 因病缺席，未交评分表）未确认的评分表：2 张整张不计（缺录或只录一次）：R20×X06、R20×X07\n"), "\(accepted.err)")
        #expect(accepted.err.contains("\n提示（") && accepted.err.contains("一票否决：X01") && accepted.err.contains("名额限制："))
        #expect(s.run("verify", []).code == .success)
    }

    @Test("the closed session scores exactly as `score` does, and refuses further entries")
    func closeScoresAsScore() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        // The sample's ballots.csv also holds R24's recused ballots for X08, which score sets aside: the totals are the same.
        let direct = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                                  roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                                  baseDirectory: Fixtures.packageRoot.path))
        // Opened and released in one expression: the session's lock is free again for the `enter` below.
        let sealed = try { () throws -> ScoringSession in
            let folder = try SessionFolder.open(s.dir, writable: false)
            return try SessionFolder.score(SessionFolder.ballotsCSV(folder.state, setup: folder.setup), paths: folder.paths, in: s.dir)
        }()
        #expect(InputFixtures.outcome(sealed) == InputFixtures.outcome(direct))
        let csv = try Data(contentsOf: s.dir.appendingPathComponent("results/summary.csv"))
        #expect(csv == Data(SummaryWriter.csv(sealed.report, lang: .zh, threads: 1)))
        // The notice counts the recusals the schedule made (R03×X02, R12×X05, R24×X08, R26×X09,
        // as init said), not every representative whose own unit is assessed: R18 (X01) and
        // R10 (X03) sit in groups that never hear their units (a secretary's trial found six).
        let notice = try String(contentsOf: s.dir.appendingPathComponent("results/公示.html"), encoding: .utf8)
        let recusal = try #require(notice.range(of: "以下单位有须回避的代表（本单位的代表，或申报与该单位有利害关系的代表），这些代表不为该单位评分：")
            .map { String(notice[$0.lowerBound...].prefix(400)) })
        #expect(recusal.contains("X02 <bdi>西城区德胜商贸集团有限公司工会</bdi>（1 名代表回避）；X05 <bdi>西城区月坛中医医院工会</bdi>（1 名代表回避）；"
                                 + "X08 <bdi>什刹海街道总工会</bdi>（1 名代表回避）；X09 <bdi>陶然亭街道总工会</bdi>（1 名代表回避）。"), "\(recusal)")
        #expect(!recusal.contains("X01") && !recusal.contains("X03"))
        #expect(s.run("verify", []).code == .success)
        // The results' manifest names the input copies it scored, with the hashes the seal holds
        // (it had `"inputs": []`); each hash is that of the copy's bytes.
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: s.dir.appendingPathComponent("results/manifest.json"))) as? [String: Any])
        let listed = try #require(manifest["inputs"] as? [[String: Any]])
        let seal = try JournalRecord.parse(s.journalLines.last!).get()
        let sealedInputs = try #require(seal.content["inputs"]?.objectValue)
        #expect(listed.map { $0["path"] as? String } == sealedInputs.keys.sorted())
        #expect(listed.map { $0["path"] as? String }.contains("inputs/units.csv"))
        for entry in listed {
            let path = try #require(entry["path"] as? String)
            let bytes = try Data(contentsOf: s.dir.appendingPathComponent(path))
            #expect(entry["sha256"] as? String == SHA256.hex([UInt8](bytes)))
            #expect(entry["bytes"] as? Int == bytes.count)
            #expect(sealedInputs[path]?.stringValue == SHA256.hex([UInt8](bytes)))
        }
        // The only difference: score warns of R24's ballots for X08, which the session refused at entry (回避).
        #expect(direct.ballots.recusals.map(\.representative) == Array(repeating: "R24", count: 8) && sealed.ballots.recusals.isEmpty)
        let late = s.run("enter", [a, "--by", "丙", "--identical"])
        #expect(late.code == .failure)
        #expect(late.err.contains("会话已结束"))
        // Closing again changes nothing and says so, without also saying the session is not closed.
        let journal = s.journal
        let again = s.run("close", ["--by", "王秘书"])
        #expect(again.code == .failure)
        #expect(again.err.contains("会话已经结束并封存，结果未变") && again.err.contains("kaimen session appeal"), "\(again.err)")
        #expect(!again.err.contains("会话未结束"))
        #expect(s.journal == journal)
    }
}
