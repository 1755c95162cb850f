import Foundation
import Testing
@testable import KaimenKit

/// Three units and five representatives in two groups, for the schedule's checks.
enum ScheduleFixture {
    static let here = SourceLocation(file: "roster.csv", line: 2, column: 1)
    static let units = ["U1", "U2", "U3"].enumerated().map { i, id in
        KaimenKit.Unit(id: id, name: "单位\(i + 1)", category: "企业", location: SourceLocation(file: "units.csv", line: i + 2, column: 1))
    }
    static let reps = [("R1", "一组", []), ("R2", "一组", ["U2"]), ("R3", "一组", []), ("R4", "二组", []), ("R5", "二组", ["U1"])]
        .enumerated().map { i, r in
            Representative(id: r.0, name: "代表\(i + 1)", group: r.1, units: r.2, role: "",
                           location: SourceLocation(file: "roster.csv", line: i + 2, column: 1))
        }

    static func read(_ text: String, units: [KaimenKit.Unit]? = units, reps: [Representative]? = reps) -> (schedule: Schedule?, diagnostics: [Diagnostic]) {
        ScheduleReader.read(Data(text.utf8), fileName: "schedule.csv", units: units, representatives: reps)
    }
}

@Suite("Schedule reader: which group hears which unit")
struct ScheduleReaderTests {
    @Test("reads groups, units, times and places in order, with Chinese headers")
    func readsChineseHeaders() throws {
        let (schedule, diagnostics) = ScheduleFixture.read("组别,单位编号,时间,地点\n一组,U1,09:00,一会议室\n一组,U2,10:00,一会议室\n二组,U3,,报告厅\n")
        #expect(diagnostics.isEmpty)
        let s = try #require(schedule)
        #expect(s.entries.map(\.unit) == ["U1", "U2", "U3"])
        #expect(s.groups == ["一组", "二组"])
        #expect(s.units(heardBy: "一组") == ["U1", "U2"])
        #expect(s.groups(hearing: "U3") == ["二组"])
        #expect(s.entries[0].time == "09:00" && s.entries[0].place == "一会议室")
        #expect(s.entries[2].time == "" && s.entries[2].place == "报告厅")
        #expect(s.entries[1].location == SourceLocation(file: "schedule.csv", line: 3, column: 1, cell: CellPosition(row: 3, column: 0, header: "组别")))
        #expect(s.hears(group: "二组", unit: "U3") && !s.hears(group: "二组", unit: "U1"))
    }

    /// The roster or the ballots given as the schedule: one error naming what the file is,
    /// instead of the missing group or unit column.
    @Test("the roster or the ballots given as the schedule are named for what they are", arguments: [
        ("id,name,group,units,role\nR1,代表1,一组,,职工代表\n", "这个文件看起来是代表名单，不是日程表"),
        ("representative,unit,standard,score\nR1,U1,vote,3\n", "这个文件看起来是选票文件，不是日程表"),
        ("id,name,category\nU1,单位1,企业\n", "这个文件看起来是单位文件，不是日程表"),
    ])
    func wrongFile(_ text: String, _ says: String) {
        let (schedule, diagnostics) = ScheduleFixture.read(text)
        #expect(schedule == nil)
        #expect(diagnostics.map(\.code) == ["wrong-file"])
        #expect(diagnostics.first?.rendered(.zh).hasPrefix("schedule.csv 第 1 行（表头）：错误：" + says) == true)
        #expect(diagnostics.first?.rendered(.zh).contains("检查 `--schedule` 给的文件") == true)
    }

    @Test("time and place are optional, and a unit may be named by its name")
    func optionalColumnsAndNames() throws {
        let (schedule, diagnostics) = ScheduleFixture.read("group,unit\n一组,U1\n一组,单位2\n二组,U3\n二组,U1\n")
        #expect(diagnostics.isEmpty)
        let s = try #require(schedule)
        #expect(s.units(heardBy: "一组") == ["U1", "U2"])
        #expect(s.groups(hearing: "U1") == ["一组", "二组"])
    }

    @Test("reports every bad row at once, each at its cell")
    func everyProblemLocated() {
        let text = "group,unit,time\n一组,U1,\n三组,U2,\n一组,U9,\n,U3,\n一组,U1,\n二组,,\n"
        let d = ScheduleFixture.read(text).diagnostics
        let found = d.map { "\($0.code) \($0.location!.line):\($0.location!.column)" }
        #expect(found == [
            "unknown-group 3:1",       // 三组 is not a roster group
            "unknown-unit 4:4",        // U9 is not a unit
            "missing-value 5:1",       // no group
            "duplicate-schedule 6:1",  // 一组,U1 again
            "missing-value 7:4",       // no unit
        ])
        // U9 is as near to U1, U2 and U3 (since 0.23.1 no guess): what the ids are instead.
        #expect(d.first { $0.code == "unknown-unit" }?.hintText == Localized(zh: "单位编号从 `U1` 到 `U3`", en: "the unit ids run from `U1` to `U3`"))
        // 三组 is as close to 一组 as to 二组: no guess, the roster's groups instead.
        #expect(d.first { $0.code == "unknown-group" }?.hint == "the roster's groups: `一组`, `二组`")
        #expect(d.first { $0.code == "duplicate-schedule" }!.message.contains("line 2"))
        #expect(d.first { $0.code == "unknown-group" }!.rendered(.zh).contains("三组"))
    }

    @Test("a roster group that hears nothing is an error at its first representative")
    func idleGroup() {
        let d = ScheduleFixture.read("group,unit\n一组,U1\n一组,U2\n一组,U3\n").diagnostics
        #expect(d.map(\.code) == ["schedule-idle-group"])
        #expect(d[0].location == SourceLocation(file: "roster.csv", line: 5, column: 1))  // R4, the first of 二组
        #expect(d[0].rendered(.zh).contains("二组"))
    }

    @Test("a roster group the schedule writes otherwise: at the roster's group cell, with the schedule's spelling suggested")
    func idleGroupTypo() throws {
        // The sample with R03's group typed `第1组`: row 4, column C (group).
        let root = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let rules = try RulesLoader(readFile: { try RulesLoader.text(Data(contentsOf: URL(fileURLWithPath: $0)), path: $0) })
            .load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let units = try #require(UnitsReader(rules: rules).read(Data(contentsOf: root.appendingPathComponent("units.csv")), fileName: "units.csv").table).units
        let roster = try String(contentsOf: root.appendingPathComponent("roster.csv"), encoding: .utf8)
            .replacingOccurrences(of: "R03,李建国,第一组,", with: "R03,李建国,第1组,")
        let reps = try #require(RosterReader.read(Data(roster.utf8), fileName: "roster.csv", units: units).reps)
        let d = ScheduleReader.read(try Data(contentsOf: root.appendingPathComponent("schedule.csv")), fileName: "schedule.csv",
                                    units: units, representatives: reps).diagnostics
        #expect(d.map(\.code) == ["schedule-idle-group"])
        #expect(d.first?.rendered(.zh) == "roster.csv 第 4 行 C 列（group）：错误：组别 `第1组` 在日程表中不听取任何单位的汇报，该组代表无票可投；是不是 `第一组`？")
        #expect(d.first?.rendered(.en) == "roster.csv row 4, column C (group): error: group `第1组` hears no unit in the schedule: "
            + "its representatives would score nothing; did you mean `第一组`?")
    }

    @Test("group names match however their number is written; equally close groups get no guess", arguments: [
        ("第1组", "第一组"), ("第１组", "第一组"), ("第12组", "第十二组"), ("第20组", "第二十组"), ("1组", "第一组"), ("第二 组", "第二组"),
        ("第五组", nil), ("宣传组", nil),
    ] as [(String, String?)])
    func groupSpellings(_ typed: String, _ meant: String?) {
        #expect(GroupName.closest(to: typed, among: ["第一组", "第二组", "第三组", "第十二组", "第二十组"]) == meant)
    }

    @Test("a schedule group written otherwise than the roster's gets the roster's spelling")
    func scheduleGroupTypo() {
        // Plain edit distance would offer 一组 for 2组: both are one character from it.
        let d = ScheduleFixture.read("group,unit\n一组,U1\n2组,U2\n二组,U3\n").diagnostics
        #expect(d.map(\.code) == ["unknown-group"])
        #expect(d.first?.hintText == Localized(zh: "是不是 `二组`？", en: "did you mean `二组`?"))
    }

    @Test("a unit no group hears is an error at its row of the units file")
    func unheardUnit() {
        let d = ScheduleFixture.read("group,unit\n一组,U1\n二组,U1\n").diagnostics
        #expect(d.map(\.code) == ["schedule-unheard-unit", "schedule-unheard-unit"])
        #expect(d.map { $0.location!.line } == [3, 4])
        #expect(d[0].message.contains("U2"))
    }

    @Test("a representative without a group cannot follow a schedule")
    func representativeWithoutGroup() {
        var reps = ScheduleFixture.reps
        reps[2].group = ""
        let d = ScheduleFixture.read("group,unit\n一组,U1\n一组,U2\n二组,U3\n", reps: reps).diagnostics
        #expect(d.map(\.code) == ["schedule-idle-group"])
        #expect(d[0].message.contains("R3"))
    }

    @Test("missing columns and an empty schedule are errors")
    func missingColumns() {
        #expect(ScheduleFixture.read("组,时间\n一组,9:00\n").diagnostics.map(\.code) == ["missing-column"])
        #expect(ScheduleFixture.read("时间\n9:00\n").diagnostics.map(\.path) == ["group", "unit"])
        #expect(ScheduleFixture.read("group,unit\n").diagnostics.map(\.code) == ["no-schedule"])
    }

    @Test("without units or roster only the file itself is checked")
    func withoutUnitsOrRoster() {
        let r = ScheduleFixture.read("group,unit\n甲,Z1\n", units: nil, reps: nil)
        #expect(r.diagnostics.isEmpty)
        #expect(r.schedule?.entries.count == 1)
    }

    @Test("the bundled Xicheng schedule has 4 groups hearing the 9 units")
    func xichengSample() throws {
        let root = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let rules = try RulesLoader(readFile: { try RulesLoader.text(Data(contentsOf: URL(fileURLWithPath: $0)), path: $0) })
            .load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let units = try #require(UnitsReader(rules: rules).read(Data(contentsOf: root.appendingPathComponent("units.csv")), fileName: "units.csv").table).units
        let reps = try #require(RosterReader.read(Data(contentsOf: root.appendingPathComponent("roster.csv")), fileName: "roster.csv", units: units).reps)
        let r = ScheduleReader.read(try Data(contentsOf: root.appendingPathComponent("schedule.csv")), fileName: "schedule.csv", units: units, representatives: reps)
        #expect(r.diagnostics.isEmpty)
        let s = try #require(r.schedule)
        #expect(s.groups == ["第一组", "第二组", "第三组", "第四组"])
        #expect(Set(s.entries.map(\.unit)) == Set(units.map(\.id)))
        let expected = ExpectedBallots(schedule: s, representatives: reps, units: units, items: BallotItem.items(of: rules))
        // 第一组 R01–R07 × X01–X03 = 21, less R03×X02 (回避) = 20; 第二组 R08–R14 × X04–X05 = 14, less R12×X05 = 13;
        // 第三组 R15–R21 × X06–X07 = 14 (R18 belongs to X01, which group 3 does not hear); 第四组 R22–R27 × X08–X09 = 12,
        // less R24×X08 and R26×X09 = 10. 20 + 13 + 14 + 10 = 57 sheets × 8 ballot items = 456 ballots.
        #expect(expected.sheets.count == 57)
        #expect(expected.count == 456)
        #expect(expected.recused.map { "\($0.representative)×\($0.unit)" } == ["R03×X02", "R12×X05", "R24×X08", "R26×X09"])
    }
}
