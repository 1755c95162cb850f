import Foundation
import Testing
@testable import KaimenKit

/// `--period` (since 0.29.4): the assessment period the report and the notice print as 考核期,
/// for `score --out` and for a session, whose opening record keeps it for every close and for
/// `verify`. Without it they print the rules' `effective` dates (the sample's
/// `2014-01-01 至 2014-12-31`), as before. The Xicheng sample's session is a mid-year one
/// (seeds/003: 年中考核), so a secretary writes `2014年年中`.
@Suite("--period: the papers' 考核期")
struct PeriodTests {
    static let ruleDates = "<span><b>考核期</b>2014-01-01 至 2014-12-31</span>"
    static let midYear = "<span><b>考核期</b>2014年年中</span>"
    static let inputs = ["--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                         "--roster", "samples/xicheng-2014/roster.csv"]

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-period-\(name)-\(UUID().uuidString)")
    }

    static func text(_ dir: URL, _ file: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
    }

    @Test("score --out --period prints it on the report and the notice; without it, the rules' dates")
    func score() throws {
        let out = Self.temporary("score"), plain = Self.temporary("plain")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: plain) }
        let args = ["score"] + Self.inputs + ["--ballots", "samples/xicheng-2014/ballots.csv", "--format", "none"]
        let r = SampleSession.run(args + ["--out", out.path, "--period", "　2014年年中 "])
        #expect(r.code == .success, "\(r.err)")
        for file in ["report.html", "公示.html"] {
            let html = try Self.text(out, file)
            #expect(html.contains(Self.midYear) && !html.contains("2014-01-01 至"), "\(file)")
        }
        #expect(SampleSession.run(args + ["--out", plain.path]).code == .success)
        #expect(try Self.text(plain, "公示.html").contains(Self.ruleDates))
        // English: the same text, under its English label.
        let en = Self.temporary("en"); defer { try? FileManager.default.removeItem(at: en) }
        #expect(SampleSession.run(args + ["--out", en.path, "--period", "mid-2014", "--lang", "en"]).code == .success)
        #expect(try Self.text(en, "notice.html").contains("<span><b>Period</b>mid-2014</span>"))
    }

    @Test("a session's --period is recorded at init, printed at close, and verify rebuilds the papers with it")
    func session() throws {
        let dir = Self.temporary("session"), files = Self.temporary("typed")
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: files) }
        let opened = SampleSession.run(["session", "init", dir.path] + Self.inputs
                                       + ["--schedule", "samples/xicheng-2014/schedule.csv", "--period", "2014年年中", "--by", "王秘书"])
        #expect(opened.code == .success, "\(opened.err)")
        let first = try String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8).split(separator: "\n")[0]
        #expect(first.contains("\"period\":\"2014年年中\""))
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let typed = files.appendingPathComponent("a.csv")
        try Data(try SampleSession.typed("a").utf8).write(to: typed)
        for (by, more) in [("甲", [String]()), ("乙", ["--identical"])] {
            #expect(SampleSession.run(["session", "enter", dir.path, typed.path, "--by", by] + more).code == .success)
        }
        #expect(SampleSession.run(["session", "close", dir.path, "--by", "王秘书"]).code == .success)
        for file in ["results/report.html", "results/公示.html"] {
            #expect(try Self.text(dir, file).contains(Self.midYear), "\(file)")
        }
        let verified = SampleSession.run(["session", "verify", dir.path])
        #expect(verified.code == .success, "\(verified.err)")
        // The replay keeps it: the state read from the journal has it, for any later close.
        #expect(try SessionFolder.open(dir, writable: false).state.period == "2014年年中")
    }

    @Test("a period that is empty, too long or holds a control or invisible character is a usage error, and nothing is made",
          arguments: ["", "   ", String(repeating: "年", count: 41), "2014\u{202E}年中", "2014\n年中"])
    func refused(_ period: String) throws {
        let out = Self.temporary("bad"), dir = Self.temporary("bad-session")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: dir) }
        let r = SampleSession.run(["score"] + Self.inputs + ["--ballots", "samples/xicheng-2014/ballots.csv", "--out", out.path, "--period", period])
        #expect(r.code == .usage && r.err.contains("--period") && r.err.contains("用法"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let s = SampleSession.run(["session", "init", dir.path] + Self.inputs + ["--period", period, "--by", "王秘书"])
        #expect(s.code == .usage, "\(s.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
        // Each says what is wrong with it.
        let expected = period.trimmingSpaces().isEmpty ? "`--period` 不能为空" : period.count > 40 ? "`--period` 有 41 个字，最多 40 个" : "--period"
        #expect(r.err.contains(expected), "\(r.err)")
    }
}
