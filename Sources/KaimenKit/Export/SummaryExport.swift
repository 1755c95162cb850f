/// The ranked summary (汇总排名表): one row per unit in rank order, with total, grade, ranks,
/// the area subtotals, bonus, deductions and vetoes.
public enum SummaryExport {
    public static func table(_ session: ScoringSession, lang: Language = .zh, areaColumns: Bool = true) -> ExportTable {
        let rules = session.rules
        let fmt = ValueFormatter(rules: rules, lang: lang)
        var columns: [ExportTable.Column] = [
            .init(header: lang.t("排名", "Rank"), key: "rank", alignRight: true),
            .init(header: lang.t("类别排名", "In category"), key: "categoryRank", alignRight: true),
            .init(header: lang.t("单位编号", "Unit id"), key: "id", alignRight: false),
            .init(header: lang.t("单位", "Unit"), key: "name", alignRight: false),
            .init(header: lang.t("类别", "Category"), key: "category", alignRight: false),
            .init(header: lang.t("总分", "Total"), key: "total", alignRight: true),
            .init(header: lang.t("等级", "Grade"), key: "grade", alignRight: false),
        ]
        let areas = rules.orderedAreas
        let areaIndex = areas.map { a in rules.areas.firstIndex { $0.id == a.id }! }
        if areaColumns {
            columns += areas.map { .init(header: $0.name, key: "area." + $0.id, alignRight: true) }
        }
        columns += [
            .init(header: lang.t("加分", "Bonus"), key: "bonus", alignRight: true),
            .init(header: lang.t("扣分", "Deducted"), key: "deducted", alignRight: true),
            .init(header: lang.t("说明", "Notes"), key: "notes", alignRight: false),
        ]
        var rows: [[ExportCell]] = []
        for u in session.ranking.order {
            let r = session.results[u]
            let unit = session.table.units[r.unit]
            var row: [ExportCell] = [.number(String(r.rank)), .number(String(r.categoryRank)), .text(unit.id), .text(unit.name),
                                     .text(unit.category), .number(fmt.fixed(r.total)), .text(r.grade)]
            if areaColumns { row += areaIndex.map { .number(fmt.fixed(r.areas[$0].subtotal)) } }
            let deducted = r.areas.reduce(Rational.zero) { $0 + $1.deducted }
            row += [.number(fmt.fixed(r.bonus)), .number(fmt.fixed(deducted)), notes(r, session: session, lang: lang).map { .text($0) } ?? .empty]
            rows.append(row)
        }
        return ExportTable(columns: columns, rows: rows)
    }

    /// Vetoes and quota moves, in a few words.
    static func notes(_ r: UnitResult, session: ScoringSession, lang: Language) -> String? {
        var parts: [String] = []
        let u = r.unit
        let id = { (i: Int) in session.table.units[i].id }
        func decided(_ index: Int, _ mine: Rational?, _ theirs: Rational?, other: Int, first: Bool) -> String {
            let name = RulesTable.tieBreakText(session.rules.ranking.tieBreak[index], rules: session.rules, lang: lang, withOrder: false)
            let t = session.rules.ranking.tieBreak[index]
            let a = RulesTable.tieValueText(t, mine, rules: session.rules), b = RulesTable.tieValueText(t, theirs, rules: session.rules)
            return lang.t("与 \(id(other)) 同分，按\(name) \(a) 对 \(b) \(first ? "在前" : "在后")",
                          "tied with \(id(other)) on total; \(name) \(a) vs \(b) puts it \(first ? "ahead" : "behind")")
        }
        if let note = session.ranking.tieNotes[u] {
            switch note.decision {
            case .shared: parts.append(lang.t("与 \(id(note.above)) 并列", "shares the rank with \(id(note.above))"))
            case .decided(let k, let mine, let theirs): parts.append(decided(k, mine, theirs, other: note.above, first: false))
            }
        }
        for (other, note) in session.ranking.tieNotes.sorted(by: { $0.key < $1.key }) where note.above == u {
            if case .decided(let k, let mine, let theirs) = note.decision { parts.append(decided(k, theirs, mine, other: other, first: true)) }
        }
        for v in r.vetoes { parts.append(lang.t("一票否决：", "veto: ") + session.rules.vetoes[v].name) }
        if let from = r.movedFrom {
            parts.append(lang.t("因名额限制由\(from)调为\(r.grade)", "moved from \(from) to \(r.grade) by the quota"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: lang.t("；", "; "))
    }

    public static func json(_ session: ScoringSession, lang: Language = .zh) -> JSONOut {
        let rules = session.rules
        let fmt = ValueFormatter(rules: rules, lang: lang)
        let units: [JSONOut] = session.ranking.order.map { u in
            let r = session.results[u]
            let unit = session.table.units[r.unit]
            var o: [String: JSONOut] = [
                "rank": .num(r.rank), "categoryRank": .num(r.categoryRank), "id": .string(unit.id), "name": .string(unit.name),
                "category": .string(unit.category), "total": .number(fmt.fixed(r.total)), "grade": .string(r.grade),
                "areas": .object(Dictionary(uniqueKeysWithValues: rules.areas.enumerated().map { ($1.id, JSONOut.number(fmt.fixed(r.areas[$0].subtotal))) })),
                "bonus": .number(fmt.fixed(r.bonus)),
                "deducted": .number(fmt.fixed(r.areas.reduce(Rational.zero) { $0 + $1.deducted })),
                "ballotPoints": .number(fmt.fixed(r.ballotPoints)),
                "vetoes": .array(r.vetoes.map { .string(rules.vetoes[$0].id) }),
                "standards": .object(Dictionary(uniqueKeysWithValues: rules.standards.enumerated().map { ($1.id, JSONOut.number(fmt.fixed(r.standards[$0].points))) })),
            ]
            if let from = r.movedFrom { o["gradeBeforeQuota"] = .string(from) }
            return .object(o)
        }
        return .object([
            "rules": .object(["id": .string(rules.metadata.id), "title": .string(rules.metadata.title), "version": .string(rules.metadata.version)]),
            "precision": .num(rules.ranking.precision),
            "units": .array(units),
            "warnings": .array(SessionWarnings.collect(session, lang: lang).map { .string($0) }),
        ])
    }
}
