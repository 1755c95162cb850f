/// How recusals (回避) and the ballots set aside for them appear in the files a committee
/// keeps: a row per ballot on the unit's score sheet, a note per representative in the
/// summary, and a `recusals` list in `summary.json`.
enum RecusalExport {
    /// The recusals of each unit, by unit id, in file order.
    static func byUnit(_ recusals: [RecusalViolation]) -> [String: [RecusalViolation]] {
        Dictionary(grouping: recusals, by: \.unit)
    }

    /// One score-sheet row per ballot set aside: who (unless `naming` is off), why, the item and
    /// score, not counted.
    /// - Parameter scoresUnnamed: whether a row that names no one still gives the recused score
    ///   (before 0.24.0). A unit has often one representative of its own on the panel, so
    ///   `本单位代表 … 4` told anyone who knows who that is how they scored their own unit.
    /// - Parameter report: names the ballots' file (``ScoreReport/inputFileShown(_:)``).
    static func sheetRows(_ recusals: [RecusalViolation], itemNames: [String: String], fmt: ValueFormatter, lang: Language,
                          naming: Bool = true, scoresUnnamed: Bool = false, report: ScoreReport) -> [[ExportCell]] {
        recusals.map { v in
            let item = itemNames[v.item] ?? v.item
            let file = report.inputFileShown(v.location.file)
            return [.text(lang.t("回避", "Recusal")), naming ? .text(v.representative) : .empty, naming ? .text(v.name) : .empty,
             .text(v.reasonText.text(lang)), .empty,
             .text(naming || scoresUnnamed ? "\(item) \(fmt.points(v.score))" : item), .empty,
             // The file's line points at the representative's own row: left out with the names.
             .text(naming ? lang.t("回避，不计入（\(file) 第 \(v.location.line) 行）", "recused, not counted (\(file) line \(v.location.line))")
                          : lang.t("回避，不计入", "recused, not counted"))]
        }
    }

    /// The summary's note for a unit's recusals: one phrase per representative, each item by
    /// its name (`itemNames`), e.g. `回避：R01 王建国（本单位代表）2 票不计（依法维权工作评价 3.5，安全生产工作评价 2）`.
    /// `brief`: without the items (`回避：R01 王建国（本单位代表）2 票不计`), for the report's
    /// summary page, whose 提示 lists them (since 0.19.0).
    static func notes(_ recusals: [RecusalViolation], itemNames: [String: String], lang: Language, brief: Bool = false) -> [String] {
        var groups: [(rep: String, items: [RecusalViolation])] = []
        for v in recusals {
            if let i = groups.firstIndex(where: { $0.rep == v.representative }) { groups[i].items.append(v) } else { groups.append((v.representative, [v])) }
        }
        return groups.map { g in
            let v = g.items[0]
            let head = lang.t("回避：\(v.representative) \(v.name)（\(v.reasonText.zh)）\(g.items.count) 票不计",
                              "recusal: \(v.representative) \(v.name) (\(v.reasonText.en)): \(g.items.count) ballot(s) not counted")
            if brief { return head }
            let scores = g.items.map { "\(itemNames[$0.item] ?? $0.item) \($0.score.plainText())" }.joined(separator: lang.t("，", ", "))
            return head + lang.t("（\(scores)）", " (\(scores))")
        }
    }

    /// The summary's note for a unit's recusals without naming anyone: how many representatives,
    /// by reason, and how many ballots (`回避：1 名本单位代表的 8 票不计`).
    static func countedNotes(_ recusals: [RecusalViolation], lang: Language) -> [String] {
        var notes: [String] = []
        for reason in [RecusalViolation.Reason.ownUnit, .declaredConflict] {
            let list = recusals.filter { $0.reason == reason }
            guard !list.isEmpty else { continue }
            let reps = Set(list.map(\.representative)).count
            notes.append(reason == .ownUnit
                ? lang.t("回避：\(reps) 名本单位代表的 \(list.count) 票不计", "recusal: \(list.count) ballot(s) of \(reps) representative(s) of the unit not counted")
                : lang.t("回避：\(reps) 名申报回避的代表的 \(list.count) 票不计",
                         "recusal: \(list.count) ballot(s) of \(reps) representative(s) who declared a conflict not counted"))
        }
        return notes
    }

    /// `summary.json`'s `recusals`: every ballot set aside, in file order, its file named as
    /// ``ScoreReport/inputFileShown(_:)`` says.
    static func json(_ report: ScoreReport) -> JSONOut {
        .array(report.recusals.map { v in
            .object(["representative": .string(v.representative), "name": .string(v.name), "unit": .string(v.unit),
                     "item": .string(v.item), "score": .number(v.score.plainText()), "reason": .string(v.reason.rawValue),
                     "file": .string(report.inputFileShown(v.location.file)), "line": .num(v.location.line)])
        })
    }
}
