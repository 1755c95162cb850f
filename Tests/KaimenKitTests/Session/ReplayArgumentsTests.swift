import Foundation
import Testing
@testable import KaimenKit

/// Records appended by hand, every hash recomputed, whose arguments the command would have
/// refused: replayed by the commands' own argument checks, each is `journal-record-invalid`
/// at its line, saying what is wrong. Found by a hostile test, whose appeal of `X99`, `by`
/// empty or holding U+202E, empty reason and month 13 all passed `verify`.
@Suite("Replay: records with arguments no command takes", .serialized)
struct ReplayArgumentsTests {
    typealias P = SessionPathTests

    /// The closed sample with an appeal appended (record 4), made by `change`.
    static func appeal(_ change: (inout JournalRecord) -> Void) throws -> SampleSession {
        let s = try P.closed()
        try P.forge(s) { records in
            var r = JournalRecord(seq: records.count + 1, time: records[0].time, by: "王秘书", kind: .appeal,
                                  content: .object(["unit": .string("X04"), "reason": .string("申诉")]), prev: "")
            change(&r)
            records.append(r)
        }
        return s
    }

    @Test("the appeal as the command writes it reads whole (the forging itself is no damage)")
    func genuineAppeal() throws {
        let s = try Self.appeal { _ in }; defer { s.remove() }
        #expect(s.run("verify", []).code == .success)
    }

    @Test("an appeal of X99, a unit the units file does not hold")
    func unknownUnit() throws {
        let s = try Self.appeal { $0.content = .object(["unit": .string("X99"), "reason": .string("申诉")]) }; defer { s.remove() }
        ReplayCheckTests.expectDamage(s, seq: 4, "记录 4（appeal）不是 kaimen 的命令能写出的：命令不会接受它的参数：单位 `X99` 不在单位文件中")
    }

    @Test("an appeal by nobody, or by a name holding a bidi override")
    func badOperator() throws {
        let s = try Self.appeal { $0.by = "" }; defer { s.remove() }
        ReplayCheckTests.expectDamage(s, seq: 4, "其中的 --by 命令不会接受：必须给出 `--by NAME`")
        let t = try Self.appeal { $0.by = "a\u{202E}b" }; defer { t.remove() }
        ReplayCheckTests.expectDamage(t, seq: 4, "其中的 --by 命令不会接受：`--by` 的值 `a\\u{202E}b` 里有看不见的字符")
    }

    @Test("an appeal with an empty reason")
    func emptyReason() throws {
        let s = try Self.appeal { $0.content = .object(["unit": .string("X04"), "reason": .string(" ")]) }; defer { s.remove() }
        ReplayCheckTests.expectDamage(s, seq: 4, "其中的 --reason 命令不会接受：须写明理由（--reason）")
    }

    @Test("a record at a time no clock gives", arguments: ["2014-13-45T99:00:00Z", "2014-02-30T10:00:00Z", "2014-07-08 09:30:00", "2014-07-08T09:30:00.5Z"])
    func badTime(_ time: String) throws {
        let s = try Self.appeal { $0.time = time }; defer { s.remove() }
        ReplayCheckTests.expectDamage(s, seq: 4, "时间 `\(time)` 不是 kaimen 记下的时刻")
    }

    @Test("a resolve of an item no rules hold, a score over its maximum; a void of a representative not on the roster")
    func badSheetArguments() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterConflictingX02()
        func add(_ kind: JournalRecord.Kind, _ content: [String: JSONOut]) throws {
            try P.forge(s) { records in
                records.append(JournalRecord(seq: records.count + 1, time: records[0].time, by: "王秘书", kind: kind, content: .object(content), prev: ""))
            }
        }
        let resolve: [String: JSONOut] = ["representative": .string("R05"), "unit": .string("X02"), "standard": .string("rights.ballot"),
                                          "score": .string("4"), "reason": .string("核对原表"), "round": .num(1)]
        try add(.resolve, resolve.merging(["standard": .string("nope.ballot")]) { $1 })
        ReplayCheckTests.expectDamage(s, seq: 4, "记录 4（resolve）不是 kaimen 的命令能写出的：命令不会接受它的参数：")
        #expect(s.run("verify", []).err.contains("nope.ballot"))
        try P.forge(s) { $0.removeLast() }
        try add(.resolve, resolve.merging(["score": .string("40")]) { $1 })
        ReplayCheckTests.expectDamage(s, seq: 4, "记录 4（resolve）不是 kaimen 的命令能写出的：命令不会接受它的参数：")
        try P.forge(s) { $0.removeLast() }
        try add(.resolve, resolve)
        #expect(s.run("verify", []).code == .success)
        try P.forge(s) { $0.removeLast() }
        try add(.void, ["representative": .string("R99"), "unit": .string("X02"), "reason": .string("污损")])
        ReplayCheckTests.expectDamage(s, seq: 4, "记录 4（void）不是 kaimen 的命令能写出的：命令不会接受它的参数：代表 `R99` 不在名单中")
    }

    /// A review: an entry by a third typist with `R01×X01` scored 40 on a standard worth 4 and
    /// on `nope.ballot`, and a sheet `R99×X77`, passed verify, and close sealed it.
    @Test("an entry whose sheets or scores enter would not record: each named; a resolve written as the command takes it, not as it records it")
    func badEntry() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterConflictingX02()
        func entry(_ sheets: [JSONOut]) throws {
            try P.forge(s) { records in
                var r = records.last { $0.kind == .entry }!
                r.seq = records.count + 1
                r.by = "录入员丙"
                var c = r.content.objectValue ?? [:]
                c["sheets"] = .array(sheets)
                r.content = .object(c)
                records.append(r)
            }
        }
        func sheet(_ rep: String, _ unit: String, _ scores: [String: JSONOut]) -> JSONOut {
            .object(["representative": .string(rep), "unit": .string(unit), "scores": .object(scores)])
        }
        try entry([sheet("R01", "X01", ["rights.ballot": .string("40"), "nope.ballot": .string("1")])])
        ReplayCheckTests.expectDamage(s, seq: 4, "记录 4（entry）不是 kaimen 的命令能写出的：命令不会接受它的参数：")
        let said = s.run("verify", []).err
        #expect(said.contains("nope.ballot") && said.contains("`rights.ballot` 的分数记为 `40`"), "\(said)")
        try P.forge(s) { $0.removeLast() }
        try entry([sheet("R99", "X77", [:])])
        #expect(s.run("verify", []).err.contains("代表 `R99` 不在名单中"))
        try P.forge(s) { $0.removeLast() }
        // `3.0` is a score the item holds, but enter records `3`; a blank cell is `null`.
        try entry([sheet("R01", "X01", ["rights.ballot": .string("3.0"), "publicity": .null])])
        #expect(s.run("verify", []).err.contains("`rights.ballot` 的分数记为 `3.0`"))
        try P.forge(s) { $0.removeLast() }
        try entry([sheet("R01", "X01", ["rights.ballot": .string("3"), "publicity": .null])])
        #expect(!s.run("verify", []).err.contains("不是 kaimen 的命令能写出的"), "\(s.run("verify", []).err)")
        // A resolve naming the standard by its name, or the score in full-width digits: taken by
        // the command, never recorded so.
        try P.forge(s) { $0.removeLast() }
        try P.forge(s) { records in
            records.append(JournalRecord(seq: records.count + 1, time: records[0].time, by: "王秘书", kind: .resolve,
                                         content: .object(["representative": .string("R05"), "unit": .string("X02"),
                                                           "standard": .string("依法维权工作评价（职工代表评分）"), "score": .string("4"),
                                                           "reason": .string("核对原表"), "round": .num(1)]), prev: ""))
        }
        ReplayCheckTests.expectDamage(s, seq: 4, "记录 4（resolve）不是 kaimen 的命令能写出的：命令不会接受它的参数：")
        try P.forge(s) { records in
            var r = records.removeLast()
            var c = r.content.objectValue ?? [:]
            c["standard"] = .string("rights.ballot")
            c["score"] = .string("４")
            r.content = .object(c)
            records.append(r)
        }
        #expect(s.run("verify", []).err.contains("`rights.ballot` 的分数记为 `４`"))
    }

    @Test("time as kaimen writes it", arguments: [("2014-07-08T09:30:00Z", true), ("2016-02-29T23:59:59Z", true), ("2014-02-29T00:00:00Z", false),
                                                   ("2014-13-45T99:00:00Z", false), ("2014-07-08T24:00:00Z", false), ("2014-7-08T09:30:00Z", false)])
    func timestamps(_ text: String, _ written: Bool) {
        #expect(UTCTimestamp.isWritten(text) == written)
        #expect(UTCTimestamp.isWritten(UTCTimestamp.text(Date())))
    }
}
