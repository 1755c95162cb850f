/// Every text the session feature shows people (the schedule reader's, the journal's and the
/// `session` commands'), in Chinese and English, kept together so they can join the catalogue.
enum SessionMessages {
    // MARK: schedule.csv

    static let scheduleColumnsHint = Localized(
        zh: "日程表的列为 group,unit,time,place（或 组别,单位编号,时间,地点），时间和地点可省略",
        en: "the schedule's columns are group,unit,time,place (or 组别,单位编号,时间,地点); time and place may be left out")

    static func scheduleMissingColumn(_ en: String, zh: String) -> Localized {
        Localized(zh: "日程表缺少“\(zh)”列（\(en)）", en: "the schedule has no `\(en)` column (\(zh))")
    }

    static func scheduleEmpty(_ column: String) -> Localized {
        Localized(zh: "“\(column)”为空", en: "`\(column)` is empty")
    }

    static func scheduleUnknownGroup(_ group: String) -> Localized {
        Localized(zh: "组别 `\(group)` 不在代表名单中", en: "group `\(group)` is not a group of the roster")
    }

    static func rosterGroups(_ groups: [String]) -> Localized {
        let list = groups.map { "`\($0)`" }.joined(separator: ", ")
        return Localized(zh: "代表名单中的组别：\(list)", en: "the roster's groups: \(list)")
    }

    static func scheduleUnknownUnit(_ unit: String) -> Localized {
        Localized(zh: "单位 `\(unit)` 不在单位文件中", en: "unit `\(unit)` is not in the units file")
    }

    static func scheduleDuplicate(group: String, unit: String, firstLine: Int) -> Localized {
        Localized(zh: "`\(group)` 听取 `\(unit)` 的安排重复出现，第一次在第 \(firstLine) 行",
                  en: "`\(group)` hearing `\(unit)` is listed twice; first on line \(firstLine)")
    }

    static let scheduleDuplicateHint = Localized(zh: "删去重复的一行", en: "delete the repeated row")

    static func scheduleEmptyFile(_ file: String) -> Localized {
        Localized(zh: "`\(file)` 中没有任何听取汇报安排", en: "`\(file)` schedules nothing: no group hears any unit")
    }

    static func scheduleIdleGroup(_ group: String) -> Localized {
        Localized(zh: "组别 `\(group)` 在日程表中不听取任何单位的汇报，该组代表无票可投",
                  en: "group `\(group)` hears no unit in the schedule: its representatives would score nothing")
    }

    static func scheduleIdleGroupHint(_ file: String) -> Localized {
        Localized(zh: "在 `\(file)` 中为该组加上要听取的单位，或在代表名单中把这些代表分到其他组",
                  en: "add the units this group hears to `\(file)`, or move its representatives to another group in the roster")
    }

    static func scheduleNoGroup(_ rep: String) -> Localized {
        Localized(zh: "代表 `\(rep)` 没有组别，按日程表无法知道其应听取哪些单位",
                  en: "representative `\(rep)` has no group, so the schedule cannot say which units they hear")
    }

    static let scheduleNoGroupHint = Localized(zh: "在代表名单的 group（组别）列填上组别", en: "fill in the roster's `group` column")

    static func scheduleUnheardUnit(_ unit: String, name: String) -> Localized {
        Localized(zh: "单位 `\(unit)`（\(name)）在日程表中没有任何组听取汇报，无人为其打分",
                  en: "unit `\(unit)` (\(name)) is heard by no group in the schedule: nobody would score it")
    }

    static func scheduleUnheardUnitHint(_ file: String) -> Localized {
        Localized(zh: "在 `\(file)` 中加一行：哪个组听取该单位的汇报", en: "add a row to `\(file)` saying which group hears it")
    }
}

extension SessionMessages {
    /// “是不是 `x`？” / "did you mean `x`?" when a close candidate exists.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> Localized? {
        Suggestion.closest(to: word, among: candidates).map { Localized(zh: "是不是 `\($0)`？", en: "did you mean `\($0)`?") }
    }
}
