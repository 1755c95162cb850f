/// A comparison as a table (terminal, CSV, Markdown), a summary in sentences, and JSON.
public enum ComparisonExport {
    static func signed(_ r: Rational, _ places: Int) -> String {
        (r.isNegative ? "" : r.isZero ? "±" : "+") + r.formatted(places: places)
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n == 0 ? "0" : "\(n)" }

    /// `organization.membership（会员发展）-6.00；…` in Chinese (the standard's name beside its
    /// id), `organization.membership -6.00; …` in English.
    static func drivers(_ m: Comparison.Move, places: Int, lang: Language = .zh) -> String {
        driverItems(m, places: places, lang: lang).joined(separator: lang.t("；", "; "))
    }

    /// The drivers for the HTML page: ids and changes never broken across lines, a long name may be;
    /// then the rest of the why (`whyItems`).
    static func driversMarkup(_ m: Comparison.Move, places: Int, lang: Language) -> HTMLText {
        func nw(_ t: String) -> String { "<span class=\"nw\">\(HTMLText.escape(t))</span>" }
        if m.vetoCapped != nil { return HTMLText(markup: HTMLText.escape(driverItems(m, places: places, lang: lang).joined())) }
        let drivers = m.drivers.map { d in
            lang == .zh && !d.name.isEmpty && d.name != d.id
                ? nw(d.id) + HTMLText.escape("（\(d.name)）") + nw(signed(d.delta, places)) : nw("\(d.id) \(signed(d.delta, places))")
        }
        return HTMLText(markup: (drivers + whyItems(m, places: places, lang: lang).map(HTMLText.escape)).joined(separator: HTMLText.escape(lang.t("；", "; "))))
    }

    /// The drivers, then the rest of the why (`whyItems`); a veto that caps the unit under both
    /// files instead.
    static func driverItems(_ m: Comparison.Move, places: Int, lang: Language) -> [String] {
        if let v = m.vetoCapped { return [vetoText(v, lang: lang)] }
        return m.drivers.map { d in driverText(d, places: places, lang: lang) } + whyItems(m, places: places, lang: lang)
    }

    static func driverText(_ d: Comparison.Driver, places: Int, lang: Language) -> String {
        lang == .zh && !d.name.isEmpty && d.name != d.id ? "\(d.id)（\(d.name)）\(signed(d.delta, places))" : "\(d.id) \(signed(d.delta, places))"
    }

    static func vetoText(_ v: Comparison.VetoCap, lang: Language) -> String {
        // No space after a full-width bracket (`（重大安全生产责任事故）两版`), one after an id.
        let who = lang == .zh && !v.name.isEmpty ? "\(v.id)（\(v.name)）" : v.id + " "
        return v.oldCap == v.newCap
            ? lang.t("否决封顶：\(who)两版都为 \(v.newCap.plainText()) 分，各标准的变化不改变总分",
                     "capped by a veto: \(who)at \(v.newCap.plainText()) under both, so no standard's change reaches the total")
            : lang.t("否决封顶：\(who)\(v.oldCap.plainText()) → \(v.newCap.plainText()) 分", "capped by a veto: \(who)\(v.oldCap.plainText()) → \(v.newCap.plainText())")
    }

    /// What else a committee must read to see the whole change: the other changed items added up
    /// (`其余 27 项合计 -3.15`), the causes common to many standards that alone moved some of them,
    /// the moved grade bounds that changed its grade, the tie-break that moved it, and the units
    /// whose totals passed it.
    static func whyItems(_ m: Comparison.Move, places: Int, lang: Language) -> [String] {
        var items: [String] = []
        if m.rest.count > 0 { items.append(TuningMessages.rest(m.rest, signed(m.rest.delta, places)).text(lang)) }
        items += m.causes.map { TuningMessages.cause($0, delta: signed($0.delta, places)).text(lang) }
        if !m.boundsCrossed.isEmpty { items.append(TuningMessages.gradeWhy(m).text(lang)) }
        if !(m.oldTies.isEmpty && m.newTies.isEmpty) { items.append(TuningMessages.tieReason(m).text(lang)) }
        if m.passedBy + m.fellBehind > 0 { items.append(TuningMessages.passed(m, total: m.newTotal.formatted(places: places)).text(lang)) }
        return items
    }

    /// One row per unit, in the new ranking's order. For CSV (`csv`), the change of a total is
    /// a plain number (`0.00`, never `±0.00`), which a spreadsheet reads as one.
    public static func table(_ c: Comparison, lang: Language = .zh, csv: Bool = false) -> ExportTable {
        let p = c.precision
        func col(_ zh: String, _ en: String, _ key: String, right: Bool = false) -> ExportTable.Column {
            .init(header: lang.t(zh, en), key: key, alignRight: right)
        }
        let columns = [
            col("编号", "id", "unit"), col("单位名称", "name", "name"), col("类别", "category", "category"),
            col("原总分", "old total", "oldTotal", right: true), col("新总分", "new total", "newTotal", right: true),
            col("分差", "change", "totalChange", right: true),
            col("原等级", "old grade", "oldGrade"), col("新等级", "new grade", "newGrade"),
            col("原排名", "old rank", "oldRank", right: true), col("新排名", "new rank", "newRank", right: true),
            col("名次变化", "rank move", "rankChange", right: true),
            col("原类别排名", "old cat. rank", "oldCategoryRank", right: true), col("新类别排名", "new cat. rank", "newCategoryRank", right: true),
        ]
        // CSV: each driver in columns of its own (id, name, change), the rest's count and sum,
        // and the why in words, so that a spreadsheet can filter on them; else one column.
        let whyColumns = csv
            ? (1...3).flatMap { i in [col("标准\(i)编号", "driver \(i) id", "driver\(i)Id"), col("标准\(i)名称", "driver \(i) name", "driver\(i)Name"),
                                     col("标准\(i)分差", "driver \(i) change", "driver\(i)Change", right: true)] }
              + [col("其余项数", "other items", "restCount", right: true), col("其余合计", "others' change", "restChange", right: true),
                 col("说明", "why else", "why")]
            : [col("影响最大的标准", "standards that moved it most", "drivers")]
        let rows: [[ExportCell]] = c.moves.map { m in
            let why: [ExportCell] = csv
                ? (0..<3).flatMap { i -> [ExportCell] in
                      guard i < m.drivers.count else { return [.empty, .empty, .empty] }
                      let d = m.drivers[i]
                      return [.text(d.id), .text(d.name), .number(d.delta.formatted(places: p))]
                  } + [.number("\(m.rest.count)"), .number(m.rest.delta.formatted(places: p)),
                       .text((m.vetoCapped.map { [vetoText($0, lang: lang)] } ?? Array(whyItems(m, places: p, lang: lang).dropFirst(m.rest.count > 0 ? 1 : 0)))
                                .joined(separator: lang.t("；", "; ")))]
                : [.text(drivers(m, places: p, lang: lang))]
            return [.text(m.unit), .text(m.name), .text(m.category),
                    .number(m.oldTotal.formatted(places: p)), .number(m.newTotal.formatted(places: p)), .number(csv ? m.totalChange.formatted(places: p) : signed(m.totalChange, p)),
                    .text(m.oldGrade), .text(m.newGrade), .number("\(m.oldRank)"), .number("\(m.newRank)"), .number(signed(m.rankChange)),
                    .number("\(m.oldCategoryRank)"), .number("\(m.newCategoryRank)")] + why
        }
        return ExportTable(columns: columns + whyColumns, rows: rows)
    }

    /// The summary: how many changed grade, the largest rank moves, the boundary and quota crossings.
    public static func summary(_ c: Comparison, lang: Language = .zh) -> [String] {
        let p = c.precision
        var lines: [String] = []
        let n = c.moves.count
        // File names as typed may hold any character: shown as diagnostics show them.
        let (oldFile, newFile) = (Echo.shown(c.old.file), Echo.shown(c.new.file))
        lines.append(lang.t("\(oldFile)（\(c.old.id) \(c.old.version)）→ \(newFile)（\(c.new.id) \(c.new.version)），共 \(n) 个单位",
                            "\(oldFile) (\(c.old.id) \(c.old.version)) → \(newFile) (\(c.new.id) \(c.new.version)), \(n) units"))
        let g = c.gradeChanges
        lines.append(lang.t("等级变化：\(g.count) 个单位", "grade changed: \(g.count) unit\(g.count == 1 ? "" : "s")")
                     + (g.isEmpty ? "" : lang.t("（", " (") + TuningMessages.firstOf(g.map { "\($0.unit) \($0.oldGrade)→\($0.newGrade)" }, separator: lang.t("，", ", "), lang: lang) + lang.t("）", ")")))
        let r = c.rankChanges
        lines.append(lang.t("排名变化：\(r.count) 个单位", "rank changed: \(r.count) unit\(r.count == 1 ? "" : "s")"))
        let largest = c.largestRankMoves()
        if !largest.isEmpty {
            lines.append(lang.t("名次变动最大：", "largest rank moves: ")
                         + largest.map { "\($0.unit) \($0.oldRank)→\($0.newRank)" + lang.t("（\(signed($0.rankChange))）", " (\(signed($0.rankChange)))") }.joined(separator: lang.t("，", ", ")))
        }
        let tied = c.tieMoves
        if !tied.isEmpty {
            let items = TuningMessages.firstOf(tied.map { "\($0.unit) \($0.oldRank)→\($0.newRank)" + lang.t("（", " (") + TuningMessages.tieReason($0).text(lang) + lang.t("）", ")") },
                                               separator: lang.t("；", "; "), lang: lang)
            lines.append(TuningMessages.movedByTies(items, count: tied.count).text(lang))
        }
        let others = c.passedMoves
        if !others.isEmpty {
            let items = TuningMessages.firstOf(others.map { m in
                "\(m.unit) \(m.oldRank)→\(m.newRank)" + lang.t("（", " (") + TuningMessages.passed(m, total: m.newTotal.formatted(places: p)).text(lang) + lang.t("）", ")")
            }, separator: lang.t("；", "; "), lang: lang)
            lines.append(TuningMessages.movedByOthers(items, count: others.count).text(lang))
        }
        if let s = c.shares { lines.append(TuningMessages.weighting(s.old, s.new).text(lang)) }
        if !c.boundChanges.isEmpty {
            lines.append(TuningMessages.boundsMoved(c.boundChanges.map { "\($0.grade) \($0.old.plainText()) → \($0.new.plainText())" }.joined(separator: lang.t("，", ", "))).text(lang))
        }
        // Each crossing says why: its total crossed a bound, a moved bound did, or both.
        let b = c.boundaryCrossings
        lines.append(lang.t("按总分所定等级跨越分数线：\(b.count) 个单位", "grade by total crossed a boundary: \(b.count) unit\(b.count == 1 ? "" : "s")")
                     + (b.isEmpty ? "" : lang.t("（", " (") + TuningMessages.firstOf(b.map { m in
                         let why = TuningMessages.gradeWhy(m).text(lang)
                         return "\(m.unit) \(m.oldTotal.formatted(places: p))→\(m.newTotal.formatted(places: p))" + lang.t("，", ", ") + "\(m.oldGradeByTotal)→\(m.newGradeByTotal)"
                             + (why.isEmpty ? "" : lang.t("（\(why)）", " (\(why))"))
                     }, separator: lang.t("；", "; "), lang: lang, inTable: false) + lang.t("）", ")")))
        let q = c.quotaCrossings
        lines.append(lang.t("跨越名额线：\(q.count) 个单位", "crossed the quota line: \(q.count) unit\(q.count == 1 ? "" : "s")")
                     + (q.isEmpty ? "" : lang.t("（", " (") + TuningMessages.firstOf(q.map { m in
                         m.newQuotaMoved ? lang.t("\(m.unit) 新细则下因名额降档", "\(m.unit) moved down by the quota under the new rules")
                                         : lang.t("\(m.unit) 不再因名额降档", "\(m.unit) no longer moved down by the quota")
                     }, separator: lang.t("；", "; "), lang: lang, inTable: false) + lang.t("）", ")")))
        return lines
    }

    /// A warning said beside a comparison: `file` is the rules file it is about, when its text
    /// does not name it already.
    public struct Warning: Sendable {
        public var file: String?
        public var diagnostic: Diagnostic
        public init(file: String?, diagnostic: Diagnostic) {
            self.file = file
            self.diagnostic = diagnostic
        }
    }

    /// A line of the 提示 list said beside a comparison: `file` is the rules file whose run alone
    /// says it (`nil`: both runs').
    public struct Note: Sendable {
        public var file: String?
        public var text: String
        public init(file: String?, text: String) {
            self.file = file
            self.text = text
        }
    }

    /// `warnings` are carried as `{code, file, text}`, each `text` as `render` gives it, and
    /// `notes` as `{file, text}`.
    public static func json(_ c: Comparison, assumption: MissingMetrics.Assumption?, gaps: MissingMetrics, overrides: MetricOverrides,
                            warnings: [Warning] = [], notes: [Note] = [], render: (Diagnostic) -> String = { $0.rendered(.zh) },
                            lang: Language = .zh) -> JSONOut {
        let p = c.precision
        func side(_ s: Comparison.Side) -> JSONOut {
            .object(["file": .string(s.file), "id": .string(s.id), "version": .string(s.version), "title": .string(s.title)])
        }
        /// A tie note: who is ahead of whom, by which tie-break (as the rules file writes it; null
        /// when they share a rank) and its two values, the one ahead first.
        func tieJSON(_ t: Comparison.Tie) -> JSONOut {
            .object(["ahead": .string(t.ahead), "behind": .string(t.behind), "by": t.by.map(RulesEncoder.encode) ?? .null,
                     "name": t.name.map { .string($0.text(lang)) } ?? .null,
                     "values": t.by == nil ? .null : .array([.string(t.aheadValue), .string(t.behindValue)])])
        }
        /// A cause common to many standards: `weights`, or an `area` with its two scales.
        func causeJSON(_ x: Comparison.Cause) -> JSONOut {
            var o: [String: JSONOut] = ["count": .num(x.count), "change": .num(x.delta)]
            switch x.kind {
            case .weights: o["kind"] = .string("weights")
            case .area(let id, _, let old, let new): (o["kind"], o["area"], o["oldScale"], o["newScale"]) = (.string("area"), .string(id), .num(old), .num(new))
            }
            return .object(o)
        }
        func boundJSON(_ b: Comparison.BoundChange) -> JSONOut { .object(["grade": .string(b.grade), "old": .num(b.old), "new": .num(b.new)]) }
        func sharesJSON(_ s: Comparison.Shares) -> JSONOut { .object(["metrics": .num(s.metrics), "ballots": .num(s.ballots)]) }
        let units: [JSONOut] = c.moves.map { m in
            .object([
                "unit": .string(m.unit), "name": .string(m.name), "category": .string(m.category),
                "old": .object(["total": .number(m.oldTotal.formatted(places: p)), "grade": .string(m.oldGrade), "gradeByTotal": .string(m.oldGradeByTotal),
                                "rank": .num(m.oldRank), "categoryRank": .num(m.oldCategoryRank), "quotaMoved": .bool(m.oldQuotaMoved)]),
                "new": .object(["total": .number(m.newTotal.formatted(places: p)), "grade": .string(m.newGrade), "gradeByTotal": .string(m.newGradeByTotal),
                                "rank": .num(m.newRank), "categoryRank": .num(m.newCategoryRank), "quotaMoved": .bool(m.newQuotaMoved)]),
                "totalChange": .num(m.totalChange), "rankChange": .num(m.rankChange), "gradeChanged": .bool(m.gradeChanged),
                "crossedGradeBoundary": .bool(m.crossedGradeBoundary), "crossedQuotaLine": .bool(m.crossedQuotaLine),
                "drivers": .array(m.drivers.map { .object(["id": .string($0.id), "name": .string($0.name), "change": .num($0.delta)]) }),
                "rest": .object(["count": .num(m.rest.count), "change": .num(m.rest.delta)]),
                "causes": .array(m.causes.map(causeJSON)),
                "gradeBoundsCrossed": .array(m.boundsCrossed.map(boundJSON)), "totalCrossedBound": .bool(m.totalCrossedBound),
                "passedBy": .num(m.passedBy), "fellBehind": .num(m.fellBehind),
                "ties": .object(["old": .array(m.oldTies.map(tieJSON)), "new": .array(m.newTies.map(tieJSON))]),
                "vetoCapped": m.vetoCapped.map { .object(["id": .string($0.id), "name": .string($0.name), "oldCap": .num($0.oldCap), "newCap": .num($0.newCap)]) } ?? .null,
            ])
        }
        return .object([
            "old": side(c.old), "new": side(c.new), "units": .array(units),
            "summary": .object([
                "units": .num(c.moves.count), "gradeChanges": .num(c.gradeChanges.count), "rankChanges": .num(c.rankChanges.count),
                "gradeBoundaryCrossings": .array(c.boundaryCrossings.map { .string($0.unit) }),
                "quotaLineCrossings": .array(c.quotaCrossings.map { .string($0.unit) }),
                "gradeBounds": .array(c.boundChanges.map(boundJSON)),
                "shares": c.shares.map { .object(["old": sharesJSON($0.old), "new": sharesJSON($0.new)]) } ?? .null,
                "tieMoves": .array(c.tieMoves.map { .string($0.unit) }),
                "movedByOthers": .array(c.passedMoves.map { .string($0.unit) }),
                "largestRankMoves": .array(c.largestRankMoves().map { .object(["unit": .string($0.unit), "from": .num($0.oldRank), "to": .num($0.newRank)]) }),
            ]),
            "assumeMissing": assumption.map { .string($0.rawValue) } ?? .null,
            "missingMetrics": .array(gaps.gaps.map { .object(["metric": .string($0.metric), "name": .string($0.name), "units": .array($0.units.map { .string($0) })]) }),
            "set": .array(overrides.entries.map { .string($0.text) }),
            "warnings": .array(warnings.map { w in
                .object(["code": .string(w.diagnostic.code), "file": .str(w.file), "text": .string(render(w.diagnostic))])
            }),
            "notes": .array(notes.map { .object(["file": .str($0.file), "text": .string($0.text)]) }),
        ])
    }

    /// A printable page: the summary, then the table (landscape: it is wide).
    public static func html(_ c: Comparison, caveats: Caveats = Caveats(), lang: Language = .zh) -> String {
        let title = lang.t("考核细则调整影响比较", "What the tuned rules would change")
        var doc = HTMLDocument(title: title, lang: lang)
        doc.append(HTMLText(markup: "<section class=\"page landscape\">"))
        doc.append(HTMLText(markup: "<h1>") + HTMLText(title) + HTMLText(markup: "</h1>"))
        doc.append(HTMLText(markup: "<p class=\"subtitle\">") + HTMLText("\(c.old.title) → \(c.new.title)") + HTMLText(markup: "</p>"))
        for line in summary(c, lang: lang) { doc.append(HTMLText(markup: "<p>") + HTMLText(line) + HTMLText(markup: "</p>")) }
        // Read before the table, as the terminal says them beside it.
        doc.append(caveats.html(lang: lang))
        let t = table(c, lang: lang)
        // Only the name and the drivers may wrap, the drivers only between items: ids, categories,
        // grades and numbers stay on one line.
        // The name column gets a width of its own, so that the drivers cannot squeeze it.
        var builder = HTMLTableBuilder(columns: t.columns.map { .init($0.header, numeric: $0.alignRight, width: $0.key == "name" ? "30mm" : nil,
                                                                      nowrap: !["name", "drivers"].contains($0.key)) },
                                       tableClass: "grid")
        for (row, move) in zip(t.rows, c.moves) {
            builder.addRow(zip(row, t.columns).map { cell, column -> HTMLTableBuilder.Cell in
                if column.key == "drivers" { return .markup(driversMarkup(move, places: c.precision, lang: lang)) }
                return cell.html
            }, rowClass: move.gradeChanged ? "changed" : nil)
        }
        doc.append(builder.rendered())
        doc.append(HTMLText(markup: "</section>"))
        doc.extraCSS = "tr.changed td { font-weight: 600; background: #eee; }\nspan.nw { white-space: nowrap; }\ntable.grid th { word-break: keep-all; overflow-wrap: normal; }\n"
        return doc.rendered()
    }
}
