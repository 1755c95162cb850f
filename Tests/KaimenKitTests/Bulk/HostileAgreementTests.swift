import Foundation
import Testing
@testable import KaimenKit

/// Inputs a hostile test found where the byte readers and the checked readers disagreed: the
/// fast engine scored what the exact one refused. Each is the Xicheng sample with one edit,
/// scored by both engines through `kaimen score`; both must give the same exit code, output and
/// messages.
@Suite("Both engines agree on ids equal as text, trailing zeros and percentages beyond the limits")
struct HostileAgreementTests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
    }

    /// Scores the edited files with each engine; expects the same exit code, stdout and
    /// messages, and returns them (the exact engine's).
    static func both(units: String? = nil, ballots: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws -> (code: ExitCode, out: String, err: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try (units ?? text("units.csv")).write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        try (ballots ?? text("ballots.csv")).write(to: dir.appendingPathComponent("ballots.csv"), atomically: true, encoding: .utf8)
        var results: [String: (ExitCode, String, String)] = [:]
        for engine in ["exact", "fast"] {
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            let code = CLI.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", dir.appendingPathComponent("units.csv").path,
                                "--roster", "samples/xicheng-2014/roster.csv", "--ballots", dir.appendingPathComponent("ballots.csv").path,
                                "--engine", engine, "--format", "csv"], console: console)
            // The fast engine's last line when it handed the input over is its own note, not a message.
            let err = console.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("提示：快速读取器遇到") }.joined(separator: "\n")
            results[engine] = (code, console.stdout, err.replacingOccurrences(of: dir.path, with: "DIR"))
        }
        let (exact, fast) = (results["exact"]!, results["fast"]!)
        #expect(fast.0 == exact.0, "exit codes: fast \(fast.0), exact \(exact.0)\n\(fast.2)", sourceLocation: sourceLocation)
        #expect(fast.1 == exact.1, sourceLocation: sourceLocation)
        #expect(fast.2 == exact.2, sourceLocation: sourceLocation)
        return exact
    }

    /// `text` with the first `old` replaced by `new` (which must be there).
    static func replacing(_ text: String, _ old: String, _ new: String) throws -> String {
        let range = try #require(text.range(of: old))
        return text.replacingCharacters(in: range, with: new)
    }

    @Test("two unit ids that are one id as text (a composed letter and its parts; a compatibility ideograph) are one id for both",
          arguments: [("U\u{E9}", "Ue\u{301}"), ("U\u{F900}", "U\u{8C48}"), ("UK", "U\u{212A}")])
    func idsEqualAsText(_ first: String, _ second: String) throws {
        var units = try Self.text("units.csv")
        units = try Self.replacing(units, "\nX01,", "\n\(first),")
        units = try Self.replacing(units, "\nX02,", "\n\(second),")
        var ballots = try Self.text("ballots.csv")
        ballots = ballots.replacingOccurrences(of: ",X01,", with: ",\(first),").replacingOccurrences(of: ",X02,", with: ",\(second),")
        let r = try Self.both(units: units, ballots: ballots)
        #expect(r.code == .failure)
        #expect(r.err.contains("用了两次"), "\(r.err)")
    }

    @Test("a score or a metric with many zeros after the point is its value for both")
    func trailingZeros() throws {
        let zeros = String(repeating: "0", count: 40)
        let ballots = try Self.text("ballots.csv")
        let line = try #require(ballots.split(separator: "\n").dropFirst().first.map(String.init))
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let edited = try Self.replacing(ballots, line, (cells.dropLast() + [cells.last! + (cells.last!.contains(".") ? "" : ".") + zeros]).joined(separator: ","))
        let plain = try Self.both()
        let r = try Self.both(ballots: edited)
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out == plain.out, "the same scores as without the zeros")
        // A metric: 5.000…0 is 5.
        var units = try Self.text("units.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var row = units[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let c = try #require(row.indices.last { Int(row[$0]) != nil })
        row[c] += "." + zeros
        units[1] = row.joined(separator: ",")
        let metric = try Self.both(units: units.joined(separator: "\n"))
        #expect(metric.code == .success, "\(metric.err)")
        #expect(metric.out == plain.out)
    }

    @Test("a percentage beyond twelve digits as written is beyond the limits for both (docs/inputs.md: limits apply as written)",
          arguments: ["1234567890123%", "-99999999999999%", "9999999999999.5%"])
    func percentBeyondLimits(_ cell: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = RulesText.single(points: "10", metrics: RulesText.metric("n", "number"), method: #""method": "linear", "metric": "n", "floor": 0, "target": 10"#)
        let files = [("rules.jsonc", rules), ("units.csv", "id,name,n\nU1,一,5\nU2,二,\(cell)\n"),
                     ("roster.csv", "id,name,group,units\nR1,代表一,一组,\n"), ("ballots.csv", "representative,unit,standard,score\n")]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var results: [String: (ExitCode, String, String)] = [:]
        for engine in ["exact", "fast"] {
            let console = BufferConsole(currentDirectory: dir.path)
            let code = CLI.run(["score", "--rules", "rules.jsonc", "--units", "units.csv", "--roster", "roster.csv", "--ballots", "ballots.csv",
                                "--engine", engine, "--format", "csv"], console: console)
            results[engine] = (code, console.stdout, console.stderr)
        }
        #expect(results["exact"]!.0 == .failure, "\(results["exact"]!.2)")
        #expect(results["exact"]!.2.contains("12 位"), "\(results["exact"]!.2)")
        #expect(results["fast"]!.0 == results["exact"]!.0)
        #expect(results["fast"]!.2 == results["exact"]!.2)
    }

    @Test("a metric headed both by its id and by its name is an error for both, naming both columns; neither is read")
    func metricColumnTwice() throws {
        var lines = try Self.text("units.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
        let c = try #require(header.firstIndex(of: "training_sessions"))
        lines[0] += ",职工教育培训期数"
        for k in 1..<lines.count where !lines[k].isEmpty {
            let cells = lines[k].split(separator: ",", omittingEmptySubsequences: false)
            lines[k] += ",\(Int(cells[c])! + 1)"  // a different value: which counts?
        }
        let r = try Self.both(units: lines.joined(separator: "\n"))
        #expect(r.code == .failure)
        let letter = CellPosition.letter(c), last = CellPosition.letter(header.count)
        #expect(r.err.contains("第 1 行 \(last) 列（职工教育培训期数）：错误：指标“职工教育培训期数”（`training_sessions`）有两列：\(letter) 列写编号 `training_sessions`，\(last) 列写名称“职工教育培训期数”"), "\(r.err)")
        #expect(!r.err.contains("不是这套规则的指标"))
    }

    @Test("a wide ballots file heading one standard by its name and by its id: one header error for both engines, not one per row")
    func standardColumnTwice() throws {
        var lines = try Self.text("typed-a.csv").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        lines[0] += ",rights.ballot"
        for k in 1..<lines.count { lines[k] += "," + lines[k].split(separator: ",", omittingEmptySubsequences: false)[2] }
        let r = try Self.both(ballots: lines.joined(separator: "\n") + "\n")
        #expect(r.code == .failure)
        let errors = r.err.split(separator: "\n").filter { $0.contains("：错误：") }
        #expect(errors.count == 1, "\(r.err)")
        #expect(errors.first?.contains("第 1 行 K 列（rights.ballot）：错误：标准 `rights.ballot` 有两列：C 列（依法维权工作评价（职工代表评分））和这一列写的是同一条标准") == true, "\(r.err)")
    }

    @Test("the same, when each row fills only one of the two columns: the byte reader hands over, so both refuse")
    func standardColumnTwiceSparse() throws {
        var lines = try Self.text("typed-a.csv").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        lines[0] += ",rights.ballot"
        for k in 1..<lines.count {
            var cells = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let value = cells[2]
            if k % 2 == 0 { cells[2] = "" }
            lines[k] = cells.joined(separator: ",") + "," + (k % 2 == 0 ? value : "")
        }
        let r = try Self.both(ballots: lines.joined(separator: "\n") + "\n")
        #expect(r.code == .failure)
        #expect(r.err.contains("有两列"), "\(r.err)")
    }

    @Test("a score with more digits than kaimen holds is out of range for both engines, not 'not a number'",
          arguments: ["99999999999999999999999", "400000000000000000000000", "-99999999999999999999999999999999"])
    func hugeScore(_ score: String) throws {
        let ballots = try Self.replacing(try Self.text("ballots.csv"), "R01,X01,rights.ballot,3.5", "R01,X01,rights.ballot,\(score)")
        let r = try Self.both(ballots: ballots)
        #expect(r.code == .failure)
        #expect(r.err.contains("不在 0–4 之间") || r.err.contains("0–4"), "\(r.err)")
        #expect(!r.err.contains("不是数字"), "\(r.err)")
    }

    @Test("a bidirectional control in a unit's name or a ballot's id is one located error for both engines",
          arguments: ["\u{202E}", "\u{2066}", "\u{200F}", "\u{061C}"])
    func bidiControl(_ control: String) throws {
        let units = try Self.replacing(try Self.text("units.csv"), "X02,西城区德胜", "X02,西城区\(control)德胜")
        let r = try Self.both(units: units)
        #expect(r.code == .failure)
        #expect(r.err.contains("DIR/units.csv 第 3 行 B 列（name）：错误：这里有双向文字控制字符"), "\(r.err)")
        let ballots = try Self.replacing(try Self.text("ballots.csv"), "R01,X01,publicity,1.5", "R01,X01\(control),publicity,1.5")
        let b = try Self.both(ballots: ballots)
        #expect(b.code == .failure)
        #expect(b.err.contains("双向文字控制字符"), "\(b.err)")
    }

    @Test("a long ballots file naming its standards by name scores as with their ids, for both engines; a near name is an error")
    func longFormStandardNames() throws {
        let original = try Self.text("ballots.csv")
        let named = original.replacingOccurrences(of: ",rights.ballot,", with: ",依法维权工作评价（职工代表评分）,")
            .replacingOccurrences(of: ",safety.ballot,", with: ",安全生产工作评价（职工代表评分）,")
        #expect(named != original)
        let byName = try Self.both(ballots: named), byID = try Self.both()
        #expect(byName.code == .success)
        #expect(byName.out == byID.out)
        let near = try Self.replacing(original, "R01,X01,rights.ballot,3.5", "R01,X01,依法维权工作评价,3.5")
        let r = try Self.both(ballots: near)
        #expect(r.code == .failure)
        #expect(r.err.contains("是不是 `依法维权工作评价（职工代表评分）`？"), "\(r.err)")
        // A standard scored from metrics, named: the same message as for its id.
        let metric = try Self.replacing(original, "R01,X01,rights.ballot,3.5", "R01,X01,集体合同签订率,3.5")
        let m = try Self.both(ballots: metric)
        #expect(m.err.contains("标准 `集体合同签订率` 按指标计分，不由代表打分"), "\(m.err)")
    }

    @Test("an id typed in full-width characters is refused by both engines, with the half-width id to write")
    func fullWidthIDs() throws {
        var ballots = try Self.replacing(try Self.text("ballots.csv"), "R01,X01,publicity,1.5", "Ｒ０１,X01,publicity,1.5")
        ballots = try Self.replacing(ballots, "R01,X01,rights.ballot,3.5", "R01,Ｘ０１,rights.ballot,3.5")
        let r = try Self.both(ballots: ballots)
        #expect(r.code == .failure)
        #expect(r.err.contains("投票人 `Ｒ０１` 不在代表名单上；编号要用半角字符：是不是 `R01`？"), "\(r.err)")
        #expect(r.err.contains("`Ｘ０１` 不在单位文件里；编号要用半角字符：是不是 `X01`？"), "\(r.err)")
    }

    @Test("a last line of spaces, or a row of blank cells short of the header, is skipped by both engines")
    func linesOfSpaces() throws {
        let plain = try Self.both()
        let r = try Self.both(units: try Self.text("units.csv") + "   \n", ballots: try Self.text("ballots.csv") + " , , \n\t\n")
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out == plain.out)
    }

    @Test("a header of three hundred thousand columns is read (in its own size's time: not timed here)")
    func wideHeader() throws {
        let header = "representative,unit,standard,score," + (0..<300_000).map { "c\($0)" }.joined(separator: ",")
        let bytes = Array((header + "\nR01,X01,rights.ballot,3\n").utf8)
        let parsed = try #require(bytes.withUnsafeBufferPointer { BulkCSV.header($0) })
        #expect(parsed.names.count == 300_004)
        let repeated = Array((header + ",c17\nR01,X01,rights.ballot,3\n").utf8)
        #expect(repeated.withUnsafeBufferPointer { BulkCSV.header($0) } == nil, "a repeated name: the checked reader reports it")
    }
}
