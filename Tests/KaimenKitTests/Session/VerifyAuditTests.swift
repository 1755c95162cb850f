import Foundation
import Testing
@testable import KaimenKit

/// An outside audit of `session verify` (an independent verifier written from docs/ alone, and
/// tampered copies of a closed session): each case it found passing, tampered again here.
@Suite("Verify: what an outside audit found", .serialized)
struct VerifyAuditTests {
    static func head(_ s: SampleSession) throws -> String { try JournalRecord.parse(s.journalLines.last!).get().hash }

    @Test("cut and carry on: seal and results deleted, a ballot overridden, closed again; only the posted code tells, and a bare verify says so last")
    func cutAndCarryOn() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        let posted = try Self.head(s)
        try VerifierTests.rewrite(s) { $0.removeLast() }
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent("results"))
        let resolved = s.run("resolve", ["--rep", "R01", "--unit", "X01", "--standard", "rights.ballot", "--score", "2", "--override",
                                         "--reason", "改判", "--by", "王秘书"])
        #expect(resolved.code == .success, "\(resolved.err)")
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        // Nothing in the folder tells: it passes, and its last line says what was not checked.
        let bare = s.run("verify", [])
        #expect(bare.code == .success)
        let lines = bare.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("核验通过（未核对公示的核验码）：5 条记录的哈希链完整") == true, "\(bare.out)")
        #expect(lines.last?.hasPrefix("警告：没有核对公示的核验码（--head），这次核验只说明文件夹自身前后一致。日志被截去末尾后又接着写") == true, "\(bare.out)")
        #expect(lines.last?.contains("kaimen session verify \(s.path) --head \"公示表上的 16 位核验码\"") == true)
        let json = s.run("verify", ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(json.code == .success && object["ok"] as? Bool == true && object["headChecked"] as? Bool == false)
        #expect((object["warning"] as? String)?.hasPrefix("警告：没有核对公示的核验码") == true)
        // The posted code does tell.
        let checked = s.run("verify", ["--head", PostedHead.handwritten(posted)])
        #expect(checked.code == .failure && checked.err.contains("不在这份日志中"), "\(checked.err)")
        #expect(!checked.out.contains("警告"))
    }

    @Test("results with no seal: said as a close cut short and as a seal deleted alike; close again only when the committee knows")
    func sealRemovedResultsKept() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        try VerifierTests.rewrite(s) { $0.removeLast() }
        let r = s.run("verify", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("但日志中没有封存它们的记录：结束会话（close）在写完结果、封存之前中断，留下的就是这样；封存记录被人删除，看起来也完全一样"), "\(r.err)")
        #expect(r.err.contains("先用公示表上的核验码核验：kaimen session verify \(s.path) --head \"公示表上的 16 位核验码\"") &&
                r.err.contains("只有考评委员会确知上次结束会话中断了（且尚未公示），才应再运行一次 `kaimen session close`"))
        #expect(!r.err.contains("再运行一次即可"))
    }

    @Test("a head must be a seal's: the open record's hash is an error; an earlier version's seal names both versions")
    func headIsASeal() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.closeThenAppealX04()
        let lines = s.journalLines
        let open = try JournalRecord.parse(lines[0]).get().hash
        let r = s.run("verify", ["--head", open])
        #expect(r.code == .failure && r.err.contains("错误：核验码 \(open) 是记录 1（") && r.err.contains("不是封存记录的"), "\(r.err)")
        #expect(!r.err.contains("journal.jsonl:1:1"))
        // The first seal (record 5) while the appeal is open: right, said as such.
        let seal = try #require(lines.compactMap { try? JournalRecord.parse($0).get() }.first { $0.kind == .seal })
        let during = s.run("verify", ["--head", seal.hash])
        #expect(during.code == .success && during.out.contains("与公示的核验码一致：公示的是第 1 版结果（封存记录 \(seal.seq)）；其后又追加了 1 条记录（申诉复核尚未产生新的结果）"),
                "\(during.out)\(during.err)")
        // The appeal sealed as version 2: the posted notice is version 1's, the latest is 2.
        let closed = s.run("close", ["--by", "王秘书"])
        #expect(closed.code == .success, "\(closed.err)")
        let after = s.run("verify", ["--head", PostedHead.handwritten(seal.hash)])
        #expect(after.code == .success && after.out.contains("公示的是第 1 版结果（封存记录 \(seal.seq)）；其后又追加了 2 条记录，申诉复核产生了第 2 版"), "\(after.out)\(after.err)")
        let latest = s.run("verify", ["--head", try Self.head(s), "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(latest.out.utf8)) as? [String: Any])
        let posted = try #require(object["posted"] as? [String: Any])
        #expect(posted["version"] as? Int == 2 && posted["latestVersion"] as? Int == 2 && posted["recordsAfter"] as? Int == 0 && object["warning"] is NSNull)
    }

    @Test("files added outside results/ are named; the journal, input copies, torn tails, entered typed files and office locks are not")
    func unlistedFiles() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        try Data("x".utf8).write(to: s.dir.appendingPathComponent("inputs/extra.csv"))
        try Data("y".utf8).write(to: s.dir.appendingPathComponent("README.txt"))
        try FileManager.default.createDirectory(at: s.dir.appendingPathComponent("inputs/rules/more"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: s.dir.appendingPathComponent("inputs/rules/more/other.jsonc"))
        let p = try VerifierTests.problems(s)
        #expect(p.filter { $0.severity == .error }.map(\.code) == Array(repeating: "session-file-unlisted", count: 3))
        #expect(Set(p.compactMap { $0.location?.file }) == ["README.txt", "inputs/extra.csv", "inputs/rules/more/other.jsonc"])
        #expect(p.first { $0.location?.file == "inputs/extra.csv" }?.text.zh == "会话文件夹中的 `inputs/extra.csv` 不属于这个会话：它不是输入副本，不是日志，也不是录入过的评分文件，日志中没有任何记录提到它")
        for name in ["inputs/extra.csv", "README.txt"] { try FileManager.default.removeItem(at: s.dir.appendingPathComponent(name)) }
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent("inputs/rules/more"))
        // What may be there: the typed file entered (its bytes), a torn tail's name, a lock file
        // beside an input copy open in LibreOffice, an empty folder.
        try FileManager.default.copyItem(at: s.files.appendingPathComponent("a.csv"), to: s.dir.appendingPathComponent("录入甲.csv"))
        try Data("torn".utf8).write(to: s.dir.appendingPathComponent("journal.torn-3-1417420800.txt"))
        try Data("me".utf8).write(to: s.dir.appendingPathComponent("inputs/.~lock.units.csv#"))
        try FileManager.default.createDirectory(at: s.dir.appendingPathComponent("备份"), withIntermediateDirectories: true)
        let r = try Verifier.verify(s.dir)
        #expect(r.ok, "\(r.problems)")
        #expect(r.problems.map(\.code) == ["output-open-elsewhere"])
        // The typed file changed after it was entered is no longer the journal's.
        try Data("R01,X01\n".utf8).write(to: s.dir.appendingPathComponent("录入甲.csv"))
        #expect(try VerifierTests.problems(s).filter { $0.severity == .error }.map(\.code) == ["session-file-unlisted"])
    }

    @Test("status warns of a file the journal does not vouch for, says what to do, and still exits as it would")
    func statusUnlistedFile() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        try Data("x".utf8).write(to: s.dir.appendingPathComponent("inputs/extra.csv"))
        let r = s.run("status", [])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err == "\(s.path)/inputs/extra.csv: 警告：会话文件夹中的 `inputs/extra.csv` 不属于这个会话：它不是输入副本，不是日志，也不是录入过的评分文件，日志中没有任何记录提到它；"
                + "会话文件夹里只应有 kaimen 写的文件和录入过的评分文件：不需要它就把它移出会话文件夹；查不清来历的，运行 `kaimen session verify \(s.path)` 核验整个会话\n", "\(r.err)")
        // The status itself is as it was: closed and sealed.
        #expect(r.out.contains("会话已结束并封存"), "\(r.out)")
        let json = s.run("status", ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["unlistedFiles"] as? [String] == ["inputs/extra.csv"])
        // The same check as verify's: verify fails on it, and neither says what the journal vouches for.
        #expect(try VerifierTests.problems(s).map(\.code) == ["session-file-unlisted"])
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent("inputs/extra.csv"))
        try FileManager.default.copyItem(at: s.files.appendingPathComponent("a.csv"), to: s.dir.appendingPathComponent("录入甲.csv"))
        let clean = s.run("status", ["--lang", "en"])
        #expect(clean.code == .success && clean.err.isEmpty, "\(clean.err)")
        // Before close too: a warning, the session can still be closed.
        let open = try SampleSession(); defer { open.remove() }
        try Data("y".utf8).write(to: open.dir.appendingPathComponent("README.txt"))
        let before = open.run("status", ["--lang", "en"])
        #expect(before.code == .success && before.err.contains("warning: `README.txt` in the session folder does not belong to the session"), "\(before.err)")
        #expect(before.err.contains("if it is not needed, move it out of the folder; if you cannot tell where it came from, run `kaimen session verify \(open.path)`"))
    }

    @Test("hidden files and links outside results/ are named (a link not followed); a link inside results/ is said as one, a hidden file as unsealed")
    func hiddenAndLinked() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        let fm = FileManager.default
        let elsewhere = ScratchFolder(); defer { elsewhere.cleanUp() }
        try Data("z".utf8).write(to: elsewhere.url.appendingPathComponent("planted.csv"))
        try Data("h".utf8).write(to: s.dir.appendingPathComponent("inputs/.hidden"))
        try fm.createSymbolicLink(at: s.dir.appendingPathComponent("inputs/linked"), withDestinationURL: elsewhere.url)
        try fm.createSymbolicLink(at: s.dir.appendingPathComponent("results/sheets/elsewhere"), withDestinationURL: elsewhere.url)
        try Data("r".utf8).write(to: s.dir.appendingPathComponent("results/.hidden.csv"))
        let p = try VerifierTests.problems(s)
        // The linked folder is one entry, its files not walked; the link in results/ is not gone into either.
        #expect(p.filter { $0.code == "session-file-unlisted" }.compactMap { $0.location?.file } == ["inputs/.hidden", "inputs/linked"])
        #expect(p.filter { $0.code == "output-symlink" }.compactMap { $0.location?.file } == ["results/sheets/elsewhere"])
        #expect(p.filter { $0.code == "output-unsealed" }.compactMap { $0.location?.file } == ["results/.hidden.csv"])
        #expect(!p.contains { $0.location?.file.contains("planted") == true })
    }

    @Test("a wrong code leads with the copying slip, at no place in the journal; the notice's line pasted whole is taken; a bad one is echoed as typed")
    func headMessages() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        let head = try Self.head(s)
        let pasted = s.run("verify", ["--head", "核验码：" + PostedHead.handwritten(head)])
        #expect(pasted.code == .success && pasted.out.contains("与公示的核验码一致"), "\(pasted.err)")
        #expect(s.run("verify", ["--head", "Verification code: " + head.uppercased()]).code == .success)
        let bad = s.run("verify", ["--head", "核验码：db9c…"])
        #expect(bad.code == .usage && bad.err.contains("而不是 `核验码：db9c…`"), "\(bad.err)")
        let wrong = "0123456789abcdef"
        let miss = s.run("verify", ["--head", wrong])
        #expect(miss.code == .failure)
        #expect(miss.err.contains("错误：核验码 \(wrong) 不在这份日志中：先核对这 16 位是否抄对（公示表上手写的，或结束会话时打印的）；若抄写无误，就是公示之后日志被截断或改写过"), "\(miss.err)")
        #expect(!miss.err.contains("journal.jsonl:"))
    }

    @Test("summary.json gives null for a standard left out of its area and prorated, as the score sheet's JSON does")
    func summaryNullForLeftOut() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        func json(_ path: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: s.dir.appendingPathComponent(path))) as? [String: Any])
        }
        // X07's sheet states which standards were not assessed (its rows' points null).
        let rows = try #require(try json("results/sheets/X07.json")["rows"] as? [[String: Any]])
        let leftOut = Set(rows.filter { $0["points"] is NSNull }.compactMap { $0["id"] as? String })
        #expect(leftOut == ["rights.contracts", "organization.unionisation", "organization.staffing", "organization.station", "insurance.ballot"])
        let units = try #require(try json("results/summary.json")["units"] as? [[String: Any]])
        let standards = try #require(units.first { $0["id"] as? String == "X07" }?["standards"] as? [String: Any])
        #expect(Set(standards.filter { $0.value is NSNull }.map(\.key)) == leftOut)
        // summary.csv keeps a number in those columns.
        let csv = try String(contentsOf: s.dir.appendingPathComponent("results/summary.csv"), encoding: .utf8)
        #expect(!csv.contains("null"))
        // As 0.29.5 wrote it (a seal made before): 0.0, so that it verifies unchanged.
        let folder = try SessionFolder.open(s.dir, writable: false)
        var session = try SessionFolder.score(SessionFolder.ballotsCSV(folder.state, setup: folder.setup), paths: folder.paths, in: s.dir)
        session.report.writtenAs = ScoreReport.v0_29_5
        let old = SummaryExport.json(session)
        guard case .object(let top) = old, case .array(let list) = top["units"]! else { Issue.record("no units"); return }
        let x07 = list.first { if case .object(let o) = $0 { return o["id"] == .string("X07") } else { return false } }
        guard case .object(let unit) = x07!, case .object(let old07) = unit["standards"]! else { Issue.record("no X07"); return }
        #expect(leftOut.allSatisfy { old07[$0] != .null })
        // The parallel writer gives the same bytes as the tree, before and since.
        #expect(SummaryWriter.json(session.report) == [UInt8](old.rendered().utf8))
        session.report.writtenAs = ScoreReport.v0_29_6
        #expect(SummaryWriter.json(session.report) == [UInt8](SummaryExport.json(session).rendered().utf8))
    }
}
