/// One unit's score sheet (评分表): a row per standard with its area, criteria text, maximum,
/// the inputs used, the points and a note; then deductions, bonuses, vetoes and the total.
public enum ScoreSheetExport {
    public static func table(_ session: ScoringSession, unit u: Int, lang: Language = .zh) -> ExportTable {
        table(session, unit: u, lang: lang, narration: nil)
    }

    /// - Parameter narration: the unit's texts when the caller already made them (``SheetNarration``).
    /// - Parameter namesRepresentatives: off, no row or note names a representative: the ballot
    ///   notes give the scores trimmed without who gave them, and the recusal, void and uncounted
    ///   rows leave the representative's id and name empty (the workbook by default).
    static func table(_ session: ScoringSession, unit u: Int, lang: Language, narration: SheetNarration?,
                      namesRepresentatives: Bool = true) -> ExportTable {
        let rules = session.rules
        let fmt = ValueFormatter(rules: rules, lang: lang)
        var narrator = Narrator(session: session, lang: lang).forUnit(u)
        narrator.namesRepresentatives = namesRepresentatives
        // Texts made for a named sheet would name them: made here instead.
        let narration = namesRepresentatives ? narration : nil
        let r = session.results[u]
        let columns: [ExportTable.Column] = [
            .init(header: lang.t("方面", "Area"), key: "area", alignRight: false),
            .init(header: lang.t("编号", "Id"), key: "id", alignRight: false),
            .init(header: lang.t("标准", "Standard"), key: "standard", alignRight: false),
            .init(header: lang.t("评分标准", "Criteria"), key: "criteria", alignRight: false),
            .init(header: lang.t("满分", "Max"), key: "max", alignRight: true),
            .init(header: lang.t("使用数据", "Inputs"), key: "inputs", alignRight: false),
            .init(header: lang.t("得分", "Points"), key: "points", alignRight: true),
            .init(header: lang.t("说明", "Note"), key: "note", alignRight: false),
        ]
        var rows: [[ExportCell]] = []
        for area in rules.orderedAreas {
            let a = rules.areas.firstIndex { $0.id == area.id }!
            for i in session.plan.areaStandards[a] {
                let s = rules.standards[i], sr = r.standards[i]
                let texts = SheetNarration.texts(narration?.standards, i, narrator, sr, s)
                // A standard left out of its area shows 不考核, never a 0.00 that reads as a zero score.
                let points: ExportCell = !sr.isAssessed && sr.prorated ? .notApplicable(lang.t("不考核", "not assessed")) : .number(fmt.rowPoints(sr.points))
                rows.append([.text(area.name), .text(s.id), .text(s.name), .text(s.criteria), .number(fmt.rowPoints(sr.maxPoints)),
                             .text(texts.inputs), points, .text(texts.note)])
            }
            for i in session.plan.areaDeductions[a] where !r.deductions[i].raw.isZero {
                let d = rules.deductions[i], dr = r.deductions[i]
                let texts = SheetNarration.texts(narration?.deductions, i, narrator, dr, d)
                rows.append([.text(area.name), .text(d.id), .text(lang.t("扣分：", "Deduction: ") + d.name), .text(d.criteria),
                             .number(fmt.fixed(d.points)), .text(texts.inputs), .number("-" + fmt.rowPoints(dr.points)), .text(texts.note)])
            }
            let ar = r.areas[a]
            // Since 0.24.0 the report's note (its words and clauses); before, one that ran its
            // clauses together (`…折算扣 0.5 分`), as a seal of then is rebuilt.
            let note = session.report.writes(since: ScoreReport.v0_24) ? SheetNarration.subtotalNote(session, r, area: a, fmt: fmt, lang: lang)
                : SheetNarration.subtotalNoteBefore024(ar, fmt: fmt, lang: lang)
            rows.append([.text(area.name), .empty, .text(lang.t("小计", "Subtotal")), .empty, .number(fmt.fixed(ar.maxPoints)), .empty,
                         .number(fmt.fixed(ar.subtotal)), note.isEmpty ? .empty : .text(note)])
        }
        for (i, b) in rules.bonuses.enumerated() where !r.bonuses[i].raw.isZero {
            let texts = SheetNarration.texts(narration?.bonuses, i, narrator, r.bonuses[i], b)
            rows.append([.text(lang.t("加分", "Bonus")), .text(b.id), .text(b.name), .text(b.criteria), .number(fmt.fixed(b.points)),
                         .text(texts.inputs), .number(fmt.fixed(r.bonuses[i].points)), .text(texts.note)])
        }
        if r.bonusEarned != r.bonus {
            rows.append([.text(lang.t("加分", "Bonus")), .empty, .text(lang.t("加分封顶", "Bonus cap")), .empty, .number(fmt.fixed(rules.bonusCap ?? .zero)),
                         .empty, .number(fmt.fixed(r.bonus)), .text(lang.t("加分合计 \(fmt.points(r.bonusEarned)) 分，按上限计", "bonuses add up to \(fmt.points(r.bonusEarned)); capped"))])
        }
        for (v, why) in zip(r.vetoesUnchecked, r.vetoesNotCheckedWhy.map(session.report.vetoNotChecked)) {
            let veto = rules.vetoes[v]
            rows.append([.text(lang.t("一票否决", "Veto")), .text(veto.id), .text(veto.name), .text(veto.criteria ?? veto.when.readable(rules, lang: lang)), .empty,
                         .text(narrator.values(veto.when)), .empty, .text(lang.t("\(why.text(lang))，未能检查", "not checked: \(why.text(lang))"))])
        }
        for v in r.vetoes {
            let veto = rules.vetoes[v]
            let effect = SheetNarration.vetoEffect(veto, fmt: fmt, lang: lang, as: session.report)
            rows.append([.text(lang.t("一票否决", "Veto")), .text(veto.id), .text(veto.name), .text(veto.criteria ?? veto.when.readable(rules, lang: lang)), .empty,
                         .text(narrator.values(veto.when)), .empty, .text(effect)])
        }
        rows += RecusalExport.sheetRows(session.ballots.recusals.filter { $0.unit == session.table.units[u].id },
                                        itemNames: BallotItem.names(of: rules), fmt: fmt, lang: lang, naming: namesRepresentatives,
                                        scoresUnnamed: !session.report.writes(since: ScoreReport.v0_24), report: session.report)
        if let sheets = session.report.sheets {
            rows += droppedRows(sheets, unit: session.table.units[u].id, session: session, lang: lang, naming: namesRepresentatives)
        }
        var totalNote = TotalWords.sum(r, rules: rules, fmt: fmt, lang: lang, as: session.report)
        totalNote += lang.t("；等级 \(r.grade)；排名第 \(r.rank) 名", "; grade \(r.grade); rank \(r.rank)")
        rows.append([.text(lang.t("总分", "Total")), .empty, .empty, .empty, .number(fmt.fixed(rules.totalPoints)), .empty,
                     .number(fmt.fixed(r.total)), .text(totalNote)])
        let unit = session.table.units[u], m = rules.metadata
        // Who and what the sheet is about, above the table, so a printed or forwarded file names its unit.
        let preamble: [[ExportCell]] = [[.text(lang.t("评分表", "Score sheet")), .text(m.title), .text(m.id + " " + m.version)],
                                        [.text(lang.t("单位", "Unit")), .text(unit.id), .text(unit.name), .text(unit.category)],
                                        // A number since 0.17.0 (the same in CSV; the workbook stores it as a number).
                                        [.text(lang.t("总分", "Total")),
                                         session.report.writes(since: ScoreReport.v0_17) ? .number(fmt.fixed(r.total)) : .text(fmt.fixed(r.total)), .text(r.grade),
                                         .text(lang.t("第 \(r.rank) 名", "rank \(r.rank)"))]]
        return ExportTable(columns: columns, rows: rows, preamble: preamble)
    }

    /// One row per sheet of a session that did not count for the unit: declared void, or left
    /// open at a close with `--accept-missing`; who, the reason, and that nothing on it counted.
    static func droppedRows(_ sheets: SessionSheets, unit: String, session: ScoringSession, lang: Language, naming: Bool = true) -> [[ExportCell]] {
        func name(_ rep: String) -> ExportCell { naming ? .text(session.representatives.first { $0.id == rep }?.name ?? "") : .empty }
        func id(_ rep: String) -> ExportCell { naming ? .text(rep) : .empty }
        // A reason is free text that may name people: left out with the names.
        func reason(_ d: SessionSheets.Dropped) -> ExportCell { naming ? .text(d.reason) : .empty }
        let voids = (sheets.voids[unit] ?? []).map { d -> [ExportCell] in
            [.text(lang.t("作废", "Void")), id(d.representative), name(d.representative), reason(d), .empty, .empty, .empty,
             .text(lang.t("评分表已声明作废，不计入", "sheet declared void, not counted"))]
        }
        let uncounted = (sheets.uncounted[unit] ?? []).map { d -> [ExportCell] in
            [.text(lang.t("未确认", "Unconfirmed")), id(d.representative), name(d.representative), reason(d), .empty, .empty, .empty,
             .text(lang.t("结束会话时评分表未确认，未确认的分数经同意不计入", "sheet not confirmed when the session closed; its unconfirmed scores left out by consent"))]
        }
        return voids + uncounted
    }

    /// - Parameter table: the unit's ``table(_:unit:lang:)`` when the caller already made it
    ///   (the CSV, the JSON and the workbook of one run share it).
    public static func json(_ session: ScoringSession, unit u: Int, lang: Language = .zh, table given: ExportTable? = nil) -> JSONOut {
        let unit = session.table.units[u]
        let r = session.results[u]
        let fmt = ValueFormatter(rules: session.rules, lang: lang)
        return .object([
            "unit": .object(["id": .string(unit.id), "name": .string(unit.name), "category": .string(unit.category)]),
            "rules": .object(["id": .string(session.rules.metadata.id), "version": .string(session.rules.metadata.version)]),
            "total": .number(fmt.fixed(r.total)), "grade": .string(r.grade), "rank": .num(r.rank), "categoryRank": .num(r.categoryRank),
            "rows": (given ?? table(session, unit: u, lang: lang)).jsonRows(),
        ])
    }
}
