import Foundation

/// What the schedule reader says about `schedule.csv` (which group hears which unit), and a
/// session too large to expect (`ExpectedBallots.maxSheets`).
extension SessionMessages {
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
    /// Said before any sheet is made: with the product, so that the size is seen to come from
    /// everyone scoring every unit when there is no schedule.
    static func tooManySheets(_ n: Int, representatives: Int, units: Int, scheduled: Bool) -> Localized {
        let max = ExpectedBallots.maxSheets
        if scheduled {
            return Localized(zh: "按日程表应收评分表 \(n) 张（回避的也算在内），超过一个会话最多的 \(max) 张",
                             en: "the schedule makes \(n) score sheets (recused ones included), more than the \(max) a session may have")
        }
        return Localized(zh: "没有日程表（--schedule）时，每名代表都要为每个单位打分：\(representatives) 名代表 × \(units) 个单位 = \(n) 张评分表，超过一个会话最多的 \(max) 张",
                         en: "without a schedule (--schedule) every representative scores every unit: \(representatives) representatives × \(units) units = \(n) score sheets, more than the \(max) a session may have")
    }
    static func tooManySheetsHint(scheduled: Bool) -> Localized {
        if scheduled {
            return Localized(zh: "检查日程表是否让各组听取了过多单位，或把会话分成几个，每个会话评一部分单位",
                             en: "check whether the schedule has each group hear too many units, or split the session into several, each scoring part of the units")
        }
        return Localized(zh: "这样规模的会话需要日程表：用 `--schedule 文件` 给出哪个组听取哪个单位的汇报（每行一组、一个单位），每组只为其听取的单位打分",
                         en: "a session this size needs a schedule: give `--schedule FILE`, which group hears which unit (one row per group and unit), and each group scores only the units it hears")
    }
}
