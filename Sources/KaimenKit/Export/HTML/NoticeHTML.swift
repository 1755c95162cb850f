/// `公示.html`: the public notice a district union posts: title, period, the ranking with totals
/// and grades, the units by grade, how recusal was applied and how many representatives scored.
/// Representatives stay anonymous — no name, id or individual score — unless the committee opts in
/// (`--publish-representatives` or the rules' `publishRepresentatives`: ``Publication``), as ISU
/// protocols name their judges.
public enum NoticeHTML {
    /// - Parameter namesRepresentatives: `--publish-representatives` was given (``Publication``).
    public static func render(_ session: ScoringSession, lang: Language = .zh, namesRepresentatives: Bool = false) -> String {
        render(session, lang: lang, publication: Publication(session.report, asked: namesRepresentatives))
    }

    static func render(_ session: ScoringSession, lang: Language, publication: Publication) -> String {
        let namesRepresentatives = publication.representatives
        let report = session.report, rules = session.rules, m = rules.metadata
        var doc = HTMLDocument(title: m.title + " · " + PaperTexts.noticeTitle.text(lang), lang: lang, extraCSS: css)
        // Since 0.24.0: a hair narrower than the page, so that Chromium prints its right border
        // (at the full width, collapsed borders put it just past the printable area, and it was
        // lost on paper).
        if report.writes(since: ScoreReport.v0_24) { doc.extraCSS += Self.css024 }
        // Since 0.17.0: words kept whole, the closing lines kept together on one page, and the
        // issuer's line with a place for its seal (盖章), as a posted notice is stamped.
        let now = report.writes(since: ScoreReport.v0_17)
        // Since 0.25.0: each unit named in running text is isolated (`unit(_:_:isolated:)`).
        let isolated = report.writes(since: ScoreReport.v0_25)
        doc.wholeWords = now
        // Since 0.18.0: each printed page numbered (第 1 页，共 2 页).
        doc.pageNumbers = report.writes(since: ScoreReport.v0_18)
        if now { doc.extraCSS += ".notice div.end { break-inside: avoid; page-break-inside: avoid; }\n" }
        // Since 0.29.1 the closing lines stay with what comes before them (a papers review found
        // 公示期, the issuer and the date alone on a last page, apart from the results they seal),
        // and a heading with the text under it (回避 was left alone at the foot of a page).
        if report.writes(since: ScoreReport.v0_29_1) { doc.extraCSS += Self.css0291 }
        var s = "<section class=\"page notice\">"
        s += "<h1>\(HTMLText.escape(m.title))<br>\(HTMLText.escape(PaperTexts.noticeTitle.text(lang)))</h1>"
        if let line = report.sheets?.versionLine(lang) { s += "<p class=\"subtitle\">\(HTMLText.escape(line))</p>" }
        let groups = Set(session.representatives.map(\.group).filter { !$0.isEmpty }).count
        var reps = lang.t("\(session.representatives.count) 人", "\(session.representatives.count)")
        if groups > 1 { reps += lang.t("（分 \(groups) 组）", " in \(groups) groups") }
        s += "<div class=\"meta\">" + [
            PaperTexts.meta(Localized(zh: "发布单位", en: "Issued by"), m.issuer, lang),
            PaperTexts.meta(PaperTexts.periodLabel, PaperTexts.period(report, lang), lang),
            PaperTexts.meta(Localized(zh: "参评单位", en: "Units"), lang.t("\(report.units.ids.count) 个", "\(report.units.ids.count)"), lang),
            PaperTexts.meta(Localized(zh: "评分代表", en: "Representatives"), reps, lang),
        ].map(\.markup).joined() + "</div>"
        s += "<p>" + HTMLText.escape(lang.t("根据《\(m.title)》，经职工代表现场评分（开门打分）并按细则计算，考核结果如下，现予公示。",
                                            "Under \"\(m.title)\", after the worker representatives scored on the spot (open-door scoring), the results are as follows.")) + "</p>"
        s += rankingTable(report, lang: lang, namesRepresentatives: namesRepresentatives).markup
        // Since 0.29.5: where each grade begins and how many units a quota lets hold it, under
        // the table whose grades and quota notes (因名额限制由优秀调为良好) they explain; the
        // closing lines in tighter spacing, and over two pages the second headed with the title.
        let v0295 = report.writes(since: ScoreReport.v0_29_5)
        if v0295 {
            s += "<p class=\"grades\">" + HTMLText.escape(PaperTexts.gradeLines(report, lang)) + "</p>"
        }
        s += "<h2>\(HTMLText.escape(lang.t("按等级", "By grade")))</h2><ul class=\"notes\">"
        for (g, grade) in rules.grades.enumerated() {
            let units = report.ranking.order.filter { Int(report.scores.grade[$0]) == g }
            guard !units.isEmpty else { continue }
            let names = units.map { unit(report.units.ids[$0], report.units.names[$0], isolated: isolated) }.joined(separator: HTMLText.escape(lang.t("、", "; ")))
            s += "<li><b>\(HTMLText.escape(grade.name + lang.t("（\(units.count) 个）", " (\(units.count))")))</b>\(HTMLText.escape(lang.t("：", ": ")) + names)</li>"
        }
        s += "</ul>"
        s += "<h2>\(HTMLText.escape(lang.t("回避", "Recusal")))</h2><p>" + recusalText(session, lang: lang, isolated: isolated) + "</p>"
        if let dropped = droppedText(session, namesRepresentatives: namesRepresentatives, lang: lang, isolated: isolated) {
            s += "<h2>\(HTMLText.escape(lang.t("作废与未计入的评分表", "Sheets void or not counted")))</h2><p>" + dropped + "</p>"
        }
        if namesRepresentatives { s += representativesTable(session, lang: lang).markup }
        if now { s += "<div class=\"end\">" }
        // Since 0.29.6 the English says where objections go in a sentence (a papers review read
        // `objections to the assessment committee.` as a machine's note).
        let objections = report.writes(since: ScoreReport.v0_29_6)
            ? "please raise any objection with the assessment committee within that period." : "objections to the assessment committee."
        s += "<p class=\"closing\">" + HTMLText.escape(lang.t("公示期：______年____月____日至______年____月____日。如有异议，请在公示期内向考评委员会反映。",
                                                             "Open for comment from ________ to ________; " + objections)) + "</p>"
        // Since 0.29.4, a session's notice: where the committee writes the verification code
        // `close` printed (the hash cannot be in a file it seals).
        if report.sheets != nil && report.writes(since: ScoreReport.v0_29_4) {
            doc.extraCSS += Self.css0294
            let code = report.writes(since: ScoreReport.v0_29_6) ? PaperTexts.verificationCode : PaperTexts.verificationCode0294
            s += "<p class=\"code\">" + HTMLText.escape(code.text(lang)) + "</p>"
        }
        let stamp = now ? HTMLText.escape(lang.t("（盖章）", " (seal)")) : ""
        s += "<p class=\"issuer\">\(HTMLText.escape(m.issuer))\(stamp)<br>\(HTMLText.escape(PaperTexts.handwrittenDate.text(lang)))</p>"
        if now { s += "</div>" }
        s += "</section>"
        if v0295 { doc.extraCSS += Self.css0295 + Self.runningTitleCSS(m.title + " · " + PaperTexts.noticeTitle.text(lang)) }
        doc.append(HTMLText(markup: s))
        return doc.rendered()
    }

    static let css = """
    .notice h1 { line-height: 1.5; }
    .notice table.grid { font-size: 9.5pt; }
    .notice p.closing { margin-top: 6mm; }
    .notice p.issuer { text-align: right; margin-top: 8mm; line-height: 2; }
    .notice table.reps { font-size: 7.5pt; }

    """

    static let css024 = ".notice table.grid { width: calc(100% - 1pt); }\n"
    static let css0294 = ".notice p.code { margin-top: 4mm; line-height: 2; }\n"
    /// Since 0.29.5 (a papers review: a short paragraph of sheets not counted took the closing
    /// lines onto a second page, and the seal with them): the grade line small under the table,
    /// the headings and the closing lines closer together, so that such a notice stays on one
    /// page.
    static let css0295 = """
    .notice { font-size: 10pt; line-height: 1.4; }
    .notice h1 { margin-bottom: 3mm; }
    .notice .notes li { margin: 0.3mm 0; }
    .notice p.grades { font-size: 9pt; margin: -1mm 0 2mm 0; }
    .notice h2 { margin: 3.5mm 0 1.5mm 0; }
    .notice p.closing { margin-top: 3mm; }
    .notice p.code { margin-top: 1.5mm; line-height: 1.7; }
    .notice p.issuer { margin-top: 4mm; line-height: 1.8; }

    """

    /// Each printed page after the first headed with the notice's title, in the top margin (as
    /// the page's number is at its foot), so that the sheets of a notice over two pages are
    /// known for one another and can be sealed across (骑缝章). The title is a CSS string:
    /// its `\`, `"` and line breaks escaped, and `<` too, so that no text ends the style.
    static func runningTitleCSS(_ title: String) -> String {
        var quoted = ""
        for ch in title.unicodeScalars {
            switch ch {
            case "\\", "\"", "<", ">", "&": quoted += "\\" + String(ch.value, radix: 16) + " "
            case _ where ch.value < 0x20 || ch.value == 0x7F: quoted += "\\" + String(ch.value, radix: 16) + " "
            default: quoted.unicodeScalars.append(ch)
            }
        }
        let box = HTMLDocument.marginBox("top-center", content: "\"\(quoted)\"")
        return "@page { \(box) }\n@page :first { @top-center { content: none; } }\n"
    }

    static let css0291 = ".notice div.end { break-before: avoid; page-break-before: avoid; }\n.notice h2 { break-after: avoid; page-break-after: avoid; }\n"

    static func rankingTable(_ report: ScoreReport, lang: Language, namesRepresentatives: Bool) -> HTMLText {
        var t = HTMLTableBuilder(columns: [
            .init(lang.t("排名", "Rank"), numeric: true, width: "12mm"), .init(lang.t("单位编号", "Unit id"), width: "18mm"),
            .init(lang.t("单位", "Unit")), .init(lang.t("类别", "Category"), width: "18mm"),
            .init(lang.t("总分", "Total"), numeric: true, width: "16mm"), .init(lang.t("等级", "Grade"), width: "14mm"),
            .init(lang.t("说明", "Notes"), width: "44mm"),
        ])
        let notes = SummaryExport.Notes(report, lang: lang)
        for u in report.ranking.order {
            t.addRow([.number(String(report.scores.rank[u])), .text(report.units.ids[u]), .text(report.units.names[u]), .text(report.units.categories[u]),
                      .number(Rational.formatScaled(report.scores.total[u], places: report.scores.precision)), .text(report.gradeName(u)),
                      // Named, briefly: the ballots set aside are in the representatives' table
                      // below, and each listed here took a 44 mm cell over 14 lines (a tuner's print).
                      notes.text(u, recusals: !namesRepresentatives ? .none : report.writes(since: ScoreReport.v0_22) ? .brief : .named)
                          .map { .text($0) } ?? .empty])
        }
        return t.rendered()
    }

    /// How recusal was applied, by unit, without naming anyone. A session counts the recusals
    /// `session init` counted (`SessionSheets.recusals`: representatives who hear the
    /// unit and must not score it, their own unit or a declared conflict); `score` counts the
    /// representatives of each assessed unit.
    /// As markup: the text escaped, each unit's id and name isolated with `isolated`.
    static func recusalText(_ session: ScoringSession, lang: Language, isolated: Bool) -> String {
        var base = lang.t("本次考评执行回避制度，职工代表不为本人所在单位评分。", "Representatives do not score their own unit. ")
        let sessionRecusals = session.report.sheets?.recusals
        func recused(_ unit: String) -> Int {
            sessionRecusals.map { $0[unit] ?? 0 } ?? session.representatives.filter { $0.units.contains(unit) }.count
        }
        let own = session.table.units.filter { recused($0.id) > 0 }
        if own.isEmpty {
            return HTMLText.escape(base + (sessionRecusals == nil ? lang.t("本次无需回避。", "No representative belongs to an assessed unit.")
                                                                  : lang.t("本次没有需要回避的代表。", "No representative had to recuse.")))
        }
        base += sessionRecusals == nil
            ? lang.t("以下单位有本单位的代表参加评分，其对本单位的评分一律不计入：", "These units have representatives of their own among the scorers; those ballots never count: ")
            : lang.t("以下单位有须回避的代表（本单位的代表，或申报与该单位有利害关系的代表），这些代表不为该单位评分：",
                     "These units had representatives who must not score them (their own unit, or a declared conflict), and did not: ")
        // Under `score` (no schedule) it is not known who heard which unit: a unit's own
        // representatives are counted as such, not said to have recused (since 0.26.0; a papers
        // trial read "2 名代表回避" for representatives who never heard the unit).
        let counted = sessionRecusals == nil && session.report.writes(since: ScoreReport.v0_26)
        let list = own.map { u -> String in
            let n = recused(u.id)
            return unit(u.id, u.name, isolated: isolated)
                + HTMLText.escape(counted ? lang.t("（本单位代表 \(n) 名）", " (\(n) representative\(n == 1 ? "" : "s") of its own)") : lang.t("（\(n) 名代表回避）", " (\(n) recused)"))
        }
        return HTMLText.escape(base) + list.joined(separator: HTMLText.escape(lang.t("；", "; "))) + HTMLText.escape(lang.t("。", "."))
    }

    /// A session's sheets that did not count, by unit, in ranking order: how many were declared
    /// void and how many were closed unconfirmed (`--accept-missing`). Counted only: the
    /// representatives are named when the committee opts in, and the reasons, free text that
    /// may name people, stay on the score sheets. `nil` when every sheet counted.
    /// As markup, as `recusalText`.
    static func droppedText(_ session: ScoringSession, namesRepresentatives: Bool, lang: Language, isolated: Bool) -> String? {
        guard let sheets = session.report.sheets, sheets.dropsAny else { return nil }
        let report = session.report
        let list = report.ranking.order.compactMap { u -> String? in
            let id = report.units.ids[u]
            return sheets.droppedText(id, naming: namesRepresentatives, reasons: false, lang: lang).map {
                unit(id, report.units.names[u], isolated: isolated) + HTMLText.escape(lang.t("：", ": ") + $0)
            }
        }
        return HTMLText.escape(lang.t("以下单位有评分表未计入得分：", "These units have sheets that did not count: "))
            + list.joined(separator: HTMLText.escape(lang.t("；", "; "))) + HTMLText.escape(lang.t("。", "."))
    }

    /// A unit's id and name in running text, as markup. Since 0.25.0 the name in `<bdi>`: a
    /// name in a right-to-left script (Uyghur, in Arabic letters) is laid out on its own, and
    /// does not carry the id, the punctuation and the next unit into its direction (the id
    /// stays outside, where an id of digits would otherwise take the name's direction).
    static func unit(_ id: String, _ name: String, isolated: Bool) -> String {
        isolated ? HTMLText.escape(id) + " <bdi>" + HTMLText.escape(name) + "</bdi>" : HTMLText.escape("\(id) \(name)")
    }

    /// Only when the committee opts in: each representative's sum of ballot points per unit.
    static func representativesTable(_ session: ScoringSession, lang: Language) -> HTMLText {
        let fmt = ValueFormatter(rules: session.rules, lang: lang)
        var columns: [HTMLTableBuilder.Column] = [.init(lang.t("代表", "Representative")), .init(lang.t("组别", "Group"))]
        let order = session.report.ranking.order
        columns += order.map { .init(session.table.units[$0].id, numeric: true) }
        var t = HTMLTableBuilder(columns: columns, tableClass: "reps")
        var sums: [Int: [Int: Rational]] = [:]
        for b in session.ballots.ballots { sums[b.representative, default: [:]][b.unit, default: .zero] += b.score }
        // A representative's own unit: 本单位 since 0.29.1. It read 回避 (recused), also where
        // their group never heard the unit (a papers review: 周海燕 of 第二组 "recused" from X03,
        // which only 第一组 heard); their ballots for it never count either way.
        let own = session.report.writes(since: ScoreReport.v0_29_1) ? lang.t("本单位", "own unit") : lang.t("回避", "recused")
        for (i, rep) in session.representatives.enumerated() {
            var row: [HTMLTableBuilder.Cell] = [.text(rep.name.isEmpty ? rep.id : rep.name), .text(rep.group)]
            row += order.map { u in
                if rep.units.contains(session.table.units[u].id) { return .text(own) }
                return sums[i]?[u].map { .number(fmt.points($0)) } ?? .empty
            }
            t.addRow(row)
        }
        return HTMLText(markup: "<h2>\(HTMLText.escape(lang.t("代表评分（经考评委员会同意公开）", "Representatives' ballots (published by the committee's decision)")))</h2>")
            + t.rendered()
    }
}
