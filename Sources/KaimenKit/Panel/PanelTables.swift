/// The panel's figures as export tables, one per section: printed as text, CSV or JSON by the
/// same code (`ExportTable`).
public enum PanelTables {
    public enum Section: String, Sendable, CaseIterable {
        case raters, outliers, cells, groups, whatif, alpha, icc
    }

    public static func table(_ section: Section, _ p: PanelReport, lang: Language, limit: Int? = nil) -> ExportTable {
        switch section {
        case .raters: raters(p, lang: lang)
        case .outliers: outliers(p, lang: lang, limit: limit)
        case .cells: cells(p, lang: lang, onlyWithOutliers: false)
        case .groups: groups(p, lang: lang)
        case .whatif: whatIf(p, lang: lang, limit: limit)
        case .alpha: alpha(p, lang: lang)
        case .icc: icc(p, lang: lang)
        }
    }

    static func col(_ zh: String, _ en: String, _ key: String, right: Bool = false, _ lang: Language) -> ExportTable.Column {
        .init(header: lang.t(zh, en), key: key, alignRight: right)
    }

    static func num(_ x: Double?, places: Int = 2) -> ExportCell { x.map { .number(PanelMessages.number($0, places: places)) } ?? .empty }
    /// Points in a table: at two places, so a column's decimals line up (`0.30`, `0.00`, `4.00`;
    /// `fixed: false`, trailing zeros dropped, `0.3`, `0`, `4`, as the report's re-check list
    /// was sealed before 0.25.0).
    static func pts(_ r: Rational, fixed: Bool = true) -> ExportCell { .number(fixed ? r.formatted(places: 2) : PanelMessages.points(r)) }
    /// `[low, high]`: text in a table, an array of two numbers in JSON.
    static func interval(_ i: Bootstrap.Interval?, places: Int = 2, scale: Double = 1) -> ExportCell {
        i.map {
            let low = PanelMessages.number($0.low * scale, places: places), high = PanelMessages.number($0.high * scale, places: places)
            return .structured("[\(low), \(high)]", .array([.number(low), .number(high)]))
        } ?? .empty
    }
    /// Words joined for a table (`、`, `, `), an array in JSON (`[]` for none).
    static func list(_ shown: [String], json: [String], _ lang: Language, separator: String? = nil) -> ExportCell {
        .structured(shown.joined(separator: separator ?? lang.t("、", ", ")), .array(json.map { .string($0) }))
    }
    /// How often a representative's ballots were dropped as the lowest or highest, and how often
    /// chance would drop them: `3.8 (3.6)` in a table, `{"chance": 3.6, "dropped": 3.8}` in JSON.
    static func dropped(_ count: Double, chance: Double) -> ExportCell {
        let n = PanelMessages.number(count, places: 1), c = PanelMessages.number(chance, places: 1)
        return .structured("\(n) (\(c))", .object(["dropped": .number(n), "chance": .number(c)]))
    }

    static func raters(_ p: PanelReport, lang: Language) -> ExportTable {
        let columns = [
            col("代表", "Rep", "id", lang), col("姓名", "Name", "name", lang), col("组别", "Group", "group", lang),
            col("票数", "Ballots", "ballots", right: true, lang), col("听取单位", "Units", "units", right: true, lang),
            col("回避票", "Recused", "recused", right: true, lang), col("听取未评", "Heard, not scored", "notScored", lang),
            col("宽严（分）", "Leniency (pts)", "leniencyPoints", right: true, lang),
            col("95%区间（分）", "95% interval (pts)", "leniencyPointsInterval", right: true, lang),
            col("占满分%", "% of max", "leniencyPercent", right: true, lang),
            col("95%区间（%）", "95% interval (%)", "leniencyPercentInterval", right: true, lang),
            col("去最低（机会）", "Dropped low (chance)", "droppedLow", right: true, lang),
            col("去最高（机会）", "Dropped high (chance)", "droppedHigh", right: true, lang),
            col("同分表", "Straight sheets", "straightSheets", right: true, lang),
            col("最长同总分", "Longest equal run", "longestRun", right: true, lang),
            col("提示", "Flags", "flags", lang),
        ]
        let rows: [[ExportCell]] = p.raters.map { r in
            let rep = p.data.representatives[r.index]
            let notScored = r.unitsNotScored.map { p.units[$0].id }
            let l = r.leniency
            return [.text(rep.id), .text(rep.name), .text(rep.group), .number(String(r.ballots)), .number(String(r.unitsHeard)),
                    .number(String(r.recused)), list(notScored, json: notScored, lang, separator: " "), l.map { pts($0.points) } ?? .empty, interval(l?.pointsInterval),
                    num(l.map { $0.share * 100 }, places: 1), interval(l?.shareInterval, places: 1, scale: 100),
                    dropped(r.trim.droppedLow, chance: r.trim.chanceLow), dropped(r.trim.droppedHigh, chance: r.trim.chanceHigh),
                    .structured("\(r.straight.straight)/\(r.straight.sheets)", .object(["straight": .num(r.straight.straight), "sheets": .num(r.straight.sheets)])),
                    .number(String(r.straight.longestRun)),
                    list(r.flags.map { $0.kind.name.text(lang) } + (r.leniencyTooFew ? [PanelMessages.tooFewName.text(lang)] : []),
                         json: r.flags.map(\.kind.rawValue) + (r.leniencyTooFew ? [PanelMessages.tooFewKey] : []), lang)]
        }
        return ExportTable(columns: columns, rows: rows)
    }

    /// - Parameter standardNames: the 评分项 column gives the standard's name (for people, on a
    ///   page) instead of its id (for scripts, in CSV and JSON).
    /// - Parameter fixedPlaces: points at two places (`pts`); off only to write a report sealed
    ///   before 0.25.0 again.
    static func outliers(_ p: PanelReport, lang: Language, limit: Int?, standardNames: Bool = false, fixedPlaces: Bool = true) -> ExportTable {
        let columns = [
            col("单位", "Unit", "unit", lang), col("单位名称", "Unit name", "unitName", lang), col("评分项", "Standard", "standard", lang),
            col("代表", "Rep", "representative", lang), col("评分", "Score", "score", right: true, lang),
            col("其他代表中位数", "Median of others", "medianOfOthers", right: true, lang),
            col("差", "Difference", "difference", right: true, lang), col("区间", "Corridor", "corridor", right: true, lang),
        ]
        let shown = limit.map { Array(p.outliers.prefix($0)) } ?? p.outliers
        return ExportTable(columns: columns, rows: shown.map { o in
            [.text(p.units[o.unit].id), .text(p.units[o.unit].name), .text(standardNames ? p.data.itemNames[o.item] : p.data.items[o.item].key),
             .text(p.data.representatives[o.representative].id), pts(o.score, fixed: fixedPlaces), pts(o.medianOfOthers, fixed: fixedPlaces),
             pts(o.distance, fixed: fixedPlaces), pts(o.width, fixed: fixedPlaces)]
        })
    }

    static func cells(_ p: PanelReport, lang: Language, onlyWithOutliers: Bool) -> ExportTable {
        let columns = [
            col("单位", "Unit", "unit", lang), col("评分项", "Standard", "standard", lang), col("满分", "Max", "max", right: true, lang),
            col("票数", "Ballots", "ballots", right: true, lang), col("最低", "Low", "low", right: true, lang),
            col("最高", "High", "high", right: true, lang), col("极差", "Range", "range", right: true, lang),
            col("平均", "Mean", "mean", right: true, lang), col("标准差", "SD", "sd", right: true, lang),
            col("复核", "To re-check", "outliers", right: true, lang), col("各代表评分", "Ballots by rep", "scores", lang),
        ]
        let m = p.data.itemCount
        return ExportTable(columns: columns, rows: p.cells.filter { !onlyWithOutliers || $0.outliers > 0 }.map { c in
            let ballots = p.data.cells[c.unit * m + c.item]
            return [.text(p.units[c.unit].id), .text(p.data.items[c.item].key), pts(p.data.items[c.item].max), .number(String(c.count)),
                    pts(c.low), pts(c.high), pts(c.range), num(c.mean), num(c.standardDeviation), .number(String(c.outliers)),
                    .structured(ballots.map { "\(p.data.representatives[$0.representative].id)=\(PanelMessages.points($0.score))" }.joined(separator: " "),
                                .array(ballots.map { .object(["representative": .string(p.data.representatives[$0.representative].id),
                                                              "score": .num($0.score)]) }))]
        })
    }

    static func groups(_ p: PanelReport, lang: Language) -> ExportTable {
        let columns = [
            col("组别", "Group", "group", lang), col("人数", "Members", "members", right: true, lang),
            col("听取单位", "Units", "units", right: true, lang), col("票数", "Ballots", "ballots", right: true, lang),
            col("平均（占满分%）", "Mean (% of max)", "meanPercent", right: true, lang),
            col("与全体之差（%）", "Offset (% of max)", "offsetPercent", right: true, lang), col("提示", "Flag", "flag", lang),
        ]
        return ExportTable(columns: columns, rows: p.groups.enumerated().map { g, x -> [ExportCell] in
            // A group without counted ballots has no mean: blank, not 0.0 (but as before 0.29.0 for a sealed report).
            let none = x.ballots == 0 && !p.options.legacy
            let flag = p.options.legacy ? "groupOffset" : PanelReport.Flag.Kind.groupOffset.name.text(lang)
            return [.text(x.name), .number(String(x.members)), .number(String(x.units)), .number(String(x.ballots)),
                    none ? .empty : num(x.meanShare * 100, places: 1), none ? .empty : num(x.offset * 100, places: 1),
                    p.groupFlags.contains { $0.group == g } ? .structured(flag, .string(PanelReport.Flag.Kind.groupOffset.rawValue)) : .structured("", .null)]
        })
    }

    static func whatIf(_ p: PanelReport, lang: Language, limit: Int?) -> ExportTable {
        let columns = [
            col("正式排名", "Official rank", "officialRank", right: true, lang), col("单位", "Unit", "unit", lang),
            col("单位名称", "Unit name", "unitName", lang), col("正式总分", "Official total", "officialTotal", right: true, lang),
            col("假设排名", "What-if rank", "whatIfRank", right: true, lang), col("假设总分", "What-if total", "whatIfTotal", right: true, lang),
        ]
        guard let w = p.whatIf else { return ExportTable(columns: columns, rows: []) }
        let rows = limit.map { Array(w.rows.prefix($0)) } ?? w.rows
        return ExportTable(columns: columns, rows: rows.map { r in
            [.number(String(r.officialRank)), .text(p.units[r.unit].id), .text(p.units[r.unit].name),
             .number(Rational.formatScaled(r.officialTotal, places: w.precision)), .number(String(r.whatIfRank)),
             .number(Rational.formatScaled(r.whatIfTotal, places: w.precision))]
        })
    }

    /// - Parameter standardNames: as for ``outliers(_:lang:limit:standardNames:)``.
    static func alpha(_ p: PanelReport, lang: Language, standardNames: Bool = false) -> ExportTable {
        let columns = [
            col("评分项", "Standard", "standard", lang), col("α", "alpha", "alpha", right: true, lang),
            col("95%区间", "95% interval", "interval", right: true, lang), col("可配对票数", "Pairable ballots", "values", right: true, lang),
            col("分析单元", "Units of analysis", "unitsOfAnalysis", right: true, lang),
        ]
        let all = [p.agreement.overall] + p.agreement.byItem
        return ExportTable(columns: columns, rows: all.map { a in
            [.text(a.item.map { standardNames ? p.data.itemNames[$0] : p.data.items[$0].key } ?? lang.t("全部（按占满分比例）", "all (as shares of the maximum)")),
             a.value.map { .number(PanelMessages.number($0, places: 3)) } ?? .notApplicable(PanelMessages.alphaUndefined.text(lang)),
             interval(a.interval, places: 3), .number(String(a.values)), .number(String(a.unitsOfAnalysis))]
        })
    }

    static func reading(_ icc: Rational?, _ lang: Language) -> ExportCell {
        guard let icc else { return .empty }
        return .text(ICC.Reading(reading: icc)?.text.text(lang) ?? lang.t("不可解读", "no reading"))
    }

    static func icc(_ p: PanelReport, lang: Language) -> ExportTable {
        let columns = [
            col("评分项", "Standard", "standard", lang), col("组别", "Group", "group", lang),
            col("单位数", "Units", "n", right: true, lang), col("代表数", "Raters", "k", right: true, lang),
            col("ICC(2,1)", "ICC(2,1)", "icc21", right: true, lang), col("解读", "Reading", "reading21", lang),
            col("ICC(2,k)", "ICC(2,k)", "icc2k", right: true, lang), col("解读", "Reading", "reading2k", lang),
            col("说明", "Note", "note", lang),
        ]
        return ExportTable(columns: columns, rows: p.agreement.icc.map { b in
            var notes: [String] = []
            if let reason = b.reason { notes.append(reason.text(lang)) }
            if let r = b.result {
                // Each figure that has no value, and why (ICC(2,1) can be defined where ICC(2,k) is not).
                if r.undefined(average: false) == .noVariation {
                    notes.append(PanelMessages.iccUndefined(.noVariation).text(lang))
                } else {
                    for average in [false, true] {
                        if let why = r.undefined(average: average) { notes.append(PanelMessages.iccUndefined(why, average: average).text(lang)) }
                    }
                }
            }
            if let r = b.result, r.n < 5 { notes.append(PanelMessages.fewTargets(r.n).text(lang)) }
            let leftOut = b.ratersLeftOut.map { p.data.representatives[$0].id } + b.unitsLeftOut.map { p.units[$0].id }
            if !leftOut.isEmpty { notes.append(lang.t("未计入（数据不全）：", "left out (incomplete): ") + leftOut.joined(separator: " ")) }
            return [.text(p.data.items[b.item].key), .text(b.group.map { p.data.groups[$0] } ?? lang.t("全体", "all")),
                    b.result.map { .number(String($0.n)) } ?? .empty, b.result.map { .number(String($0.k)) } ?? .empty, num(b.result?.single, places: 3),
                    reading(b.result?.exactSingle, lang), num(b.result?.average, places: 3),
                    reading(b.result?.exactAverage, lang), .text(notes.joined(separator: "；"))]
        })
    }
}
