/// The panel analysis as HTML, from the shared HTML and SVG pieces (`Export/HTML`, `Export/SVG`):
/// the 评委分析 section the report adds (never the public notice: it names representatives), with
/// a chart of each representative's leniency interval and the marks to re-check; and the whole
/// page `kaimen panel --format html` prints.
public enum PanelHTML {
    /// The 评委分析 section: the leniency chart, the flags, the re-check list, the groups and
    /// the agreement in brief. `limit` caps the re-check list.
    /// - Parameter standardNames: the re-check list and the agreement table name each standard (off only to write a
    ///   sealed report again as kaimen before 0.17.0 wrote it, with ids).
    /// - Parameter fixedPlaces: the re-check list's points at two places (off only to write a
    ///   report sealed before 0.25.0 again, `4`, `0.5`, `2.75` in one column).
    /// - Parameter saysLeftOut: a re-check list cut at `limit` says how many rows it leaves out
    ///   (off only to write a report sealed before 0.29.1 again, which did not: a papers review
    ///   read 200 of 5 453 rows as the whole list).
    /// - Parameter readsAlpha: how to read α under its table (off only to write a report sealed
    ///   before 0.29.5 again).
    public static func section(_ p: PanelReport, lang: Language, limit: Int? = nil, standardNames: Bool = true, fixedPlaces: Bool = true,
                               saysLeftOut: Bool = true, readsAlpha: Bool = true) -> HTMLText {
        var parts: [HTMLText] = [HTMLText(markup: "<section class=\"page panel\">"), HTMLText(markup: "<h2>"),
                                 HTMLText(lang.t("评委分析", "Panel analysis")), HTMLText(markup: "</h2>")]
        parts.append(paragraph(lang.t("各代表评分与其他代表共识之差（占满分比例），点为平均，线为 95% 区间；深色为有提示的代表。",
                                      "Each representative's difference from the others' consensus (share of the maximum): the dot is the mean, the line its 95% interval; flagged representatives in dark.")))
        parts.append(leniencyChart(p, lang: lang))
        let flags = p.flags
        if !flags.isEmpty {
            parts.append(HTMLText(markup: "<ul class=\"flags\">"))
            for f in flags { parts.append(HTMLText(markup: "<li>") + HTMLText(f.reason.text(lang)) + HTMLText(markup: "</li>")) }
            parts.append(HTMLText(markup: "</ul>"))
        }
        parts.append(HTMLText(markup: "<h3>") + HTMLText(lang.t("复核清单（超出区间的评分，\(p.outliers.count) 条）", "To re-check (marks outside the corridor, \(p.outliers.count))")) + HTMLText(markup: "</h3>"))
        if p.outliers.isEmpty { parts.append(paragraph(lang.t("无。", "None."))) } else { parts.append(table(PanelTables.outliers(p, lang: lang, limit: limit, standardNames: standardNames, fixedPlaces: fixedPlaces))) }
        if saysLeftOut, let limit, p.outliers.count > limit { parts.append(paragraph(PanelMessages.recheckLeftOut(p.outliers.count - limit, of: p.outliers.count).text(lang))) }
        parts.append(HTMLText(markup: "<h3>") + HTMLText(lang.t("分组", "Groups")) + HTMLText(markup: "</h3>"))
        parts.append(table(PanelTables.groups(p, lang: lang)))
        parts.append(HTMLText(markup: "<h3>") + HTMLText(lang.t("一致性（Krippendorff α，区间尺度）", "Agreement (Krippendorff's alpha, interval)")) + HTMLText(markup: "</h3>"))
        parts.append(table(PanelTables.alpha(p, lang: lang, standardNames: standardNames)))
        if readsAlpha { parts.append(paragraph(PanelMessages.alphaReading.text(lang))) }
        parts.append(HTMLText(markup: "</section>"))
        return HTMLText.join(parts, separator: "\n")
    }

    /// The whole page: the section, then every representative, the what-if ranking and the ICC tables.
    public static func document(_ p: PanelReport, title: String, lang: Language, limit: Int? = nil) -> String {
        var doc = HTMLDocument(title: lang.t("评委分析 · ", "Panel analysis · ") + title, lang: lang, extraCSS: css + css024 + css0297)
        doc.append(HTMLText(markup: "<h1>") + HTMLText(lang.t("评委分析", "Panel analysis")) + HTMLText(markup: "</h1>"))
        doc.append(paragraph(title))
        doc.append(section(p, lang: lang, limit: limit))
        doc.append(HTMLText(markup: "<section class=\"page landscape\"><h2>") + HTMLText(lang.t("代表", "Representatives")) + HTMLText(markup: "</h2>"))
        doc.append(table(PanelTables.raters(p, lang: lang)))
        if p.whatIf != nil {
            doc.append(HTMLText(markup: "<h3>") + HTMLText(PanelMessages.whatIfNote.text(lang)) + HTMLText(markup: "</h3>"))
            doc.append(table(PanelTables.whatIf(p, lang: lang, limit: limit)))
        }
        doc.append(HTMLText(markup: "<h3>ICC</h3>"))
        doc.append(table(PanelTables.icc(p, lang: lang)))
        doc.append(HTMLText(markup: "</section>"))
        return doc.rendered()
    }

    /// What the section needs beside the shared style: the report adds it to its own.
    public static let css = """
    .panel svg { max-width: 100%; height: auto; }
    ul.flags { margin: 2mm 0; padding-left: 6mm; }

    """

    /// A header breaks between words only (a papers review found 单/位, 代/表, 评/分 in the
    /// re-check list's narrow columns); the report adds it since 0.24.0.
    public static let css024 = ".panel table.grid th { word-break: keep-all; }\n"

    /// A heading stays with the table or text under it, never alone at the foot of a page (a
    /// papers review of the English report); the report adds it since 0.29.7.
    public static let css0297 = ".panel h3 { break-after: avoid; page-break-after: avoid; }\n"

    static func paragraph(_ s: String) -> HTMLText { HTMLText(markup: "<p>") + HTMLText(s) + HTMLText(markup: "</p>") }

    /// An export table as an HTML table: data text escaped, numbers aligned right.
    static func table(_ t: ExportTable) -> HTMLText {
        var b = HTMLTableBuilder(columns: t.columns.map { .init($0.header, numeric: $0.alignRight) })
        for row in t.rows {
            b.addRow(row.map(\.html))
        }
        return b.rendered()
    }

    /// One row per representative: a zero line, the interval as a line, the mean as a dot.
    static func leniencyChart(_ p: PanelReport, lang: Language) -> HTMLText {
        let rows = p.raters.filter { $0.leniency != nil }
        let rowHeight = 14.0, top = 20.0, left = 110.0, width = 640.0, right = 20.0
        var extent = 0.1
        for r in rows {
            guard let l = r.leniency else { continue }
            extent = max(extent, abs(l.share), abs(l.shareInterval?.low ?? 0), abs(l.shareInterval?.high ?? 0))
        }
        extent = (extent * 20).rounded(.up) / 20
        let height = top + rowHeight * Double(rows.count) + 10
        var svg = SVGCanvas(width: width, height: height, title: lang.t("代表宽严区间", "Representatives' leniency intervals"))
        let x = LinearScale(domain: (-extent, extent), range: (left, width - right))
        for t in x.ticks(5) {
            svg.line(x(t), top - 4, x(t), height - 8, .init(stroke: t == 0 ? "#000" : "#bbb", strokeWidth: t == 0 ? 1 : 0.5, dash: t == 0 ? nil : "2,2"))
            svg.text(x(t), top - 8, PanelMessages.number(t * 100, places: 0) + "%", size: 8, anchor: .middle)
        }
        for (i, r) in rows.enumerated() {
            guard let l = r.leniency else { continue }
            let y = top + rowHeight * (Double(i) + 0.5)
            let rep = p.data.representatives[r.index]
            let colour = r.flags.contains { $0.kind == .lenient || $0.kind == .harsh } ? "#000" : "#888"
            svg.text(left - 6, y + 3, "\(rep.id) \(rep.name)", size: 9, anchor: .end, fill: colour)
            if let ci = l.shareInterval { svg.line(x(ci.low), y, x(ci.high), y, .init(stroke: colour, strokeWidth: 1.5)) }
            svg.circle(x(l.share), y, r: 2.5, .init(stroke: nil, fill: colour))
        }
        return svg.rendered()
    }
}
