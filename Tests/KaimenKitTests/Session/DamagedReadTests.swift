import Foundation
import Testing
@testable import KaimenKit

/// The commands that read a session's figures (`explain --session`, `panel`, `sensitivity`,
/// `compare`) give none from a damaged journal: found by a hostile test, in which, after
/// `sed -i 3d journal.jsonl`, each printed the chain's errors, then results never sealed, and
/// exited 0.
@Suite("Reading a damaged session gives no figures", .serialized)
struct DamagedReadTests {
    typealias P = SessionPathTests

    static let commands: [[String]] = [["explain", "X08", "--session"], ["panel"], ["sensitivity"], ["compare", "--rules", "rules/xicheng-2014.jsonc"]]

    /// `command` run on the session `s` (the folder where `--session` or the positional goes).
    static func run(_ command: [String], _ s: SampleSession) -> (code: ExitCode, out: String, err: String) {
        command.first == "explain" ? SampleSession.run(command + [s.path])
            : command.first == "compare" ? SampleSession.run(["compare", s.path] + command.dropFirst()) : SampleSession.run(command + [s.path])
    }

    static func expectRefused(_ s: SampleSession, _ command: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let r = run(command, s)
        #expect(r.code == .failure, "\(command): \(r.out)", sourceLocation: sourceLocation)
        #expect(r.out.isEmpty, "\(command): \(r.out)", sourceLocation: sourceLocation)
        #expect(r.err.components(separatedBy: "会话日志已损坏（见上），不给出结果").count == 2, "\(command): \(r.err)", sourceLocation: sourceLocation)
    }

    @Test("a record cut out of the journal (sed -i 2d)", arguments: commands)
    func lineRemoved(_ command: [String]) throws {
        let s = try P.closed(); defer { s.remove() }
        try #require(Self.run(command, s).code == .success, "\(command)")
        let lines = s.journalLines
        try Data((([lines[0]] + lines.dropFirst(2)).joined(separator: "\n") + "\n").utf8).write(to: s.dir.appendingPathComponent(Journal.fileName))
        Self.expectRefused(s, command)
    }

    @Test("a score changed before the seal and every hash recomputed (the sealed ballots tell)", arguments: commands)
    func rehashed(_ command: [String]) throws {
        let s = try P.closed(); defer { s.remove() }
        try P.forge(s) { records in
            guard case .object(var o) = records[1].content, var sheets = o["sheets"]?.arrayValue, case .object(var sheet) = sheets[0],
                  case .object(var scores) = sheet["scores"] else { return }
            scores["rights.ballot"] = .string("0")
            sheet["scores"] = .object(scores)
            sheets[0] = .object(sheet)
            o["sheets"] = .array(sheets)
            records[1].content = .object(o)
        }
        Self.expectRefused(s, command)
    }

    @Test("an appeal of X99 appended by hand (a record no command writes)")
    func recordInvalid() throws {
        let s = try ReplayArgumentsTests.appeal { $0.content = .object(["unit": .string("X99"), "reason": .string("申诉")]) }; defer { s.remove() }
        for command in Self.commands { Self.expectRefused(s, command) }
    }
}
