import Foundation

/// Reads `schedule.csv`: `group,unit[,time,place]` (Chinese headers `组别,单位编号,时间,地点`
/// accepted), one row per group and unit it hears.
///
/// Checked against the roster and units when they are given: every group is a roster group,
/// every unit an assessed unit (or a unit's exact name), no row twice, every roster group hears
/// at least one unit, and every unit is heard by at least one group. Every problem is reported,
/// each at its cell (`path` names the column).
public enum ScheduleReader {
    static let groupColumn = ColumnNames.group + ["group_name", "小组"]
    static let unitColumn = ["unit", "unit_id", "单位编号", "被评单位", "听取单位", "汇报单位", "单位"]
    static let timeColumn = ["time", "date", "时间", "日期", "场次"]
    static let placeColumn = ["place", "room", "地点", "会场", "会议室"]

    /// - Parameters:
    ///   - units: the assessed units; `nil` when the units file could not be read (units are then not checked).
    ///   - representatives: the roster; `nil` when it could not be read (groups are then not checked).
    public static func read(_ data: Data, fileName: String, units: [Unit]?,
                            representatives: [Representative]?) -> (schedule: Schedule?, diagnostics: [Diagnostic]) {
        let result = CSVReader.read(data, fileName: fileName)
        var diagnostics = result.diagnostics
        guard let csv = result.table else { return (nil, diagnostics) }
        if let title = TitleRow.check(csv, keys: [groupColumn, unitColumn]) { return (nil, TitleRow.answer(result, title)) }
        let headerStart = csv.headerRowLocation
        let groupCol = ColumnNames.find(groupColumn, in: csv.header)
        let unitCol = ColumnNames.find(unitColumn, in: csv.header)
        // Another input given here (the roster, the units or the ballots): one error that says so.
        if groupCol == nil || unitCol == nil, let wrong = InputKind.wrongFile(csv.header, rules: nil, expected: .schedule, at: headerStart) {
            return (nil, diagnostics + [wrong])
        }
        if groupCol == nil {
            diagnostics.append(.error("missing-column", SessionMessages.scheduleMissingColumn("group", zh: "组别"), at: headerStart, path: "group",
                                      hint: SessionMessages.scheduleColumnsHint))
        }
        if unitCol == nil {
            diagnostics.append(.error("missing-column", SessionMessages.scheduleMissingColumn("unit", zh: "单位编号"), at: headerStart, path: "unit",
                                      hint: SessionMessages.scheduleColumnsHint))
        }
        guard let groupCol, let unitCol else { return (nil, diagnostics) }
        let timeCol = ColumnNames.find(timeColumn, in: csv.header)
        let placeCol = ColumnNames.find(placeColumn, in: csv.header)
        let groupHeader = csv.header[groupCol], unitHeader = csv.header[unitCol]

        let unitIDs = units.map { Set($0.map(\.id)) }
        let unitByName = Dictionary((units ?? []).map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        var unitHints = UnknownIDHints(units: true) { unitIDs.map { Array($0) } ?? [] }
        // The roster's groups in order, and asked once per row by table (a search of the list
        // per row was slow with thousands of groups and hundreds of thousands of rows).
        let roster = RosterGroups(representatives ?? [])
        let rosterGroups = roster.order

        var entries: [Schedule.Entry] = []
        var seen: [String: Int] = [:]  // "group\u{1F}unit" → line
        for (r, cells) in csv.rows.enumerated() where !cells.isBlank {
            let group = cells[groupCol].trimmingSpaces()
            var unit = cells[unitCol].trimmingSpaces()
            let groupLoc = csv.location(row: r, column: groupCol), unitLoc = csv.location(row: r, column: unitCol)
            var ok = true
            if group.isEmpty {
                ok = false
                diagnostics.append(.error("missing-value", SessionMessages.scheduleEmpty(groupHeader), at: groupLoc, path: groupHeader))
            } else if representatives != nil && !roster.contains(group) {
                ok = false
                diagnostics.append(.error("unknown-group", SessionMessages.scheduleUnknownGroup(group), at: groupLoc, path: groupHeader,
                                          hint: GroupName.closest(to: group, among: rosterGroups).map(CommandMessages.didYouMean)
                                            ?? SessionMessages.rosterGroups(rosterGroups)))
            }
            if unit.isEmpty {
                ok = false
                diagnostics.append(.error("missing-value", SessionMessages.scheduleEmpty(unitHeader), at: unitLoc, path: unitHeader))
            } else if let unitIDs, !unitIDs.contains(unit) {
                if let id = unitByName[unit] {
                    unit = id
                } else {
                    ok = false
                    diagnostics.append(.error("unknown-unit", SessionMessages.scheduleUnknownUnit(unit), at: unitLoc, path: unitHeader,
                                              hint: unitHints.hint(unit)))
                }
            }
            guard ok else { continue }
            let key = group + "\u{1F}" + unit
            if let first = seen[key] {
                diagnostics.append(.error("duplicate-schedule", SessionMessages.scheduleDuplicate(group: group, unit: unit, firstLine: first),
                                          at: groupLoc, path: groupHeader, hint: SessionMessages.scheduleDuplicateHint))
                continue
            }
            seen[key] = groupLoc.line
            entries.append(Schedule.Entry(group: group, unit: unit,
                                          time: timeCol.map { cells[$0].trimmingSpaces() } ?? "",
                                          place: placeCol.map { cells[$0].trimmingSpaces() } ?? "",
                                          location: groupLoc))
        }
        let schedule = Schedule(entries: entries)
        let rowErrors = diagnostics.contains { $0.severity == .error }
        if entries.isEmpty && !rowErrors {
            diagnostics.append(.error("no-schedule", SessionMessages.scheduleEmptyFile(fileName), at: headerStart,
                                      hint: SessionMessages.scheduleColumnsHint))
        }
        // Coverage: only meaningful once every row could be read.
        if !rowErrors && !entries.isEmpty {
            if let representatives {
                // At the representative's group cell (its column letter and header), or at their id
                // when the roster has no group column.
                func groupCell(_ rep: Representative) -> (at: SourceLocation, path: String) {
                    (rep.groupLocation ?? rep.location, rep.groupLocation?.cell?.header ?? "group")
                }
                for rep in representatives where rep.group.isEmpty {
                    let cell = groupCell(rep)
                    diagnostics.append(.error("schedule-idle-group", SessionMessages.scheduleNoGroup(rep.id), at: cell.at, path: cell.path,
                                              hint: SessionMessages.scheduleNoGroupHint))
                }
                for g in rosterGroups where !g.isEmpty && schedule.units(heardBy: g).isEmpty {
                    let cell = groupCell(representatives.first { $0.group == g }!)
                    // A group the schedule writes otherwise (`第1组` for `第一组`) is most likely a typo in the roster.
                    diagnostics.append(.error("schedule-idle-group", SessionMessages.scheduleIdleGroup(g), at: cell.at, path: cell.path,
                                              hint: GroupName.closest(to: g, among: schedule.groups).map(CommandMessages.didYouMean)
                                                ?? SessionMessages.scheduleIdleGroupHint(fileName)))
                }
            }
            for u in units ?? [] where schedule.groups(hearing: u.id).isEmpty {
                diagnostics.append(.error("schedule-unheard-unit", SessionMessages.scheduleUnheardUnit(u.id, name: u.name), at: u.location, path: "id",
                                          hint: SessionMessages.scheduleUnheardUnitHint(fileName)))
            }
        }
        return (schedule, WorkbookHints.apply(diagnostics, result.workbook))
    }
}
