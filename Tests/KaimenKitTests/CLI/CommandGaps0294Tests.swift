import Foundation
import Testing
@testable import KaimenKit

/// Gaps a secretary's trial of 0.29.3 left on the command line: `panel` said only the inputs'
/// warnings (and of a session folder nothing), and took no `--session`; `compare --format json`
/// left out the runs' own warnings and 提示; a `--by` with a bracket exited 1 where every other
/// bad option value exits 64; `sheets DIR` of a session without a schedule said nothing of the
/// pages it printed for every group.
@Suite("command-line gaps of 0.29.3")
struct CommandGaps0294Tests {
    static let dongcheng = RunWarningsTests.dongcheng
    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) { EndToEndTests.run(args) }

    /// The sample's README: X01 has a major safety accident (vetoed), and of the three units at
    /// 90 or above only two may be 优秀 (30% of 9), so X02, third, is moved to 良好.
    static let vetoX01 = "  一票否决：X01 北京西城华宸建设集团有限公司工会"
    static let quotaX02 = "  名额限制：优秀不超过 30%（2 个），X02 西城区德胜商贸集团有限公司工会 由优秀调为良好\n"

    @Test("panel prints score's warnings and 提示 on standard error, after its output, in the language asked")
    func panelFiles() throws {
        let score = try #require(RunWarningsTests.warnings(Self.run(["score", "--format", "none"] + Self.dongcheng).err))
        let r = Self.run(["panel", "--format", "json", "--resamples", "100"] + Self.dongcheng)
        #expect(r.code == .success, "\(r.err)")
        #expect(RunWarningsTests.warnings(r.err) == score, "\(r.err)")
        #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(r.out.prefix(200))")
        let en = Self.run(["panel", "--resamples", "100", "--lang", "en"] + Self.dongcheng)
        #expect(en.err.hasPrefix(RunWarningsTests.blankEN), "\(en.err)")
        #expect(en.err.contains("\nWarnings (5):\n"), "\(en.err)")
        #expect(!en.err.contains("提示"))
    }

    @Test("panel of a session folder, as DIR or --session DIR: the same analysis, and the session's 提示; a second folder is a usage error")
    func panelSession() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterBothResolvingX02()
        let bare = SampleSession.run(["panel", s.path, "--resamples", "100"])
        let option = SampleSession.run(["panel", "--session", s.path, "--resamples", "100"])
        #expect(bare.code == .success && option.code == .success, "\(bare.err)\(option.err)")
        #expect(bare.out == option.out && bare.err == option.err)
        #expect(bare.err.contains("\n提示（"), "\(bare.err)")
        #expect(bare.err.contains(Self.vetoX01), "\(bare.err)")
        #expect(bare.err.contains(Self.quotaX02), "\(bare.err)")
        let en = SampleSession.run(["panel", "--session", s.path, "--resamples", "100", "--lang", "en"])
        #expect(en.err.contains("\nWarnings ("), "\(en.err)")
        #expect(!en.err.contains("提示"))
        let two = SampleSession.run(["panel", "--session", s.path, "其他"])
        #expect(two.code == .usage && two.err.contains("其他") && two.err.contains("用法：kaimen panel"), "\(two.err)")
        let inputs = SampleSession.run(["panel", "--session", s.path, "--rules", "rules/xicheng-2014.jsonc"])
        #expect(inputs.code == .usage, "\(inputs.err)")
    }

    @Test("compare --format json carries the runs' input warnings under warnings and the 提示 list under notes, as printed")
    func compareJSON() throws {
        let r = Self.run(["compare", "--rules", "rules/dongcheng-2019.jsonc", "--format", "json"] + Self.dongcheng)
        #expect(r.code == .success, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        let blank = try #require(warnings.first { ($0["text"] as? String)?.hasPrefix(RunWarningsTests.blankZH) == true }, "\(warnings)")
        #expect(blank["file"] is NSNull)
        let notes = try #require(json["notes"] as? [[String: Any]])
        // score's five 提示 lines, each once (both sides are one rules file), unprefixed.
        #expect(notes.count == 5, "\(notes)")
        #expect(notes.allSatisfy { $0["file"] is NSNull })
        #expect(notes.contains { ($0["text"] as? String) == "名额限制：优秀不超过 20%（1 个），D07 东华门街道总工会 由优秀调为良好" }, "\(notes)")
        // Under two rules files, D07's quota move is Dongcheng's alone: its file is named.
        let two = Self.run(["compare", "--rules", "rules/dongcheng-2019.jsonc", "--rules", "rules/xicheng-2014.jsonc",
                            "--assume-missing", "zero", "--format", "json", "--lang", "en"] + Array(Self.dongcheng.dropFirst(2)))
        #expect(two.code == .success, "\(two.err)")
        let twoJSON = try #require(try JSONSerialization.jsonObject(with: Data(two.out.utf8)) as? [String: Any])
        let twoNotes = try #require(twoJSON["notes"] as? [[String: Any]])
        let d07 = try #require(twoNotes.first { ($0["text"] as? String)?.contains("D07") == true && ($0["text"] as? String)?.contains("quota") == true },
                               "\(twoNotes)")
        #expect(d07["file"] as? String == "rules/dongcheng-2019.jsonc")
        let twoWarnings = try #require(twoJSON["warnings"] as? [[String: Any]])
        #expect(twoWarnings.contains { ($0["text"] as? String)?.hasPrefix(RunWarningsTests.blankEN) == true && $0["file"] is NSNull }, "\(twoWarnings)")
    }

    @Test("a --by with a bracket or a leading -- is a usage error (64) at every command, before anything is made")
    func operatorNameIsUsage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-by-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["session", "init", dir.path, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                    "--roster", "samples/xicheng-2014/roster.csv"]
        let zh = Self.run(args + ["--by", "王秘书（代）"])
        #expect(zh.code == .usage, "\(zh.err)")
        #expect(zh.err.contains("中有括号") && zh.err.contains("--by 王秘书") && zh.err.contains("用法：kaimen session init"), "\(zh.err)")
        let en = Self.run(args + ["--by=--force", "--lang", "en"])
        #expect(en.code == .usage, "\(en.err)")
        #expect(en.err.contains("usage: kaimen session init") && !en.err.contains("错误"), "\(en.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test("sheets of a session without a schedule says, as sheets of the files does, that every group gets every unit's pages")
    func sheetsWithoutSchedule() throws {
        let s = try SampleSession(schedule: false); defer { s.remove() }
        // 27 representatives in 4 groups, each hearing all 9 units: 27 × 9 = 243 pages.
        let files = SampleSession.run(["sheets", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                       "--roster", "samples/xicheng-2014/roster.csv", "--out", s.files.appendingPathComponent("a").path])
        #expect(files.err.contains("注意：没有给 --schedule，4 个组都按听取全部 9 个单位的汇报打印，共 243 页"), "\(files.err)")
        for args in [[s.path], ["--session", s.path]] {
            let r = SampleSession.run(["sheets"] + args + ["--out", s.files.appendingPathComponent("b").path, "--force"])
            #expect(r.code == .success, "\(r.err)")
            #expect(r.err.contains("注意：会话 `\(s.path)` 没有日程表（`kaimen session init` 时没有给 --schedule），4 个组都按听取全部 9 个单位的汇报打印，共 243 页；"),
                    "\(r.err)")
        }
        let en = SampleSession.run(["sheets", s.path, "--out", s.files.appendingPathComponent("c").path, "--lang", "en"])
        #expect(en.err.contains("note: session `\(s.path)` has no schedule"), "\(en.err)")
        #expect(en.err.contains("each of the 4 groups is taken to hear all 9 units, 243 pages"), "\(en.err)")
        // With the schedule, nothing of the kind.
        let t = try SampleSession(); defer { t.remove() }
        let scheduled = SampleSession.run(["sheets", t.path, "--out", t.files.appendingPathComponent("d").path])
        #expect(scheduled.code == .success && !scheduled.err.contains("注意："), "\(scheduled.err)")
    }

    @Test("the output lock holds the file at its path, a waiting one takes the lock once it is released, and release removes the file")
    func outputLockIdentity() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-lock-\(UUID().uuidString)").path
        let path = OutputLock.path(for: dir)
        let first = try OutputLock(for: dir, timeout: 0)
        #expect(FileSystem.identity(path) != nil)
        #expect(throws: OutputError.locked(path: dir, seconds: 0)) { try OutputLock(for: dir, timeout: 0) }
        first.release()
        #expect(FileSystem.identity(path) == nil)
        // A new file is made and held: the one at the path now.
        let second = try OutputLock(for: dir, timeout: 0)
        #expect(FileSystem.identity(path) != nil)
        second.release()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
