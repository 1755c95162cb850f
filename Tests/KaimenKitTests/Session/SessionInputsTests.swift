import Foundation
import Testing
@testable import KaimenKit

/// `panel DIR`, `compare DIR` and `sensitivity DIR`: a session folder in place of the four files.
@Suite("A session folder as the input of panel, compare and sensitivity", .serialized)
struct SessionInputsTests {
    static let files = ["--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                        "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv"]

    /// The Xicheng sample as .ci/session.sh enters it: typed-a and typed-b by two operators, the
    /// one conflict (R05×X02 rights.ballot, 4 against 3) resolved to 4 as ballots.csv has it.
    static func entered() throws -> SampleSession {
        let s = try SampleSession()
        for (file, by) in [("typed-a.csv", "录入员甲"), ("typed-b.csv", "录入员乙")] {
            let r = s.run("enter", ["samples/xicheng-2014/\(file)", "--by", by])
            try #require(r.code == .success, "\(r.err)")
        }
        let r = s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对纸质评分表", "--by", "王秘书"])
        try #require(r.code == .success, "\(r.err)")
        return s
    }

    func raters(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["raters"] as? [[String: Any]])
    }

    @Test("panel DIR gives every representative the figures panel gives on the equivalent files")
    func panelMatchesFiles() throws {
        let s = try Self.entered(); defer { s.remove() }
        let fromSession = SampleSession.run(["panel", s.path, "--format", "json", "--resamples", "100"])
        let fromFiles = SampleSession.run(["panel"] + Self.files + ["--schedule", "samples/xicheng-2014/schedule.csv", "--format", "json", "--resamples", "100"])
        #expect(fromSession.code == .success, "\(fromSession.err)")
        #expect(fromFiles.code == .success)
        let a = try raters(fromSession.out), b = try raters(fromFiles.out)
        #expect(a.count == 27 && b.count == 27)
        for (x, y) in zip(a, b) {
            let id = x["id"] as? String ?? "?"
            for key in Set(x.keys).union(y.keys) where key != "recused" {
                // As objects (a pair of counts is a dictionary, whose text has no fixed key order).
                #expect(x[key] as? NSObject == y[key] as? NSObject, "\(id) \(key)")
            }
            // ballots.csv holds R24's 8 ballots for X08, R24's own unit: set aside there as a
            // recusal violation; the session never expects that sheet, so none are set aside.
            #expect(x["recused"] as? Int == 0, "\(id)")
            #expect(y["recused"] as? Int == (id == "R24" ? 8 : 0), "\(id)")
        }
    }

    @Test("panel DIR refuses input files as well, and a folder that is not a session")
    func panelRefuses() throws {
        let s = try Self.entered(); defer { s.remove() }
        let both = SampleSession.run(["panel", s.path, "--units", "samples/xicheng-2014/units.csv"])
        #expect(both.code == .usage)
        #expect(both.err.contains("会话文件夹自带输入文件：去掉 `--units`"))
        let none = SampleSession.run(["panel", s.path + "-nowhere"])
        #expect(none.code == .failure)
        #expect(!none.err.isEmpty)
    }

    @Test("compare DIR --rules NEW takes the session's own rules as OLD")
    func compareDefaultsOld() throws {
        let s = try Self.entered(); defer { s.remove() }
        // The same rules on both sides: nobody moves.
        let same = SampleSession.run(["compare", s.path, "--rules", "rules/xicheng-2014.jsonc", "--format", "json", "--lang", "en"])
        #expect(same.code == .success, "\(same.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(same.out.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.count == 9)
        #expect(units.allSatisfy { $0["rankChange"] as? Int == 0 && $0["gradeChanged"] as? Bool == false })
        let old = try #require(object["old"] as? [String: Any])
        #expect((old["file"] as? String)?.hasSuffix("/inputs/rules/xicheng-2014.jsonc") == true, "OLD is the session's copy of its rules")
        // Against Dongcheng's rules: the same comparison as with the four files (same ballots).
        let dongcheng = SampleSession.run(["compare", s.path, "--rules", "rules/dongcheng-2019.jsonc", "--assume-missing", "notAssessable", "--format", "csv"])
        let files = SampleSession.run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/dongcheng-2019.jsonc"] + Self.files.dropFirst(2)
                                      + ["--assume-missing", "notAssessable", "--format", "csv"])
        #expect(dongcheng.code == .success, "\(dongcheng.err)")
        // The tables alike; the warning rows above them (since 0.29.7) name the files as each run read them.
        func table(_ csv: String) -> [Substring] { csv.split(whereSeparator: \.isNewline).drop { !$0.hasPrefix("编号,") }.map { $0 } }
        #expect(table(dongcheng.out) == table(files.out) && !table(files.out).isEmpty)
        #expect(!dongcheng.out.isEmpty)
    }

    @Test("sensitivity DIR runs on the session's ballots")
    func sensitivity() throws {
        let s = try Self.entered(); defer { s.remove() }
        let r = SampleSession.run(["sensitivity", s.path, "--scenarios", "5", "--vary", "aggregation", "--format", "csv"])
        #expect(r.code == .success, "\(r.err)")
        // one header row and the 9 units, below the 提示 rows (since 0.29.7)
        #expect(r.out.split(whereSeparator: \.isNewline).drop { !$0.hasPrefix("编号,") }.count == 10)
    }

    /// A tuner's 2027 file on this year's session (a known gap of session 52: `sensitivity DIR
    /// --rules NEW` was refused, though `compare DIR --rules NEW` took the session's rules as OLD).
    @Test("sensitivity DIR --rules NEW analyses NEW on the session's ballots carried from its own rules, as with the files")
    func sensitivityCarriesFromSession() throws {
        let s = try Self.entered(); defer { s.remove() }
        let base = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        // rights.ballot 4 → 5 points (its ballots, cast on 0–4, are carried), rights.contracts 3 → 2 so the area still adds up to 12.
        let new = try s.file("xicheng-2027.jsonc", """
            { "format": 1, "extends": "\(base)", "id": "xicheng-2027", "title": "2027年细则", "issuer": "西城区总工会",
              "version": "2027.1", "effective": { "from": "2027-01-01" },
              "override": { "standards": [
                { "id": "rights.contracts", "points": 2, "criteria": "99%以上得2分，90%以上得1分。",
                  "bands": [ { "min": 0.99, "points": 2 }, { "min": 0.90, "points": 1 } ] },
                { "id": "rights.ballot", "points": 5 } ] } }
            """)
        let options = ["--scenarios", "20", "--vary", "aggregation,leave-one-out", "--format", "json"]
        let fromSession = SampleSession.run(["sensitivity", s.path, "--rules", new] + options)
        #expect(fromSession.code == .success, "\(fromSession.err)")
        #expect(fromSession.err.contains("警告：`\(new)` 把 `rights.ballot`"), "the carry is said: \(fromSession.err)")
        // The same as OLD and NEW given as files with the sample's inputs (the same ballots confirmed).
        let copy = s.dir.appendingPathComponent("inputs/rules/xicheng-2014.jsonc").path
        let fromFiles = SampleSession.run(["sensitivity", "--rules", copy, "--rules", new] + Self.files.dropFirst(2) + options)
        #expect(fromFiles.code == .success, "\(fromFiles.err)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(fromSession.out.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(fromFiles.out.utf8)) as? [String: Any])
        #expect(a as NSDictionary == b as NSDictionary)
        #expect((a["units"] as? [Any])?.count == 9)
        // Two --rules with the folder are OLD and NEW as given; --units beside the folder is still refused.
        let two = SampleSession.run(["sensitivity", s.path, "--rules", copy, "--rules", new] + options)
        #expect(two.code == .success && two.out == fromSession.out, "\(two.err)")
        let units = SampleSession.run(["sensitivity", s.path, "--rules", new, "--units", "samples/xicheng-2014/units.csv"])
        #expect(units.code == .usage)
        #expect(units.err.contains("会话文件夹自带输入文件：去掉 `--units`"), "\(units.err)")
    }

    /// Found by a hostile test: compare and sensitivity on a session with nothing confirmed
    /// spoke of a ballots file's header (and compare blamed the rules file); panel did not.
    @Test("nothing confirmed yet: panel, compare and sensitivity say so, as the session's state")
    func nothingConfirmed() throws {
        let s = try SampleSession(); defer { s.remove() }
        for (args, last) in [(["panel", s.path], "1 个错误；未做分析"), (["compare", s.path, "--rules", "rules/xicheng-2014.jsonc"], "1 个错误，未比较"),
                             (["sensitivity", s.path, "--scenarios", "5"], "1 个错误，未分析")] {
            let r = SampleSession.run(args)
            #expect(r.code == .failure)
            #expect(r.err.contains("错误：会话中还没有一张已确认的评分表，没有可计的选票"), "\(args[0]): \(r.err)")
            #expect(!r.err.contains("表头") && !r.err.contains("jsonc："), "\(args[0]): \(r.err)")
            #expect(r.err.hasSuffix(last + "\n"), "\(args[0]): \(r.err)")
        }
    }
}
