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
    public func isRecused(_ sheet: Sheet) -> Bool { recused.contains(sheet) }

    private var expected: Set<Sheet>
    private var groupOf: [Sheet: String]

    /// - Parameter schedule: which group hears which unit; `nil` means every representative
    ///   scores every unit.
    public init(schedule: Schedule?, representatives: [Representative], units: [Unit], items: [BallotItem]) {
        var groups: [String] = []
        for g in representatives.map(\.group) where !groups.contains(g) { groups.append(g) }
        let plan = schedule ?? Schedule.everyoneHearsEverything(groups: groups, units: units.map(\.id))
        var sheets: [Sheet] = [], recused: [Sheet] = [], groupOf: [Sheet: String] = [:]
        for group in plan.groups {
            let heard = plan.units(heardBy: group)
            for rep in representatives where rep.group == group {
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
    }

    /// The group `sheet` was expected from.
    public func group(of sheet: Sheet) -> String? { groupOf[sheet] }
}
