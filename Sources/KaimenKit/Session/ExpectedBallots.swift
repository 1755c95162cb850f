/// The ballots a session expects: every representative of a group × every unit the group hears
/// × every ballot standard, minus recusals (a representative never scores their own unit).
///
/// Ballots are entered a sheet at a time (one representative, one unit, every ballot item), so
/// the matrix is kept as sheets; `count` is the number of single ballots.
public struct ExpectedBallots: Sendable, Equatable {
    /// One paper score sheet: one representative scoring one unit.
    public struct Sheet: Sendable, Hashable, Comparable {
        public var representative: String
        public var unit: String

        public init(representative: String, unit: String) {
            self.representative = representative
            self.unit = unit
        }

        public static func < (a: Sheet, b: Sheet) -> Bool {
            (a.representative, a.unit) < (b.representative, b.unit)
        }
    }

    /// The sheets expected, by group (in schedule order), representative (roster order) and
    /// unit (schedule order).
    public var sheets: [Sheet]
    /// The sheets not expected because the representative belongs to the unit (回避), in the same order.
    public var recused: [Sheet]
    /// The ballot items every sheet scores: the keys ballot files use.
    public var items: [String]

    /// How many single ballots (sheet × item) are expected.
    public var count: Int { sheets.count * items.count }

    public func isExpected(_ sheet: Sheet) -> Bool { expected.contains(sheet) }
    /// Asked of a set, not of `recused` itself: a scan of the array per sheet made `status`
    /// and `close` of a large session quadratic.
    public func isRecused(_ sheet: Sheet) -> Bool { recusedSet.contains(sheet) }

    private var expected: Set<Sheet>
    private var recusedSet: Set<Sheet>
    private var groupOf: [Sheet: String]

    /// The most sheets (recused ones included) a session may expect. Every sheet is a paper
    /// that two people type in by hand: a district's session is tens of thousands at most, and
    /// ten million is a hundred times the largest plausible one. Past it the tables of expected
    /// sheets alone take gigabytes; without a schedule (everyone scores every unit) 28 000
    /// representatives and 200 000 units asked for 5.6 billion, and kaimen died allocating
    /// 28 GB after a minute. Refused before anything is made (`sheetCount`).
    public static let maxSheets = 10_000_000

    /// How many sheets `schedule` (or, `nil`, everyone scoring every unit) makes for
    /// `representatives`, recused ones included: counted without making any, so that a
    /// session too large is refused before its sheets are allocated.
    public static func sheetCount(schedule: Schedule?, representatives: [Representative], units: Int) -> Int {
        guard let schedule else { return representatives.count.multipliedReportingOverflow(by: units).partialValue }
        let groups = RosterGroups(representatives)
        return schedule.entries.reduce(0) { $0 + (groups.members[$1.group]?.count ?? 0) }
    }

    /// `session-too-large` when `sheetCount` is past `maxSheets`: said by `session init` (and
    /// every session command) and by `kaimen sheets`, before a sheet is made.
    static func sizeProblem(schedule: Schedule?, representatives: [Representative], units: Int) -> Diagnostic? {
        let count = sheetCount(schedule: schedule, representatives: representatives, units: units)
        guard count > maxSheets else { return nil }
        return .error("session-too-large", SessionMessages.tooManySheets(count, representatives: representatives.count, units: units, scheduled: schedule != nil),
                      hint: SessionMessages.tooManySheetsHint(scheduled: schedule != nil))
    }

    /// - Parameter schedule: which group hears which unit; `nil` means every representative
    ///   scores every unit.
    public init(schedule: Schedule?, representatives: [Representative], units: [Unit], items: [BallotItem]) {
        let groups = RosterGroups(representatives)
        let plan = schedule ?? Schedule.everyoneHearsEverything(groups: groups.order, units: units.map(\.id))
        var sheets: [Sheet] = [], recused: [Sheet] = [], groupOf: [Sheet: String] = [:]
        for group in plan.groups {
            let heard = plan.units(heardBy: group)
            for rep in groups.members[group, default: []].map({ representatives[$0] }) {
                for unit in heard {
                    let sheet = Sheet(representative: rep.id, unit: unit)
                    if rep.recusal(from: unit) != nil {  // own unit or declared conflict
                        recused.append(sheet)
                    } else if groupOf[sheet] == nil {
                        sheets.append(sheet)
                        groupOf[sheet] = group
                    }
                }
            }
        }
        self.sheets = sheets
        self.recused = recused
        self.items = items.map(\.key)
        self.groupOf = groupOf
        self.expected = Set(sheets)
        self.recusedSet = Set(recused)
    }

    /// The group `sheet` was expected from.
    public func group(of sheet: Sheet) -> String? { groupOf[sheet] }
}
