import Foundation
import Testing
@testable import KaimenKit

/// `survey-above-population`: a survey with `participation` whose satisfied, basic and
/// dissatisfied counts add up to more than its population is an error in the data, as a
/// `maxOne` ratio above one is (docs/inputs.md, *Impossible values*). Every expected number
/// and place below is worked out by hand from the files written here.
@Suite("A survey's respondents above its population: an error in the data")
struct SurveyAbovePopulationTests {
    /// One survey standard over `s_yes`, `s_basic` and `s_no`, with `participation` over
    /// `members` when `participation`. `members` and `s_no` may be left empty (not assessable).
    static func rules(participation: Bool = true) -> String {
        let metrics = [RulesText.metric("members", missing: "notAssessable"), RulesText.metric("s_yes"), RulesText.metric("s_basic"),
                       RulesText.metric("s_no", missing: "notAssessable")].joined(separator: ", ")
        let p = participation ? #", "participation": { "population": "members", "min": 0.6 }"# : ""
        return RulesText.single(points: "3", metrics: metrics,
                                method: #""method": "survey", "satisfied": "s_yes", "basic": "s_basic", "dissatisfied": "s_no""# + p)
    }

    static func load(_ text: String) throws -> Rules {
        try RulesLoader(readFile: { _ in text }).load("rules.jsonc").rules
    }

    static func read(_ text: String, file: String, participation: Bool = true) throws -> [Diagnostic] {
        UnitsReader(rules: try load(rules(participation: participation))).read(Data(text.utf8), fileName: file).diagnostics
    }

    /// U1: 6 + 3 + 1 = 10 of 10, exactly 100%: fine. U2: 6 + 4 + 1 = 11 of 10: the error.
    /// U3: no population; U4: no dissatisfied count (both `notAssessable`): not checked.
    /// U5: 0 + 0 + 0 of 0: fine (the kernel's zero denominator, not this error).
    static let csv = "id,name,members,s_yes,s_basic,s_no\nU1,甲,10,6,3,1\nU2,乙,10,6,4,1\nU3,丙,,60,30,10\nU4,丁,1,6,4,\nU5,戊,0,0,0,0\n"

    @Test("a CSV row: one error at the population's cell, naming each count by column letter and header, the sum and the population")
    func csvRow() throws {
        let found = try Self.read(Self.csv, file: "units.csv")
        #expect(found.map(\.code) == ["survey-above-population"], "\(found)")
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect(d.path == "members")
        // Line 3 `U2,乙,10`: `U2,` 3 + `乙,` 2 characters → column 6; spreadsheet row 3, column C (index 2).
        #expect(d.location == SourceLocation(file: "units.csv", line: 3, column: 6, cell: CellPosition(row: 3, column: 2, header: "members")))
        #expect(d.rendered(.zh) == "units.csv 第 3 行 C 列（members）：错误：单位 `U2`：满意、基本满意、不满意三项人数相加为 11（D 列 s_yes 6 + E 列 s_basic 4 + F 列 s_no 1），多于“members名”（10）；参加测评的人数不能超过总人数，参与率不能超过 100%；请核对这三项人数和“members名”：可能是人数录多了（如录成了人次），或“members名”填错了")
        #expect(d.rendered(.en) == "units.csv row 3, column C (members): error: unit `U2`: the satisfied, fairly satisfied and dissatisfied counts add up to 11 (column D s_yes 6 + column E s_basic 4 + column F s_no 1), more than members名 (10); no more people can take part in a survey than there are, so participation cannot exceed 100%; check the three counts and members名: a count may be too large (answers counted more than once), or members名 wrong")
    }

    @Test("a JSON unit: the same error at the population's value, each count by its id")
    func jsonUnit() throws {
        let json = """
        [ { "id": "U1", "name": "甲", "metrics": { "members": 10, "s_yes": 6, "s_basic": 3, "s_no": 1 } },
          { "id": "U2", "name": "乙", "metrics": { "members": 10, "s_yes": 6, "s_basic": 4, "s_no": 1 } } ]
        """
        let found = try Self.read(json, file: "units.json")
        #expect(found.map(\.code) == ["survey-above-population"], "\(found)")
        let d = try #require(found.first)
        // Line 2 `  { "id": "U2", "name": "乙", "metrics": { "members": 10`: the value 10 starts at character 54.
        #expect(d.location == SourceLocation(file: "units.json", line: 2, column: 54))
        #expect(d.text.zh.contains("单位 `U2`：满意、基本满意、不满意三项人数相加为 11（`s_yes` 6 + `s_basic` 4 + `s_no` 1），多于“members名”（10）"), "\(d.text.zh)")
    }

    @Test("a survey without a participation rule reads no population: its counts are not compared with anything")
    func withoutParticipation() throws {
        #expect(try Self.read(Self.csv, file: "units.csv", participation: false).isEmpty)
    }

    @Test("a session's copies are read as 0.29.5 accepted them: no such error")
    func sessionCopies() throws {
        var reader = UnitsReader(rules: try Self.load(Self.rules()))
        reader.limitsText = false
        let read = reader.read(Data(Self.csv.utf8), fileName: "units.csv")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(read.table?.units.count == 5)
    }

    @Test("a survey counted by several rules, or with its metrics' decimals, is checked once and exactly")
    func onceAndExact() throws {
        // Two standards read the same survey: one bound. 0.5 + 0.25 + 0.25 = 1 of 1 holds; 0.5 + 0.25 + 0.26 = 1.01 does not.
        let metrics = ["members", "s_yes", "s_basic", "s_no"].map { RulesText.metric($0, "amount") }.joined(separator: ", ")
        let method = #""method": "survey", "satisfied": "s_yes", "basic": "s_basic", "dissatisfied": "s_no", "participation": { "population": "members", "min": 0.6 }"#
        let rules = try Self.load(RulesText.make(metrics: metrics, areas: RulesText.area("a", points: "6"),
                                                 standards: RulesText.standard("a.one", area: "a", points: "3", method) + ", "
                                                     + RulesText.standard("a.two", area: "a", points: "3", method)))
        #expect(rules.valueBounds == [ValueBound(kind: .survey, parts: ["s_yes", "s_basic", "s_no"], limit: "members")])
        let read = UnitsReader(rules: rules).read(Data("id,name,members,s_yes,s_basic,s_no\nU1,甲,1,0.5,0.25,0.25\nU2,乙,1,0.5,0.25,0.26\n".utf8),
                                                  fileName: "units.csv")
        #expect(read.diagnostics.map(\.code) == ["survey-above-population"])
        #expect(read.diagnostics.first?.text.zh.contains("相加为 1.01（") == true, "\(read.diagnostics)")
    }
}
