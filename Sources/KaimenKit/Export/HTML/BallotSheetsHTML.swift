/// `ballot-sheets.html`: the blank sheets representatives fill in during the session. By unit
/// (default): one portrait A4 page per representative and unit, with each ballot standard's
/// criteria, maximum and allowed steps, a box per score, a box for the representative's own
/// total, the sheet id and a signature line. By representative: one landscape page per
/// representative, a row per unit they hear (as many as `rowsHeight` holds: a representative who hears
/// more gets more pages, each a whole sheet with its header, criteria and signature) and a
/// column per ballot standard. A sheet the
/// representative must not fill is printed struck through with 回避.
public enum BallotSheetsHTML {
    public enum Layout: String, Sendable, CaseIterable { case unit, representative }

    public static func render(_ set: BallotSheetSet, layout: Layout = .unit, lang: Language = .zh) -> String {
        var doc = HTMLDocument(title: set.rules.metadata.title + " · " + PaperTexts.ballotSheetTitle.text(lang), lang: lang, extraCSS: css)
        // Each sheet says its own page (第 1 / 2 页, per representative); a count over the whole
        // file would read as another.
        doc.pageNumbers = false
        switch layout {
        case .unit:
            for sheet in set.sheets { doc.append(unitPage(set, sheet, lang: lang)) }
        case .representative:
            for (r, pages) in representativePages(set) {
                for (k, sheets) in pages.enumerated() {
                    doc.append(representativePage(set, r, sheets: sheets, page: pages.count > 1 ? (k + 1, pages.count) : nil, lang: lang))
                }
            }
        }
        return doc.rendered()
    }

    /// Millimetres of unit rows a landscape page holds with the header, the criteria and the
    /// signature: the sample's nine units, four of them on two lines, take 80.
    public static let rowsHeight = 80.0
    /// The unit column's width, in display columns (a CJK character is 2) at 9.5 pt.
    static let unitColumnWidth = 32

    /// The lines a unit's row takes: its id and name, wrapped in the unit column, and a line for
    /// the time and place when the schedule gives them.
    static func lines(_ set: BallotSheetSet, _ sheet: BallotSheetSet.Sheet) -> Int {
        let unit = set.units[sheet.unit]
        let name = (DisplayWidth.of("\(unit.id) \(unit.name)") + unitColumnWidth - 1) / unitColumnWidth
        return max(1, name) + (sheet.time.isEmpty && sheet.place.isEmpty ? 0 : 1)
    }

    /// A row's height in millimetres: its box for writing (8 mm) or its lines of 9.5 pt text.
    static func height(lines: Int) -> Double { max(8, 1.2 + 4.4 * Double(lines)) }

    /// A representative's sheets in pages of at most `rowsHeight` of rows (at least one row each).
    static func chunks(_ set: BallotSheetSet, _ sheets: [BallotSheetSet.Sheet]) -> [[BallotSheetSet.Sheet]] {
        var pages: [[BallotSheetSet.Sheet]] = [], page: [BallotSheetSet.Sheet] = [], used = 0.0
        for sheet in sheets {
            let n = height(lines: lines(set, sheet))
            if !page.isEmpty && used + n > rowsHeight + 0.01 { pages.append(page); page = []; used = 0 }
            page.append(sheet)
            used += n
        }
        if !page.isEmpty { pages.append(page) }
        return pages
    }

    /// Each representative, in the order their sheets are handed out, with their sheets in pages
    /// (`chunks`): what `render` prints by representative, and what `pageCount` counts.
    static func representativePages(_ set: BallotSheetSet) -> [(representative: Int, pages: [[BallotSheetSet.Sheet]])] {
        var order: [Int] = [], byRepresentative: [Int: [BallotSheetSet.Sheet]] = [:]
        for s in set.sheets {
            if byRepresentative[s.representative] == nil { order.append(s.representative) }
            byRepresentative[s.representative, default: []].append(s)
        }
        return order.map { ($0, chunks(set, byRepresentative[$0]!)) }
    }

    /// The pages `render` writes: one per sheet by unit; by representative, as `chunks` cuts them.
    public static func pageCount(_ set: BallotSheetSet, layout: Layout) -> Int {
        switch layout {
        case .unit: set.sheets.count
        case .representative: representativePages(set).reduce(0) { $0 + $1.pages.count }
        }
    }

    static let css = """
    .ballot h1 { font-size: 16pt; margin-bottom: 2mm; }
    .ballot .sheetid { position: absolute; right: 0; top: 0; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 10pt; border: 0.8pt solid #000; padding: 0.5mm 2mm; }
    .ballot { position: relative; }
    .ballot table.grid { font-size: 9.5pt; }
    .ballot td.box { height: 11mm; min-width: 22mm; }
    .ballot td.crit { font-size: 8.5pt; }
    .ballot tr.total td { height: 12mm; }
    .ballot .recused-stamp { display: inline-block; border: 2pt solid #000; padding: 1mm 5mm; font-size: 20pt; font-weight: 700; letter-spacing: 0.3em; transform: rotate(-8deg); margin: 4mm 0; }
    .ballot.recused table.grid, .ballot.recused .unitline { text-decoration: line-through; color: #555; }
    .ballot tr.recused td { text-decoration: line-through; color: #555; }
    .ballot td.box.void { background: repeating-linear-gradient(135deg, #999 0 0.6pt, #e4e4e4 0.6pt 3pt); }
    .ballot p.nosign { margin-top: 8mm; font-size: 12pt; font-weight: 700; }
    .ballot p.instr { font-size: 9pt; margin: 2mm 0 3mm 0; }
    .ballot.per-rep td.box { height: 8mm; }
    .ballot.per-rep table.grid td { padding-top: 0.5mm; padding-bottom: 0.5mm; }
    .ballot.per-rep table.grid th { font-size: 8.5pt; line-height: 1.25; }
    .ballot.per-rep p.instr { margin: 1mm 0 2mm 0; }
    .ballot.per-rep h3 { margin: 2mm 0 1mm 0; }
    .ballot.per-rep ol.notes { columns: 2; column-gap: 8mm; margin: 1mm 0; font-size: 7.5pt; line-height: 1.3; }
    .ballot.per-rep ol.notes li { break-inside: avoid; }
    .ballot.per-rep ol.notes li::marker { font-weight: 700; }
    .ballot.per-rep ol.notes span.id { font-family: "DejaVu Sans Mono", Consolas, monospace; }
    .ballot.per-rep .sign { margin-top: 7mm; }
    .ballot.per-rep .sign div { height: 7mm; }
    .ballot.per-rep .sign div span { bottom: 8mm; }
    .ballot.per-rep table.grid { width: calc(100% - 1pt); }

    """

    static func header(_ set: BallotSheetSet, id: String?, title: String, lang: Language) -> String {
        var s = id.map { "<div class=\"sheetid\">\(HTMLText.escape(lang.t("表号 ", "Sheet ") + $0))</div>" } ?? ""
        s += "<h1>\(HTMLText.escape(title))</h1>"
        s += "<p class=\"subtitle\">\(HTMLText.escape(set.rules.metadata.title))</p>"
        return s
    }

    static func unitPage(_ set: BallotSheetSet, _ sheet: BallotSheetSet.Sheet, lang: Language) -> HTMLText {
        let rep = set.representatives[sheet.representative], unit = set.units[sheet.unit]
        var s = "<section class=\"page ballot\(sheet.recused ? " recused" : "")\">"
        s += header(set, id: sheet.id, title: PaperTexts.ballotSheetTitle.text(lang), lang: lang)
        var meta = [
            PaperTexts.meta(Localized(zh: "评分代表", en: "Representative"), rep.name.isEmpty ? rep.id : lang.t("\(rep.name)（\(rep.id)）", "\(rep.name) (\(rep.id))"), lang),
            PaperTexts.meta(Localized(zh: "组别", en: "Group"), sheet.group, lang),
        ]
        if !sheet.time.isEmpty { meta.append(PaperTexts.meta(Localized(zh: "时间", en: "Time"), sheet.time, lang)) }
        if !sheet.place.isEmpty { meta.append(PaperTexts.meta(Localized(zh: "地点", en: "Place"), sheet.place, lang)) }
        s += "<div class=\"meta\">" + meta.map(\.markup).joined() + "</div>"
        s += "<div class=\"meta unitline\">" + [
            PaperTexts.meta(Localized(zh: "被评单位", en: "Unit"), "\(unit.id) \(unit.name)", lang),
            PaperTexts.meta(Localized(zh: "类别", en: "Category"), unit.category, lang),
        ].map(\.markup).joined() + "</div>"
        if sheet.recused {
            s += "<div class=\"recused-stamp\">\(HTMLText.escape(PaperTexts.recused.text(lang)))</div>"
            s += "<p>\(HTMLText.escape(PaperTexts.recusedNote.text(lang)))</p>"
        } else {
            s += "<p class=\"instr\">\(HTMLText.escape(PaperTexts.instructions.text(lang)))</p>"
        }
        var t = HTMLTableBuilder(columns: [
            .init(lang.t("序号", "No."), width: "10mm"), .init(lang.t("评分项目及评分标准", "Item and criteria")),
            .init(lang.t("满分", "Max"), numeric: true, width: "13mm"), .init(lang.t("可填分值", "Allowed"), width: "26mm"),
            .init(lang.t("评分", "Score"), width: "26mm"),
        ])
        let step = set.rules.ballots.scoreStep
        for (i, item) in set.items.enumerated() {
            let st = set.rules.standards[item.standard]
            // Titled by the standard's name, also for an item that scores a whole area
            // (`target: area`): the area's name alone did not say what is being scored. Beside
            // it the standard's id, the name's own (`publicity.ballot`), on every row: an area's
            // item printed its key, the area's id (`publicity`), among standard ids (a papers
            // review). The ballots files take either.
            let cell = HTMLText(markup: "<b>\(HTMLText.escape(st.name))</b> <span class=\"small\">\(HTMLText.escape(st.id))</span><div class=\"crit\">\(HTMLText.escape(st.criteria))</div>")
            t.addRow([.number(String(i + 1)), .markup(cell), .number(item.max.plainText()), .text(PaperTexts.allowed(max: item.max, step: step, lang)),
                      .markup(HTMLText(markup: ""))])
        }
        let total = set.items.reduce(Rational.zero) { $0 + $1.max }
        t.addRow([.empty, .text(PaperTexts.ownTotal.text(lang)), .number(total.plainText()), .empty, .empty], rowClass: "total")
        // A recused sheet's boxes shaded and no place to sign: nothing on it is to be written
        // (a papers review found white boxes and a signature line under the 回避 stamp).
        s += t.rendered().markup.replacingOccurrences(of: "<td></td></tr>", with: sheet.recused ? "<td class=\"box void\"></td></tr>" : "<td class=\"box\"></td></tr>")
        s += sheet.recused ? "<p class=\"nosign\">\(HTMLText.escape(PaperTexts.recusedNoSignature.text(lang)))</p>" : signature(lang)
        s += "</section>"
        return HTMLText(markup: s)
    }

    /// The representative's signature and date lines, as markup.
    static func signature(_ lang: Language) -> String {
        let sign = HTMLText.escape(PaperTexts.repSignature.text(lang)), date = HTMLText.escape(PaperTexts.date.text(lang))
        return "<div class=\"sign\"><div><span>\(sign)</span></div><div style=\"flex:0.6\"><span>\(date)</span></div></div>"
    }

    /// - Parameter page: this page's number and the representative's page count, when more than one.
    static func representativePage(_ set: BallotSheetSet, _ r: Int, sheets: [BallotSheetSet.Sheet], page: (Int, Int)? = nil,
                                   lang: Language) -> HTMLText {
        let rep = set.representatives[r]
        var s = "<section class=\"page landscape ballot per-rep\">"
        s += header(set, id: sheets.first.map { "\($0.id) – \(sheets.last!.id)" }, title: PaperTexts.ballotSheetTitle.text(lang), lang: lang)
        s += "<div class=\"meta\">" + [
            PaperTexts.meta(Localized(zh: "评分代表", en: "Representative"), rep.name.isEmpty ? rep.id : lang.t("\(rep.name)（\(rep.id)）", "\(rep.name) (\(rep.id))"), lang),
            PaperTexts.meta(Localized(zh: "组别", en: "Group"), rep.group, lang),
        ].map(\.markup).joined() + (page.map { PaperTexts.meta(Localized(zh: "页", en: "Page"), lang.t("第 \($0.0) / \($0.1) 页", "\($0.0) of \($0.1)"), lang).markup } ?? "")
            + "</div>"
        s += "<p class=\"instr\">\(HTMLText.escape(PaperTexts.instructions.text(lang)))</p>"
        var columns: [HTMLTableBuilder.Column] = [.init(lang.t("表号", "Sheet"), width: "17mm", nowrap: true), .init(lang.t("被评单位", "Unit"))]
        // Each column headed by its standard's number in the criteria list under the table, which
        // names the standard and gives its id (`1`: 1. 依法维权工作评价（职工代表评分） rights.ballot),
        // its area's name for a reader's eye and its maximum: `1 依法维权（4）`. The number says
        // which standard it is, also where an area has two (an area's name alone did not); the
        // standard's name and id in the head took five lines in a column of 18 mm and pushed the
        // page's criteria and signature onto a second page.
        columns += set.items.enumerated().map { n, item in
            let st = set.rules.standards[item.standard]
            let area = st.area.flatMap { set.rules.area($0)?.name }.map { " " + $0 } ?? ""
            let max = item.max.plainText()
            return .init("\(n + 1)" + area + lang.t("（\(max)）", " (\(max))"), width: "18mm")
        }
        columns.append(.init(lang.t("合计", "Total"), width: "16mm"))
        var t = HTMLTableBuilder(columns: columns)
        for sheet in sheets {
            let unit = set.units[sheet.unit]
            // The schedule's time and place under the unit, as each sheet by unit carries them.
            let when = [sheet.time, sheet.place].filter { !$0.isEmpty }.joined(separator: " ")
            var unitCell = HTMLText.escape("\(unit.id) \(unit.name)")
            if sheet.recused { unitCell += " <b>" + HTMLText.escape(PaperTexts.recused.text(lang)) + "</b>" }
            if !when.isEmpty { unitCell += "<br><span class=\"small\">" + HTMLText.escape(when) + "</span>" }
            var row: [HTMLTableBuilder.Cell] = [.text(sheet.id), .markup(HTMLText(markup: unitCell))]
            row += Array(repeating: sheet.recused ? .text("—") : .markup(HTMLText(markup: "")), count: set.items.count + 1)
            t.addRow(row, rowClass: sheet.recused ? "recused" : nil)
        }
        s += t.rendered().markup.replacingOccurrences(of: "<td></td>", with: "<td class=\"box\"></td>")
        s += "<h3>\(HTMLText.escape(PaperTexts.criteriaByColumn.text(lang)))</h3><ol class=\"notes small\">"
        for item in set.items {
            let st = set.rules.standards[item.standard]
            // In English with English brackets and colon (`（0–4 in steps of 0.5）：` read as left in Chinese).
            let allowed = PaperTexts.allowed(max: item.max, step: set.rules.ballots.scoreStep, lang)
            s += "<li><b>\(HTMLText.escape(st.name))</b> <span class=\"id\">\(HTMLText.escape(st.id))</span>"
            s += "\(HTMLText.escape(lang.t("（\(allowed)）：", " (\(allowed)): ")))\(HTMLText.escape(st.criteria))</li>"
        }
        s += "</ol>"
        s += signature(lang)
        s += "</section>"
        return HTMLText(markup: s)
    }
}
