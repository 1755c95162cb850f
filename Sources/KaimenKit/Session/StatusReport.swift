/// `session status` as a terminal table (Chinese by default, aligned by display width) or JSON.
/// Shows counts and states only: no value typed by a single operator.
public enum StatusReport {
    /// How many re-check marks the text lists (the JSON has them all).
    static let recheckShown = 20

    /// `recheck`: the corridor outliers of the ballots confirmed so far (`RecheckList`), or `nil`
    /// when the session cannot be scored yet.
    /// `dir`: the session folder as the user named it, for the commands the text suggests.
    public static func text(_ s: SessionStatus, changes: [AppealChange], recheck: [RecheckList.Entry]? = nil, dir: String = "DIR", lang: Language) -> String {
        var out = ""
        let phase = SessionMessages.phaseName(s.phase).text(lang)
        out += lang.t("会话状态：\(phase)（第 \(s.round) 轮）· \(s.doubleEntry ? "双人录入" : "单人录入") · 应收评分表 \(s.rows.count) 张 × \(s.items.count) 项",
                      "Session: \(phase) (round \(s.round)) · \(s.doubleEntry ? "double entry" : "single entry") · \(s.rows.count) sheets expected × \(s.items.count) items") + "\n"
        if let period = s.period { out += SessionMessages.statusPeriod(period).text(lang) + "\n" }
        if !s.hasSchedule { out += lang.t("（无日程表：每名代表为每个单位打分）", "(no schedule: every representative scores every unit)") + "\n" }
        var groups = TextTable(columns: [.init(lang.t("组别", "Group")), .init(lang.t("应收", "Expected"), alignment: .right),
                                         .init(lang.t("已确认", "Confirmed"), alignment: .right), .init(lang.t("录入一次", "Once"), alignment: .right),
                                         .init(lang.t("不一致", "Conflict"), alignment: .right), .init(lang.t("未录入", "Missing"), alignment: .right),
                                         .init(lang.t("作废", "Void"), alignment: .right)])
        for g in s.groups + [""] {
            let scope: String? = g.isEmpty ? nil : g
            let n = s.expected(group: scope)
            groups.addRow([g.isEmpty ? lang.t("合计", "Total") : g, "\(n)", "\(s.count(.confirmed, group: scope))", "\(s.count(.once, group: scope))",
                           "\(s.count(.conflict, group: scope))", "\(s.count(.missing, group: scope))", "\(s.count(.void, group: scope))"])
        }
        out += "\n" + groups.render()
        var sheets = TextTable(columns: [.init(lang.t("组别", "Group")), .init(lang.t("代表", "Rep.")), .init(lang.t("姓名", "Name"), maxWidth: 12),
                                         .init(lang.t("单位", "Unit")), .init(lang.t("状态", "State")), .init(lang.t("录入", "Entries"), alignment: .right),
                                         .init(lang.t("空白项", "Blank cells"), maxWidth: 40), .init(lang.t("不一致项", "Conflicting items"), maxWidth: 40)])
        for r in s.rows {
            sheets.addRow([r.group, r.representative, r.name, r.unit,
                           SessionMessages.stateName(r.state).text(lang) + (r.corrected ? lang.t("（复核更正）", " (corrected)") : ""),
                           "\(r.entries)", r.blanks.joined(separator: ", "), r.conflicts.joined(separator: ", ")])
        }
        out += "\n" + sheets.render()
        let conflicts = s.conflicts
        if !conflicts.isEmpty {
            out += "\n" + SessionMessages.conflictCount(conflicts.count).text(lang) + "\n"
            for (row, item) in conflicts {
                out += "  " + SessionMessages.conflictLine(row, item: item, itemName: s.itemNames[item], unitName: s.unitNames[row.unit], dir: dir).text(lang) + "\n"
            }
            // On a line of its own, not after the command: copied with it, the note gave
            // `--score` twice, or an operator `王秘书（原表空白则以` (a secretary's test, 0.29.2).
            out += "  " + SessionMessages.conflictBlankNote.text(lang) + "\n"
        }
        if !s.recused.isEmpty {
            out += "\n" + lang.t("回避（不需要的评分表）：", "Recusals applied (sheets not expected): ")
                + s.recused.map { "\($0.representative)×\($0.unit)" }.joined(separator: ", ") + "\n"
        }
        if s.blankCells > 0 {
            out += lang.t("空白单元格：\(s.blankCells) 个（按“未打分”处理，不计票）", "Blank cells: \(s.blankCells) (taken as not scored: no ballot)") + "\n"
        }
        if let recheck, !recheck.isEmpty {
            // The farthest from the others first to choose, then in unit order: on a step of 0.5
            // a 2-point item's corridor is one step, and a secretary's trial met 122 lines
            // before whether the session could close.
            let shown = Set(recheck.indices.sorted { a, b in
                let (da, db) = ((recheck[a].score - recheck[a].medianOfOthers).magnitude, (recheck[b].score - recheck[b].medianOfOthers).magnitude)
                return da != db ? da > db : a < b
            }.prefix(recheckShown))
            out += "\n" + SessionMessages.recheckCount(recheck.count).text(lang) + "\n"
            if recheck.count > recheckShown { out += SessionMessages.recheckLargest(recheckShown, dir: dir).text(lang) + "\n" }
            for (i, e) in recheck.enumerated() where shown.contains(i) { out += "  " + e.text.text(lang) + "\n" }
        }
        if !s.appealedUnits.isEmpty {
            out += lang.t("申诉复核中的单位：", "Units under appeal: ") + s.appealedUnits.joined(separator: ", ") + "\n"
        }
        if !changes.isEmpty {
            out += "\n" + lang.t("申诉复核改变的结果：", "What the appeals changed:") + "\n"
            var t = TextTable(columns: [.init(lang.t("单位", "Unit")), .init(lang.t("版本", "Version")), .init(lang.t("总分", "Total"), alignment: .right),
                                        .init(lang.t("名次", "Rank"), alignment: .right), .init(lang.t("等级", "Grade"))])
            for c in changes {
                t.addRow([c.unit, "v\(c.from)→v\(c.to)", "\(c.total.0)→\(c.total.1)", "\(c.rank.0)→\(c.rank.1)", "\(c.grade.0)→\(c.grade.1)"])
            }
            out += t.render()
            out += SessionMessages.sealedFiguresNote(dir: dir).text(lang) + "\n"
        }
        if !s.leftovers.isEmpty {
            out += "\n" + lang.t("注意：", "Note: ") + SessionMessages.closeLeftovers(s.leftovers).joined(hint: SessionMessages.closeLeftoversHint).text(lang) + "\n"
        }
        if !s.officeLocks.isEmpty { out += "\n" }
        for lock in s.officeLocks {
            out += lang.t("提示：", "Note: ") + lock.note.text.joined(hint: lock.note.hintText).text(lang) + "\n"
        }
        if s.unsealedResults > 0 { out += "\n" + SessionMessages.unsealedResults(s.unsealedResults, folder: SessionFolder.resultsPath(version: s.versions + 1)).text(lang) + "\n" }
        // A closed session says first what is wrong with it, if anything (it read as all well
        // with a changed journal or result; session 43).
        let closedProblem = s.journalDamaged ? SessionMessages.journalDamagedWords
            : !s.changedResults.isEmpty ? SessionMessages.resultsChangedWords(s.changedResults.count)
            : !s.resultLinks.isEmpty ? SessionMessages.resultLinksWords(s.linkedResults)
            : !s.changedInputs.isEmpty ? SessionMessages.inputsChangedWords(s.changedInputs.count) : nil
        out += "\n" + (s.phase == .closed ? closedProblem.map { SessionMessages.closedButDamaged(versions: s.versions, $0, dir: dir).text(lang) }
                           ?? SessionMessages.closedAsSealed(versions: s.versions, results: PathText.join(dir, SessionFolder.resultsPath(version: s.versions)), dir: dir).text(lang)
                       : s.journalDamaged ? SessionMessages.journalDamagedStatus(dir: dir).text(lang)
                       : !s.changedInputs.isEmpty ? SessionMessages.inputsChangedStatus(s.changedInputs).text(lang)
                       : !s.changedResults.isEmpty ? SessionMessages.notReadyResultsChanged(SessionMessages.resultsChangedWords(s.changedResults.count), dir: dir).text(lang)
                       : !s.resultLinks.isEmpty ? SessionMessages.notReadyResultLinks(s.linkedResults).text(lang)
                       : s.canClose ? SessionMessages.readyToClose(dir: dir).text(lang)
                       : lang.t("尚不能结束：\(s.open.count) 张评分表未确认。", "Not ready to close: \(s.open.count) sheet\(s.open.count == 1 ? "" : "s") not confirmed.")) + "\n"
        return out
    }

    public static func json(_ s: SessionStatus, changes: [AppealChange], recheck: [RecheckList.Entry]? = nil) -> String {
        func counts(_ g: String?) -> JSONOut {
            .object(["expected": .num(s.expected(group: g)), "confirmed": .num(s.count(.confirmed, group: g)),
                     "once": .num(s.count(.once, group: g)), "conflict": .num(s.count(.conflict, group: g)),
                     "missing": .num(s.count(.missing, group: g)), "void": .num(s.count(.void, group: g))])
        }
        var fields: [String: JSONOut] = [
            "phase": .string(s.phase.rawValue), "round": .num(s.round), "doubleEntry": .bool(s.doubleEntry), "schedule": .bool(s.hasSchedule),
            "items": .array(s.items.map(JSONOut.string)),
            "itemNames": .object(s.itemNames.mapValues(JSONOut.string)), "totals": counts(nil), "canClose": .bool(s.canClose), "versions": .num(s.versions),
            "changedInputs": .array(s.changedInputs.map(JSONOut.string)), "journalDamaged": .bool(s.journalDamaged), "changedResults": .array(s.changedResults.map(JSONOut.string)), "unsealedResults": .num(s.unsealedResults), "leftovers": .array(s.leftovers.map(JSONOut.string)), "openResults": .array(s.officeLocks.map { JSONOut.string($0.locks) }), "linkedResults": .array(s.linkedResults.map(JSONOut.string)), "unlistedFiles": .array(s.unlistedFiles.compactMap { $0.location.map { .string($0.file) } }),
            "groups": .array(s.groups.map { .object(["group": .string($0), "counts": counts($0)]) }),
            "sheets": .array(s.rows.map { r in .object([
                "group": .string(r.group), "representative": .string(r.representative), "name": .string(r.name), "unit": .string(r.unit),
                "state": .string(r.state.rawValue), "entries": .num(r.entries), "blanks": .array(r.blanks.map(JSONOut.string)),
                "conflicts": .array(r.conflicts.map(JSONOut.string)), "corrected": .bool(r.corrected),
            ]) }),
            "recused": .array(s.recused.map { .object(["representative": .string($0.representative), "unit": .string($0.unit)]) }),
            "blankCells": .num(s.blankCells), "appealedUnits": .array(s.appealedUnits.map(JSONOut.string)),
            "appealChanges": .array(changes.map { c in .object([
                "unit": .string(c.unit), "from": .num(c.from), "to": .num(c.to),
                "total": .array([.string(c.total.0), .string(c.total.1)]), "rank": .array([.num(c.rank.0), .num(c.rank.1)]),
                "grade": .array([.string(c.grade.0), .string(c.grade.1)]),
            ]) }),
        ]
        // Only when `init --period` recorded one, as the opening record has it.
        if let period = s.period { fields["period"] = .string(period) }
        if let recheck {
            fields["recheck"] = .array(recheck.map { e in .object([
                "unit": .string(e.unit), "item": .string(e.item), "representative": .string(e.representative),
                "score": .string(PanelMessages.points(e.score)), "medianOfOthers": .string(PanelMessages.points(e.medianOfOthers)),
                "width": .string(PanelMessages.points(e.width)), "text": .object(["zh": .string(e.text.zh), "en": .string(e.text.en)]),
            ]) })
        }
        return JSONOut.object(fields).rendered()
    }
}

/// A unit whose result changed between two sealed versions.
public struct AppealChange: Sendable, Equatable {
    public var unit: String
    public var from: Int
    public var to: Int
    public var total: (String, String)
    public var rank: (Int, Int)
    public var grade: (String, String)

    public static func == (a: AppealChange, b: AppealChange) -> Bool {
        a.unit == b.unit && a.from == b.from && a.to == b.to && a.total == b.total && a.rank == b.rank && a.grade == b.grade
    }

    /// Between each seal and the one before, the units whose total, rank or grade moved.
    public static func between(_ seals: [JournalRecord]) -> [AppealChange] {
        var out: [AppealChange] = []
        for (a, b) in zip(seals, seals.dropFirst()) {
            let old = a.content["ranking"]?.objectValue ?? [:], new = b.content["ranking"]?.objectValue ?? [:]
            let from = a.content["version"]?.intValue ?? 0, to = b.content["version"]?.intValue ?? 0
            for unit in new.keys.sorted() {
                guard let o = old[unit], let n = new[unit] else { continue }
                let c = AppealChange(unit: unit, from: from, to: to,
                                     total: (o["total"]?.stringValue ?? "", n["total"]?.stringValue ?? ""),
                                     rank: (o["rank"]?.intValue ?? 0, n["rank"]?.intValue ?? 0),
                                     grade: (o["grade"]?.stringValue ?? "", n["grade"]?.stringValue ?? ""))
                if c.total.0 != c.total.1 || c.rank.0 != c.rank.1 || c.grade.0 != c.grade.1 { out.append(c) }
            }
        }
        return out
    }
}
