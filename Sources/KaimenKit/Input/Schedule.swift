/// Which group of representatives hears which unit's report (听取汇报安排), read from
/// `schedule.csv`: one row per group and unit, with an optional time and place.
///
/// A unit may be heard by more than one group. The order of the rows is kept: it is the order
/// the status table and the blank ballot sheets list the units in.
public struct Schedule: Sendable, Equatable {
    /// One row of the schedule: `group` hears `unit`.
    public struct Entry: Sendable, Equatable {
        /// The group's name exactly as the roster writes it (`第一组`).
        public var group: String
        /// The unit's id in the units file.
        public var unit: String
        /// When the report is heard, as written (`2014-07-08 09:00`); empty if not given.
        public var time: String
        /// Where, as written (`区总工会三层会议室`); empty if not given.
        public var place: String
        /// The row's first cell in the schedule file.
        public var location: SourceLocation

        public init(group: String, unit: String, time: String = "", place: String = "", location: SourceLocation) {
            self.group = group
            self.unit = unit
            self.time = time
            self.place = place
            self.location = location
        }
    }

    public var entries: [Entry] {
        didSet { index = Index(entries) }
    }

    /// Each group's and each unit's rows, made once from `entries`: a session of 200 000 units
    /// asked `groups(hearing:)` once per unit, and each question filtered every row (a quarter
    /// of an hour at `init`, as long again at `verify`).
    private var index: Index

    public init(entries: [Entry]) {
        self.entries = entries
        self.index = Index(entries)
    }

    /// Schedules are the same when their rows are (the index follows from them).
    public static func == (a: Schedule, b: Schedule) -> Bool { a.entries == b.entries }

    /// The groups, in order of their first row.
    public var groups: [String] { index.groups }

    /// The units `group` hears, in schedule order.
    public func units(heardBy group: String) -> [String] {
        index.rowsOfGroup[group, default: []].map { entries[$0].unit }
    }

    /// The groups that hear `unit`, in schedule order.
    public func groups(hearing unit: String) -> [String] {
        index.rowsOfUnit[unit, default: []].map { entries[$0].group }
    }

    /// Whether `group` hears `unit`.
    public func hears(group: String, unit: String) -> Bool {
        index.rowsOfUnit[unit, default: []].contains { entries[$0].group == group }
    }

    /// The rows of each group and of each unit, by their place in `entries`.
    private struct Index: Sendable {
        var groups: [String] = []
        var rowsOfGroup: [String: [Int]] = [:]
        var rowsOfUnit: [String: [Int]] = [:]

        init(_ entries: [Entry]) {
            for (i, e) in entries.enumerated() {
                if rowsOfGroup[e.group] == nil { groups.append(e.group) }
                rowsOfGroup[e.group, default: []].append(i)
                rowsOfUnit[e.unit, default: []].append(i)
            }
        }
    }

    /// The schedule in which every group hears every unit: what a session without a schedule
    /// file expects (every representative scores every unit).
    public static func everyoneHearsEverything(groups: [String], units: [String]) -> Schedule {
        let here = SourceLocation(file: "", line: 0, column: 0)
        return Schedule(entries: groups.flatMap { g in units.map { Entry(group: g, unit: $0, location: here) } })
    }
}
