import Foundation
import Testing
@testable import KaimenKit

@Suite("Expected ballots: group × units heard × ballot items, minus recusals")
struct ExpectedBallotsTests {
    static let items = [BallotItem(key: "a.ballot", standard: 0, max: 5), BallotItem(key: "b", standard: 3, max: 2)]

    @Test("the matrix from a schedule, worked by hand")
    func fromSchedule() throws {
        // 一组 (R1, R2, R3) hears U1 and U2; 二组 (R4, R5) hears U3.
        // 一组: 3 × 2 = 6 sheets, less R2×U2 (R2 belongs to U2) = 5. 二组: 2 × 1 = 2 (R5 belongs to U1, not heard by 二组).
        // 5 + 2 = 7 sheets × 2 items = 14 ballots.
        let schedule = try #require(ScheduleFixture.read("group,unit\n一组,U1\n一组,U2\n二组,U3\n").schedule)
        let e = ExpectedBallots(schedule: schedule, representatives: ScheduleFixture.reps, units: ScheduleFixture.units, items: Self.items)
        #expect(e.sheets.map { "\($0.representative)×\($0.unit)" } == ["R1×U1", "R1×U2", "R2×U1", "R3×U1", "R3×U2", "R4×U3", "R5×U3"])
        #expect(e.count == 14)
        #expect(e.items == ["a.ballot", "b"])
        #expect(e.recused == [.init(representative: "R2", unit: "U2")])
        #expect(e.isExpected(.init(representative: "R4", unit: "U3")))
        #expect(!e.isExpected(.init(representative: "R4", unit: "U1")))  // 二组 does not hear U1
        #expect(!e.isExpected(.init(representative: "R2", unit: "U2")))  // 回避
        #expect(e.isRecused(.init(representative: "R2", unit: "U2")))
        #expect(e.group(of: .init(representative: "R5", unit: "U3")) == "二组")
    }

    @Test("without a schedule every representative scores every unit, less their own")
    func withoutSchedule() {
        // 5 representatives × 3 units = 15, less R2×U2 and R5×U1 = 13 sheets × 2 items = 26 ballots.
        let e = ExpectedBallots(schedule: nil, representatives: ScheduleFixture.reps, units: ScheduleFixture.units, items: Self.items)
        #expect(e.sheets.count == 13)
        #expect(e.count == 26)
        #expect(e.recused.map { "\($0.representative)×\($0.unit)" } == ["R2×U2", "R5×U1"])
    }

    @Test("a unit heard by two groups is expected from both groups' representatives")
    func twoGroupsHearOneUnit() throws {
        // 一组 hears U1, U2; 二组 hears U1, U3: 一组 3 × 2 − R2×U2 = 5; 二组 2 × 2 − R5×U1 = 3. 8 sheets.
        let schedule = try #require(ScheduleFixture.read("group,unit\n一组,U1\n一组,U2\n二组,U1\n二组,U3\n").schedule)
        let e = ExpectedBallots(schedule: schedule, representatives: ScheduleFixture.reps, units: ScheduleFixture.units, items: Self.items)
        #expect(e.sheets.count == 8)
        #expect(e.recused.count == 2)
    }
}
