import Foundation
import Testing
@testable import KaimenKit

/// `status` of a sealed session shows figures read from its seal records (the appeal table) and
/// scores nothing again; `verify` does. It says so, and it checks each seal's `ranking` against
/// the `summary.csv` that seal holds the hash of: a seal whose ranking was rewritten, with every
/// hash recomputed after it, read as sealed, exit 0.
@Suite("status: the sealed ranking, said as such and checked against the sealed summary", .serialized)
struct StatusSealedRankingTests {
    @Test("a closed session: where its result is, that status did not score it again, and the verify command that does")
    func closedSaysSo() throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        let r = s.run("status", [])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.hasSuffix("\n会话已结束并封存（共 1 版结果，最新一版在 \(s.path)/results/）。\n"
            + "status 只核对日志和结果文件与封存时一致，没有重新计分；要按日志重新计分、逐项核对结果，运行 kaimen session verify \(s.path)。\n"), "\(r.out)")
        let en = s.run("status", ["--lang", "en"])
        #expect(en.out.contains("does not score the session again; to score it again from the journal and check every figure of the result, run kaimen session verify \(s.path)."))
    }

    @Test("after an appeal: the table of what it changed is said to be the seals' figures, checked against their summaries")
    func appealTable() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.closeThenAppealX04()
        let b = try s.file("x04.csv", SampleSession.typed("b") { $0.hasPrefix("R13,X04,") }.replacingOccurrences(of: "R13,X04,3,", with: "R13,X04,1,"))
        for by in ["甲", "乙"] { try #require(s.run("enter", [b, "--by", by, "--identical"]).code == .success) }
        try #require(s.run("close", ["--by", "王秘书"]).code == .success)
        let r = s.run("status", [])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains("申诉复核改变的结果：\n"))
        #expect(r.out.contains("（以上总分、名次和等级取自各版的封存记录，已与封存的 summary.csv 核对，没有按日志重新计分；要重新计分并逐项核对，运行 kaimen session verify \(s.path)）\n"), "\(r.out)")
        #expect(r.out.contains("会话已结束并封存（共 2 版结果，最新一版在 \(s.path)/results/v2/）。"))
    }

    /// The units ranked first and second swap ranks in the seal; every hash after is recomputed.
    @Test("a seal whose ranking was rewritten and the chain hashed again: status names each figure against the sealed summary, and exits 1")
    func rewrittenRanking() throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        let seal = try #require(try s.journalLines.map { try JournalRecord.parse($0).get() }.last { $0.kind == .seal })
        let ranking = try #require(seal.content["ranking"]?.objectValue)
        let first = try #require(ranking.first { $0.value["rank"]?.intValue == 1 }?.key)
        let second = try #require(ranking.first { $0.value["rank"]?.intValue == 2 }?.key)
        try SessionPathTests.forge(s) { SessionPathTests.setSeal(&$0) { o in
            guard case .object(var r)? = o["ranking"], case .object(var a)? = r[first], case .object(var b)? = r[second] else { return }
            (a["rank"], b["rank"]) = (.num(2), .num(1))
            (r[first], r[second]) = (.object(a), .object(b))
            o["ranking"] = .object(r)
        } }
        let r = s.run("status", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("journal.jsonl:3:1: 错误：封存记录 3 的字段 `ranking`（名次、总分和等级）与它封存的结果文件 `results/summary.csv` 不符："
            + "`\(first)` 的名次（rank）封存为 `2`，`results/summary.csv` 中为 `1`；`\(second)` 的名次（rank）封存为 `1`，`results/summary.csv` 中为 `2`"), "\(r.err)")
        #expect(r.out.contains("会话已结束并封存（共 1 版结果），但会话日志已损坏（见上面的错误）"), "\(r.out)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        #expect(json["journalDamaged"] as? Bool == true)
        #expect(json["changedResults"] as? [String] == [])
        // verify scores it again and says the same of the journal's result: the same
        // differences in the same order (the file's, which is the journal's), quoted alike.
        #expect(s.run("verify", []).err.contains("封存记录 3 的字段 `ranking`（名次、总分和等级）与按日志重新计算的结果不符："
            + "`\(first)` 的名次（rank）封存为 `2`，按日志应为 `1`；`\(second)` 的名次（rank）封存为 `1`，按日志应为 `2`"))
    }

    @Test("a summary's figures: by its headers in either language, the standards' names row left out; unknown headers read as nothing")
    func figures() {
        let zh = "\u{FEFF}排名,类别排名,单位编号,单位,类别,总分,等级,说明,a.x\n,,,,,,,,甲标准\n1,1,X02,乙,企业,90.50,优秀,\"注,释\",3\n2,1,X01,甲,街道,80.00,良好,,2\n"
        #expect(Verifier.summaryFigures(Data(zh.utf8), path: "results/summary.csv")
            == ["X02": ["rank": "1", "total": "90.50", "grade": "优秀"], "X01": ["rank": "2", "total": "80.00", "grade": "良好"]])
        let en = "Rank,In category,Unit id,Unit,Category,Total,Grade\n1,1,X01,A,x,70.00,良好\n"
        #expect(Verifier.summaryFigures(Data(en.utf8), path: "s.csv") == ["X01": ["rank": "1", "total": "70.00", "grade": "良好"]])
        #expect(Verifier.summaryFigures(Data("名次,编号,分数\n1,X01,70\n".utf8), path: "s.csv") == nil)
    }
}
