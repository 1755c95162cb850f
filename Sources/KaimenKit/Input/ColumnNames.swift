/// The names a column may go by in an input file: English ids or the Chinese heading a
/// committee would type.
enum ColumnNames {
    static let unitID = ["id", "unit_id", "unit", "单位编号", "编号"]
    static let unitName = ["name", "unit_name", "单位名称", "名称", "单位"]
    static let category = ["category", "类别", "单位类别", "性质"]
    static let representative = ["representative", "rep", "rep_id", "representative_id", "代表编号", "代表"]
    static let repName = ["name", "姓名", "代表姓名"]
    static let group = ["group", "组", "组别", "分组"]
    static let repUnits = ["units", "unit", "own_units", "所在单位", "单位", "单位编号"]
    static let role = ["role", "身份", "角色"]
    static let conflicts = ["conflicts", "conflict", "回避单位", "利害关系单位", "申报回避"]
    static let ballotUnit = ["unit", "unit_id", "单位编号", "被评单位", "单位"]
    /// (`评分项目` as the printed sheet heads it, `评分项目及评分标准`, since 0.27.1. Not `项目` or
    /// `评分标准`: a wide file may have a standard, or a column of the criteria, headed so.)
    static let ballotStandard = ["standard", "standard_id", "item", "标准", "标准编号", "评分项", "评分项目"]
    static let score = ["score", "分数", "得分", "评分"]
    /// Columns a wide ballots file may carry beside its scores, for the typist, and that the
    /// readers skip: the representative's name and group, the sheet id and the unit's name
    /// (the entry template's, `kaimen sheets`).
    static let ballotExtras = repName + group + sheetID + sheetUnitName
    /// The entry workbook's sheet id and unit name columns (checked by `session enter`: `TypedSheetChecks`).
    static let sheetID = ["sheet", "sheet_id", "表号"]
    static let sheetUnitName = ["unit_name", "单位名称"]

    /// Whether a ballots file's column `name` is one for the typist (`ballotExtras`): skipped by
    /// both ballots readers, and, in a long file, the only other column that may hold text
    /// without a warning.
    static func isBallotExtra(_ name: String) -> Bool { find(ballotExtras, in: [name]) != nil }

    /// Where a metric's values are in a units file's header: the column headed by its id, else
    /// by its name; and `twice` when one column is headed by its id and another by its name
    /// (neither is then read: `metric-column-twice`). The one rule both units readers follow.
    static func metric(_ metric: MetricDefinition, in header: [String]) -> (column: Int?, twice: (byID: Int, byName: Int)?) {
        let byID = header.firstIndex(of: metric.id), byName = header.firstIndex(of: metric.name)
        if let byID, let byName, byID != byName { return (byID, (byID, byName)) }
        return (byID ?? byName, nil)
    }

    /// The index of the first header cell that is one of `names`.
    static func find(_ names: [String], in header: [String]) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for n in names { if let i = lowered.firstIndex(of: n.lowercased()) { return i } }
        return nil
    }
}
