/// `report.html`: the ranked summary (汇总排名表) with the committee's notes and the
/// distribution of totals, then one score sheet per unit, each starting on its own landscape A4
/// page (`ScoreSheetHTML`), then the 评委分析 (`PanelHTML.section`: the representatives'
/// leniency intervals and the marks to re-check). Self-contained: print it from any browser.
public enum ReportHTML {
    public static func render(_ session: ScoringSession, lang: Language = .zh) -> String {
        render(session, lang: lang, narrations: nil)
    }

    /// - Parameters:
    ///   - narrations: each unit's texts (by unit index) when the caller already made them.
    ///   - pages: each unit's score sheet page (by unit index, ``ScoreSheetHTML/page(_:unit:medians:lang:narration:)``
    ///     with ``areaMedians(_:)``)
    ///     when the caller made them, on several threads.
    static func render(_ session: ScoringSession, lang: Language, narrations: [SheetNarration]?, pages: [HTMLText]? = nil) -> String {
        let rules = session.rules
        var doc = HTMLDocument(title: rules.metadata.title + " · " + PaperTexts.reportTitle.text(lang), lang: lang, extraCSS: css + PanelHTML.css)
        doc.wholeWords = session.report.writes(since: ScoreReport.v0_17)
        doc.pageNumbers = session.report.writes(since: ScoreReport.v0_18)
        // Since 0.19.0: the summary's headers break between words, and an area's heading on a
        // score sheet stays with its first row (never alone at the foot of a page).
        if session.report.writes(since: ScoreReport.v0_19) { doc.extraCSS += HTMLTableBuilder.pairedHeadersCSS + Self.css019 }
        // Since 0.20.0: an area's subtotal row (and a veto's, and the total) stays with the row
        // above it, never alone at the head of a page.
        if session.report.writes(since: ScoreReport.v0_20) { doc.extraCSS += Self.css020 }
        // Since 0.21.0: so does the row of a veto that could not be checked.
        if session.report.writes(since: ScoreReport.v0_21) { doc.extraCSS += Self.css021 }
        // Since 0.22.0: the ballots' note, the sheet table's last row, stays with the total.
        if session.report.writes(since: ScoreReport.v0_22) { doc.extraCSS += Self.css022 }
        // Since 0.24.0: the panel tables' headers break between words, never inside one (单/位).
        if session.report.writes(since: ScoreReport.v0_24) { doc.extraCSS += PanelHTML.css024 }
        // Since 0.29.3: a score sheet's signatures, right after its table, stay with its total.
        if session.report.writes(since: ScoreReport.v0_29_3) { doc.extraCSS += Self.css0293 }
        // Since 0.29.5: the signatures' date written in as the notice's is (`______年____月____日`).
        if session.report.writes(since: ScoreReport.v0_29_5) { doc.extraCSS += Self.css0295 }
        // Since 0.29.7: a heading of the panel section stays with its table (the English report's
        // `Agreement (Krippendorff's alpha, interval)` stood alone at the foot of a page).
        if session.report.writes(since: ScoreReport.v0_29_7) { doc.extraCSS += PanelHTML.css0297 }
        doc.append(summaryPage(session, lang: lang))
        let medians = pages == nil ? areaMedians(session) : []
        for u in session.report.ranking.order {
            doc.append(pages?[u] ?? ScoreSheetHTML.page(session, unit: u, medians: medians, lang: lang, narration: narrations?[u]))
        }
        // 评委分析: for the committee only (it names representatives), never in the public notice.
        if !session.ballots.ballots.isEmpty {
            // Before 0.29.0 the flags were decided in binary floating point and the groups table
            // showed `groupOffset` and 0.0 for a group without ballots: a sealed report is written again so.
            let options = PanelReport.Options(legacy: !session.report.writes(since: ScoreReport.v0_29))
            doc.append(PanelHTML.section(PanelReport.analyse(session, options: options), lang: lang, limit: 200, standardNames: session.report.writes(since: ScoreReport.v0_17),
                                         fixedPlaces: session.report.writes(since: ScoreReport.v0_25),
                                         saysLeftOut: session.report.writes(since: ScoreReport.v0_29_1),
                                         readsAlpha: session.report.writes(since: ScoreReport.v0_29_5)))
        }
        return doc.rendered()
    }

    static let css019 = ".sheet tr.area { break-after: avoid; page-break-after: avoid; }\n"
    static let css020 = ".sheet tr.subtotal, .sheet tr.total { break-before: avoid; page-break-before: avoid; }\n"
    static let css021 = ".sheet tr.veto { break-before: avoid; page-break-before: avoid; }\n"
    static let css0293 = ".sheet tr.signatures { break-before: avoid; page-break-before: avoid; break-inside: avoid; page-break-inside: avoid; }\n"
        + ".sheet tr.signatures td { border: none; padding: 16mm 0 2mm 0; }\n.sheet tr.signatures div.sign { margin-top: 0; }\n"
    static let css0295 = ".sign div.date { flex: 0.8; border-bottom: none; }\n.sign div.date span { bottom: 0; font-size: 10.5pt; }\n"
    static let css022 = ".sheet tr.ballots { break-before: avoid; page-break-before: avoid; }\n.sheet tr.ballots td { border: none; font-size: 8.5pt; padding-top: 6px; }\n"

    static let css = """
    .summary table.grid { font-size: 8.5pt; }
    .summary table.grid th { font-size: 8pt; }
    .sheet table.grid { font-size: 8.5pt; }
    .sheet div.c { font-size: 7.6pt; color: #222; line-height: 1.35; }
    .sheet span.id { font-size: 7pt; color: #444; font-family: "DejaVu Sans Mono", Consolas, monospace; }
    .sheet tr.area td { background: #ececec; font-weight: 600; }
    .sheet th.running { text-align: left; background: #fff; border: none; border-bottom: 0.8pt solid #000; font-weight: 600; }
    .sheet p.running { font-weight: 600; border-bottom: 0.8pt solid #000; margin-top: 3mm; break-after: avoid; page-break-after: avoid; }
    .charts { display: flex; gap: 6mm; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; }
    .charts figure { flex: 1; }

    """

    /// The first page: title, what was assessed, the ranked table, the notes, the distribution.
    static func summaryPage(_ session: ScoringSession, lang: Language) -> HTMLText {
        let report = session.report, rules = session.rules, m = rules.metadata
        var s = "<section class=\"page landscape summary\">"
        s += "<h1>\(HTMLText.escape(m.title))</h1>"
        s += "<p class=\"subtitle\">\(HTMLText.escape(PaperTexts.summaryHeading.text(lang)))"
            + (report.sheets?.versionLine(lang).map { "<br>" + HTMLText.escape($0) } ?? "") + "</p>"
        s += "<div class=\"meta\">" + [
            PaperTexts.meta(Localized(zh: "发布单位", en: "Issued by"), m.issuer, lang),
            PaperTexts.meta(Localized(zh: "细则版本", en: "Rules version"), m.id + " " + m.version, lang),
            PaperTexts.meta(PaperTexts.periodLabel, PaperTexts.period(session.report, lang), lang),
            PaperTexts.meta(Localized(zh: "参评单位", en: "Units"), lang.t("\(report.units.ids.count) 个", "\(report.units.ids.count)"), lang),
            PaperTexts.meta(Localized(zh: "职工代表", en: "Representatives"), lang.t("\(session.representatives.count) 人", "\(session.representatives.count)"), lang),
        ].map(\.markup).joined() + "</div>"
        s += summaryTable(report, plan: session.plan, lang: lang).markup
        let gap = report.writes(since: ScoreReport.v0_24) ? PaperTexts.largestRoundingGap(report) : nil
        s += "<p class=\"small\">\(HTMLText.escape(PaperTexts.summaryNote(rules, lang: lang, largestGap: gap)))</p>"
        s += "<h2>\(HTMLText.escape(PaperTexts.warningsHeading.text(lang)))</h2>"
        // Recusals: since 0.19.0 in brief in the table's 说明 column, their ballots here; before,
        // only in 说明, whole. Void and uncounted sheets: on each unit's score sheet.
        let warnings = SessionWarnings.collect(report, lang: lang, recusals: report.writes(since: ScoreReport.v0_19), droppedSheets: false)
            + report.papersInputWarnings.map { $0.rendered(lang) }
        if warnings.isEmpty {
            s += "<p>\(HTMLText.escape(PaperTexts.noWarnings.text(lang)))</p>"
        } else {
            s += "<ol class=\"notes small\">" + warnings.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ol>"
        }
        s += "<figure>" + distribution(session, lang: lang).markup
        s += "<figcaption>\(HTMLText.escape(PaperTexts.distributionHeading.text(lang)))</figcaption></figure>"
        s += "</section>"
        return HTMLText(markup: s)
    }

    /// The ranked table with Chinese headers: area columns carry their maximum, weighted as the
    /// score sheets print it (`ScoringPlan.areaMaximum`), to at most 2 places (15.5, 12.19).
    static func summaryTable(_ report: ScoreReport, plan: ScoringPlan, lang: Language) -> HTMLText {
        let export = SummaryExport.table(report, lang: lang, standardColumns: false, rows: true,
                                         recusals: report.writes(since: ScoreReport.v0_19) ? .brief : .named)
        let rules = report.rules
        // Before 0.17.0 the nominal points (a seal of then is re-derived as it was written).
        let weighted = report.writes(since: ScoreReport.v0_17)
        let areaMax = Dictionary(uniqueKeysWithValues: rules.areas.indices.map { a in
            ("area." + rules.areas[a].id, weighted ? ValueFormatter(rules: rules, lang: lang).points(plan.areaMaximum(a)) : rules.areas[a].points.plainText())
        })
        let short: Set<String> = ["id", "category", "grade"]
        let columns = export.columns.map { c -> HTMLTableBuilder.Column in
            var header = c.header
            if let max = areaMax[c.key] { header += lang.t("（\(max)）", " (\(max))") }
            return .init(header, numeric: c.alignRight, width: c.key == "name" ? "40mm" : c.key == "notes" ? "34mm" : nil, nowrap: short.contains(c.key))
        }
        var t = HTMLTableBuilder(columns: columns)
        t.pairedHeaders = report.writes(since: ScoreReport.v0_19)
        for row in export.rows {
            t.addRow(row.map(\.html))
        }
        return t.rendered()
    }

    static func distribution(_ session: ScoringSession, lang: Language) -> HTMLText {
        let report = session.report, rules = session.rules
        let dots = report.ranking.order.map { u in
            TotalsDistributionChart.Dot(label: report.units.ids[u], total: report.scores.value(report.scores.total[u]).doubleValue)
        }
        let bounds = rules.grades.compactMap { g in g.min.map { TotalsDistributionChart.Boundary(name: g.name, min: $0.doubleValue) } }
        let maximum = (rules.totalPoints + (rules.bonusCap ?? .zero)).doubleValue
        var chart = TotalsDistributionChart(dots: dots, boundaries: bounds, maximum: maximum, title: PaperTexts.distributionHeading.text(lang))
        chart.labelsApart = report.writes(since: ScoreReport.v0_17)
        return chart.rendered()
    }

    /// For each area (in `rules.areas` order), the median over all units of subtotal / maximum.
    static func areaMedians(_ session: ScoringSession) -> [Double] {
        session.rules.areas.indices.map { a in
            let shares = session.results.map { r -> Double in
                let ar = r.areas[a]
                return ar.maxPoints.isZero ? 0 : ar.subtotal.doubleValue / ar.maxPoints.doubleValue
            }.sorted()
            guard !shares.isEmpty else { return 0 }
            let n = shares.count
            return n % 2 == 1 ? shares[n / 2] : (shares[n / 2 - 1] + shares[n / 2]) / 2
        }
    }
}
