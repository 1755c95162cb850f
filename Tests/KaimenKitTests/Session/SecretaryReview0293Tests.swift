import Foundation
import Testing
@testable import KaimenKit

/// What a tester playing a committee secretary found with 0.29.2, each fixed in 0.29.3.
@Suite("A secretary's review of 0.29.2: office lock files, the appeal history, the printed commands and the refusals", .serialized)
struct SecretaryReview0293Tests {
    /// Writes `bytes` at `path` in the session folder.
    func put(_ s: SampleSession, _ path: String, _ bytes: String = ",王秘书,PC-01,07.07.2014 09:30,file:///C:/会议/results/summary.xlsx;") throws {
        try Data(bytes.utf8).write(to: s.dir.appendingPathComponent(path))
    }

    @Test("a result open in Excel, WPS or LibreOffice (its lock file beside it) is said as open: a note, no mismatch, and verify passes")
    func officeLockFiles() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        let sheet = try #require(try FileManager.default.contentsOfDirectory(atPath: s.dir.appendingPathComponent("results/sheets").path).sorted().first)
        try put(s, "results/~$summary.xlsx")
        try put(s, "results/.~lock.report.html#")
        try put(s, "results/sheets/.~lock.\(sheet)#")
        let verify = s.run("verify", [])
        #expect(verify.code == .success, "\(verify.err)")
        #expect(verify.err.contains("提示：`results/~$summary.xlsx` 是 Excel 或 WPS 打开 `results/summary.xlsx` 时在旁边建的锁定文件：这个结果文件正在电子表格或办公软件中打开。它不是结果文件，不算不符；关闭 Excel/WPS 后它会消失"), "\(verify.err)")
        #expect(verify.err.contains("`results/.~lock.report.html#` 是 LibreOffice 打开 `results/report.html` 时"), "\(verify.err)")
        #expect(verify.err.contains("`results/sheets/.~lock.\(sheet)#`"), "\(verify.err)")
        #expect(!verify.err.contains("不在任何封存记录中") && !verify.err.contains("错误"), "\(verify.err)")
        #expect(verify.out.contains("核验通过"))
        let status = s.run("status", [])
        #expect(status.code == .success)
        #expect(status.out.contains("提示：`results/~$summary.xlsx` 是 Excel 或 WPS 打开 `results/summary.xlsx` 时"), "\(status.out)")
        let json = s.run("status", ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["openResults"] as? [String] == ["results/report.html", "results/sheets/\(sheet)", "results/summary.xlsx"], "\(json.out)")

        // Another name stays an error: no file beside it of that name, a look-alike, or a large one.
        try put(s, "results/~$nothing.xlsx")
        try put(s, "results/~lock.summary.xlsx#")
        try put(s, "results/.~lock.summary.xlsx#", String(repeating: "x", count: 5000))
        let bad = s.run("verify", [])
        #expect(bad.code == .failure)
        for path in ["results/~$nothing.xlsx", "results/~lock.summary.xlsx#", "results/.~lock.summary.xlsx#"] {
            #expect(bad.err.contains("结果文件 `\(path)` 不在任何封存记录中"), "\(path): \(bad.err)")
        }
        #expect(!bad.err.contains("结果文件 `results/~$summary.xlsx` 不在"), "\(bad.err)")
    }

    @Test("Word's shortened owner name (~$ for the first one or two characters of a long name) is a lock too; a short name is never shortened")
    func shortenedOwnerName() {
        let files = ["results/summary.xlsx", "results/~$ummary.xlsx", "results/ballot-sheets.html", "results/~$llot-sheets.html",
                     "results/sheets/X01.csv", "results/sheets/~$1.csv", "results/~$mmary.xlsx"]
        let found = OfficeLock.find(among: files, sizes: Dictionary(uniqueKeysWithValues: files.map { ($0, 165) }))
        #expect(found == [OfficeLock(path: "results/~$ummary.xlsx", locks: "results/summary.xlsx", program: .excel),
                          OfficeLock(path: "results/~$llot-sheets.html", locks: "results/ballot-sheets.html", program: .excel)])
    }

    @Test("an appeal's close is neither blocked nor confused by a lock file, and seals none: in results/ or in the new version's folder")
    func closeWithLockFiles() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.closeThenAppealX04()
        try put(s, "results/~$summary.xlsx")
        let status = s.run("status", [])
        #expect(!status.out.contains("未封存的结果文件"), "\(status.out)")
        let close = s.run("close", ["--by", "王秘书"])
        #expect(close.code == .success, "\(close.err)")
        #expect(!close.out.contains("未封存"), "\(close.out)")
        try put(s, "results/v2/.~lock.summary.xlsx#")
        let seal = try #require(s.journalLines.last)
        #expect(!seal.contains("~$") && !seal.contains(".~lock."))
        let verify = s.run("verify", [])
        #expect(verify.code == .success, "\(verify.err)")
        #expect(verify.err.contains("`results/v2/.~lock.summary.xlsx#` 是 LibreOffice 打开 `results/v2/summary.xlsx` 时"), "\(verify.err)")
    }

    @Test("explain --session after an appeal of a voided sheet says the earlier value was void, not blank")
    func appealOfVoidSheet() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a") { !$0.hasPrefix("R20,X07,") })
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        #expect(s.run("void", ["--rep", "R20", "--unit", "X07", "--reason", "评分表污损", "--by", "王秘书"]).code == .success)
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        #expect(s.run("appeal", ["--unit", "X07", "--reason", "找到了 R20 的原表", "--by", "王秘书"]).code == .success)
        let fix = try s.file("fix.csv", SampleSession.typed("a") { $0.hasPrefix("R20,X07,") })
        // Entered once: close --accept-missing is refused without saying that confirmed scores would go (there were none).
        #expect(s.run("enter", [fix, "--by", "甲"]).code == .success)
        let accept = s.run("close", ["--by", "王秘书", "--accept-missing", "录入员不在"])
        #expect(accept.code == .failure)
        #expect(accept.err.contains("的申诉更正只录入了一次（此前一轮这张表已作废，没有计入的分数）"), "\(accept.err)")
        #expect(!accept.err.contains("此前一轮已确认的分数也会一并去掉"), "\(accept.err)")
        #expect(s.run("enter", [fix, "--by", "乙", "--identical"]).code == .success)
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        let r = SampleSession.run(["explain", "X07", "--session", s.path])
        #expect(r.out.contains("    代表 R20，标准 rights.ballot：（作废，未计入） → 2.5\n"), "\(r.out)")
        #expect(!r.out.contains("（空）"), "\(r.out)")
        let en = SampleSession.run(["explain", "X07", "--session", s.path, "--lang", "en"])
        #expect(en.out.contains("    representative R20, standard rights.ballot: (void, not counted) → 2.5\n"), "\(en.out)")
    }

    @Test("status puts the blank-cell note on its own line, and a --by with a bracket or a leading -- is refused at once; an old journal with one still verifies")
    func resolveLineAndOperatorName() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterConflictingX02()
        let status = s.run("status", [])
        let line = try #require(status.out.split(separator: "\n").first { $0.contains("kaimen session resolve") && $0.contains("--rep R05") })
        #expect(line.hasSuffix("--by 姓名"), "\(line)")
        #expect(status.out.contains("\n  （纸质评分表上这一项空白的，把命令中的 `--score 分数` 换成 `--blank`；姓名处填裁定人的姓名，不带括号）\n"), "\(status.out)")
        let before = s.journal
        for name in ["王秘书（原表空白则以", "王秘书(代)", "--王秘书", "【王】"] {
            let r = s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对原表", "--by=" + name])
            // A bad option value, as the others (exit 64 since 0.29.4, with the usage line).
            #expect(r.code == .usage, "\(name)")
            #expect(r.err.contains("错误：录入人姓名 `\(name)`") && r.err.contains("用法：kaimen session resolve"), "\(r.err)")
            #expect(r.err.contains(name.hasPrefix("--") ? "以 -- 开头" : "中有括号"), "\(r.err)")
        }
        #expect(s.journal == before)
        let enter = s.run("enter", [try s.file("c.csv", SampleSession.typed("a") { $0.hasPrefix("R01,X01,") }), "--by", "录入员(丙)"])
        #expect(enter.code == .usage && enter.err.contains("中有括号 `(`"), "\(enter.err)")
        #expect(s.journal == before)
        // The replay does not apply it: a journal written before with such a name still verifies.
        let t = try SampleSession(); defer { t.remove() }
        do {
            let folder = try SessionFolder.open(t.dir)
            _ = try folder.journal.append(.void, by: "王秘书（代）", content: .object([
                "representative": .string("R01"), "unit": .string("X01"), "reason": .string("评分表污损"),
            ]))
        }
        let verify = t.run("verify", [])
        #expect(verify.code == .success, "\(verify.err)")
        #expect(t.run("status", []).code == .success)
    }

    @Test("a journal saved with CRLF line ends: the resave is said, and not followed by 'the first record is no opening record'")
    func crlfJournal() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a") { $0.hasPrefix("R01,") })
        s.run("enter", [a, "--by", "甲"])
        let url = s.dir.appendingPathComponent("journal.jsonl")
        try Data(s.journal.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        for command in ["status", "verify", "enter"] {
            let r = s.run(command, command == "enter" ? [a, "--by", "乙"] : [])
            #expect(r.code == .failure, "\(command)")
            #expect(r.err.contains("Windows 换行（CRLF）"), "\(command): \(r.err)")
            #expect(!r.err.contains("日志的第一条记录不是建立会话的记录"), "\(command): \(r.err)")
        }
    }

    @Test("refusals that fit their case: resolve and void on a closed session, appeal on an open one")
    func refusalsFitTheirCase() throws {
        let s = try SampleSession(); defer { s.remove() }
        let appeal = s.run("appeal", ["--unit", "X04", "--reason", "申诉", "--by", "王秘书"])
        #expect(appeal.err.contains("会话尚未结束，不需要申诉复核：还未确认的评分表直接录入更正；已确认的项按纸质评分表用 `kaimen session resolve … --override` 改正"), "\(appeal.err)")
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        let resolve = s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对原表", "--by", "王秘书"])
        #expect(resolve.err.contains("会话已结束（已封存），不能再裁定；如需复核某单位，先用 `kaimen session appeal` 申诉复核"), "\(resolve.err)")
        #expect(!resolve.err.contains("不能再录入"), "\(resolve.err)")
        let void = s.run("void", ["--rep", "R05", "--unit", "X02", "--reason", "污损", "--by", "王秘书"])
        #expect(void.err.contains("会话已结束（已封存），不能再声明评分表作废"), "\(void.err)")
    }

    @Test("init given a path that is not there suggests the near file beside it: units, roster, schedule and the rules")
    func initSuggestsNearFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = SampleSession.run(["session", "init", dir.path, "--rules", "rules/xicheng-2014.json", "--units", "samples/xicheng-2014/unit.csv",
                                   "--roster", "samples/xicheng-2014/roster.csv", "--schedule", "samples/xicheng-2014/schedul.csv", "--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.contains("是不是 `samples/xicheng-2014/units.csv`？"), "\(r.err)")
        #expect(r.err.contains("是不是 `samples/xicheng-2014/schedule.csv`？"), "\(r.err)")
        #expect(r.err.contains("是不是 `rules/xicheng-2014.jsonc`？"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
        // Nothing near: no guess.
        let far = SampleSession.run(["session", "init", dir.path, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/单位名单.csv",
                                     "--roster", "samples/xicheng-2014/roster.csv", "--by", "王秘书"])
        #expect(far.code == .failure && !far.err.contains("是不是"), "\(far.err)")
    }

    @Test("a row whose unit name is already an error gets no sheet-id warning beside it; another row's is one sentence and a hint")
    func sheetIDWarningShort() throws {
        let s = try SampleSession(); defer { s.remove() }
        // X01's row typed over X02's template row: X02's sheet id and unit name, X01's id.
        let file = try s.file("a.csv", SheetNameMismatchTests.rows { unit in
            unit == "X01" ? ("0002-6", "顾尚礼", SheetNameMismatchTests.unitNames["X02"]!) : (SheetNameMismatchTests.sheetIDs[unit]!, "顾尚礼", SheetNameMismatchTests.unitNames[unit]!)
        })
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.err.contains("第 2 行 E 列（单位名称）：错误："), "\(r.err)")
        #expect(!r.err.contains("警告"), "\(r.err)")
        // Without the name error, the sheet id alone: one sentence, then the hint.
        let only = try s.file("b.csv", SheetNameMismatchTests.rows { unit in
            (unit == "X01" ? "0002-6" : SheetNameMismatchTests.sheetIDs[unit]!, "顾尚礼", SheetNameMismatchTests.unitNames[unit]!)
        })
        let w = s.run("enter", [only, "--by", "甲"])
        #expect(w.code == .success)
        let line = try #require(w.err.split(separator: "\n").first { $0.contains("警告") })
        #expect(line.hasSuffix("警告：表号 `0002-6` 是 R01 给 X02 的评分表，这一行却是 R01 给 X01 的，按编号录入；"
                               + "纸质表上印的代表和单位与这一行相同，就是打印后顺序改过，录入无误（按本会话的输入，这一行的表号是 `0001-8`）；不同则按纸质表改正这一行"), "\(line)")
    }
}
