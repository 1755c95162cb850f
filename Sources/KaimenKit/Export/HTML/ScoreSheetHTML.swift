/// One unit's score sheet (评分表) in `report.html`: a landscape A4 page (more when the
/// standards need it; the header, naming the unit, repeats on each) with every standard's
/// criteria, method, inputs, points and maximum; "不考核" where a standard was left out; area
/// subtotals, bonus, deductions, vetoes; the ballots; the total, grade and rank; two charts; and
/// the committee's signature block.
enum ScoreSheetHTML {
    /// - Parameter narration: the unit's texts when the caller already made them (``SheetNarration``).
    static func page(_ session: ScoringSession, unit u: Int, medians: [Double], lang: Language, narration: SheetNarration? = nil) -> HTMLText {
        let rules = session.rules, unit = session.table.units[u], r = session.results[u]
        let fmt = ValueFormatter(rules: rules, lang: lang)
        var s = "<section class=\"page landscape sheet\" id=\"unit-\(HTMLText.escape(SafePath.uniqueFileNames(for: [unit.id])[0]))\">"
        s += "<h1>\(HTMLText.escape(PaperTexts.sheetHeading.text(lang)))</h1>"
        s += "<p class=\"subtitle\">\(HTMLText.escape(rules.metadata.title))（\(HTMLText.escape(rules.metadata.id + " " + rules.metadata.version))）</p>"
        // Since 0.29.3 a later version's sheet says so, as its notice and summary do (a tester
        // found an appeal's second score sheets unmarked, beside the first ones' copies), and the
        // signatures follow the table, kept with its total, before the charts (they fell on a
        // page of charts alone, apart from the figures they sign).
        let v0293 = session.report.writes(since: ScoreReport.v0_29_3)
        if v0293, let line = session.report.sheets?.versionLine(lang) { s += "<p class=\"subtitle\">\(HTMLText.escape(line))</p>" }
        var rank = lang.t("第 \(r.rank) 名", "\(r.rank)")
        rank += lang.t("（\(unit.category)第 \(r.categoryRank) 名）", " (\(r.categoryRank) in \(unit.category))")
        s += "<div class=\"meta\">" + [
            PaperTexts.meta(Localized(zh: "单位编号", en: "Unit id"), unit.id, lang),
            PaperTexts.meta(Localized(zh: "单位名称", en: "Unit"), unit.name, lang),
            PaperTexts.meta(Localized(zh: "类别", en: "Category"), unit.category, lang),
            PaperTexts.meta(PaperTexts.total, fmt.fixed(r.total), lang),
            PaperTexts.meta(Localized(zh: "等级", en: "Grade"), r.grade + (r.movedFrom.map { lang.t("（因名额限制由\($0)调整）", " (moved from \($0) by the quota)") } ?? ""), lang),
            PaperTexts.meta(Localized(zh: "排名", en: "Rank"), rank, lang),
        ].map(\.markup).joined() + "</div>"
        // Since 0.22.0 the ballots' note is the table's last row, kept with the total above it: as
        // a paragraph after the table it could open the next page alone (a tuner's print of X01).
        let ballots = ballotsText(session, unit: u, lang: lang)
        let inTable = session.report.writes(since: ScoreReport.v0_22)
        s += table(session, unit: u, lang: lang, narration: narration, ballotsRow: inTable ? ballots : nil, signRow: v0293).markup
        if !inTable, let ballots { s += "<p class=\"small\">\(HTMLText.escape(ballots))</p>" }
        // The charts (before 0.29.3, and the signatures) may fall on a page of their own: name the unit there too.
        s += "<p class=\"running\">\(HTMLText.escape("\(PaperTexts.sheetHeading.text(lang)) · \(unit.id) \(unit.name)"))</p>"
        s += "<div class=\"charts\"><figure>" + profile(session, unit: u, medians: medians, lang: lang).markup
        s += "<figcaption>\(HTMLText.escape(PaperTexts.profileHeading.text(lang)))</figcaption></figure>"
        let dots = ballotDots(session, unit: u, lang: lang)
        if !dots.rows.isEmpty {
            s += "<figure>" + dots.rendered().markup + "<figcaption>\(HTMLText.escape(PaperTexts.ballotsHeading.text(lang)))</figcaption></figure>"
        }
        s += "</div>"
        if !v0293 { s += signature(lang).markup }
        s += "</section>"
        return HTMLText(markup: s)
    }

    /// - Parameter datesByHand: the date as the notice's is written in, `______年____月____日` on
    ///   the line (since 0.29.5; before, a line headed 日期, which a papers review found bare).
    static func signature(_ lang: Language, datesByHand: Bool = false) -> HTMLText {
        let sign = HTMLText.escape(PaperTexts.signature.text(lang))
        let date = datesByHand ? "<div class=\"date\"><span>\(HTMLText.escape(PaperTexts.handwrittenDate.text(lang)))</span></div>"
            : "<div style=\"flex:0.6\"><span>\(HTMLText.escape(PaperTexts.date.text(lang)))</span></div>"
        return HTMLText(markup: "<div class=\"sign\"><div><span>\(sign)</span></div><div></div><div></div>\(date)</div>")
    }

    /// - Parameters:
    ///   - ballotsRow: the ballots' note, as the table's last row (`tr.ballots`).
    ///   - signRow: the signatures as the table's last row (`tr.signatures`, since 0.29.3), which the
    ///     report keeps with the rows above it: a paragraph after the table, or after the charts
    ///     as before, could fall on a page of its own.
    static func table(_ session: ScoringSession, unit u: Int, lang: Language, narration: SheetNarration? = nil, ballotsRow: String? = nil,
                      signRow: Bool = false) -> HTMLText {
        let rules = session.rules, unit = session.table.units[u], r = session.results[u]
        let fmt = ValueFormatter(rules: rules, lang: lang)
        let narrator = Narrator(session: session, lang: lang).forUnit(u)
        var t = HTMLTableBuilder(columns: [
            .init(lang.t("标准 / 评分标准", "Standard / criteria"), width: "104mm"), .init(lang.t("方法", "Method"), width: "17mm", nowrap: true),
            .init(lang.t("使用数据与计算", "Inputs and working")), .init(lang.t("满分", "Max"), numeric: true, width: "13mm"),
            .init(lang.t("得分", "Points"), numeric: true, width: "15mm"),
        ])
        t.runningHeader = HTMLText("\(PaperTexts.sheetHeading.text(lang)) · \(unit.id) \(unit.name)")
        func named(_ name: String, _ criteria: String?, id: String? = nil) -> HTMLTableBuilder.Cell {
            var m = "<b>\(HTMLText.escape(name))</b>"
            if let id { m += " <span class=\"id\">\(HTMLText.escape(id))</span>" }
            if let criteria, !criteria.isEmpty { m += "<div class=\"c\">\(HTMLText.escape(criteria))</div>" }
            return .markup(HTMLText(markup: m))
        }
        for (n, area) in rules.orderedAreas.enumerated() {
            let a = rules.areas.firstIndex { $0.id == area.id }!
            let ar = r.areas[a]
            t.addRow([.text(PaperTexts.areaHeading(n + 1, area.name, max: fmt.points(ar.maxPoints), lang))], rowClass: "area", span: [0: 5])
            for i in session.plan.areaStandards[a] {
                let st = rules.standards[i], sr = r.standards[i]
                let left = !sr.isAssessed && sr.prorated
                let points: HTMLTableBuilder.Cell = left ? .markup(HTMLText(markup: "<span class=\"na\">\(HTMLText.escape(PaperTexts.notAssessed.text(lang)))</span>"))
                                                         : .number(fmt.rowPoints(sr.points))
                t.addRow([named(st.name, st.criteria, id: st.id), .text(PaperTexts.method(st.method, lang, as: session.report)),
                          .text(working(SheetNarration.texts(narration?.standards, i, narrator, sr, st), st, lang)),
                          .number(fmt.rowPoints(sr.maxPoints)), points])
            }
            for i in session.plan.areaDeductions[a] where !r.deductions[i].raw.isZero {
                let d = rules.deductions[i], dr = r.deductions[i]
                t.addRow([named(PaperTexts.deduction.text(lang) + lang.t("：", ": ") + d.name, d.criteria, id: d.id), .text(PaperTexts.method(d.method, lang, as: session.report)),
                          .text(working(SheetNarration.texts(narration?.deductions, i, narrator, dr, d), d, lang)), .number(fmt.fixed(d.points)), .number("-" + fmt.rowPoints(dr.points))])
            }
            t.addRow([.text(PaperTexts.subtotal.text(lang) + lang.t("：", ": ") + area.name), .empty, .text(SheetNarration.subtotalNote(session, r, area: a, fmt: fmt, lang: lang)),
                      .number(fmt.fixed(ar.maxPoints)), .number(fmt.fixed(ar.subtotal))], rowClass: "subtotal")
        }
        for (i, b) in rules.bonuses.enumerated() where !r.bonuses[i].raw.isZero {
            t.addRow([named(PaperTexts.bonus.text(lang) + lang.t("：", ": ") + b.name, b.criteria, id: b.id), .text(PaperTexts.method(b.method, lang, as: session.report)),
                      .text(working(SheetNarration.texts(narration?.bonuses, i, narrator, r.bonuses[i], b), b, lang)), .number(fmt.fixed(b.points)), .number(fmt.fixed(r.bonuses[i].points))])
        }
        if r.bonusEarned != r.bonus {
            t.addRow([.text(lang.t("加分封顶", "Bonus cap")), .empty, .text(lang.t("加分合计 \(fmt.points(r.bonusEarned)) 分，按上限计", "bonuses add up to \(fmt.points(r.bonusEarned)); capped")),
                      .number(fmt.fixed(rules.bonusCap ?? .zero)), .number(fmt.fixed(r.bonus))])
        }
        for (v, why) in zip(r.vetoesUnchecked, r.vetoesNotCheckedWhy.map(session.report.vetoNotChecked)) {
            let veto = rules.vetoes[v]
            // Since 0.21.0 the row has a class, so that it stays with the row above it as a
            // held veto's does (`ReportHTML.css021`). Unstyled: a veto that held is a subtotal
            // row (grey, bold), since it changed the result; one not checked changed nothing.
            t.addRow([named(PaperTexts.veto.text(lang) + lang.t("：", ": ") + veto.name, veto.criteria, id: veto.id), .empty,
                      .text(narrator.condition(veto.when) + lang.t("：\(why.text(lang))，未能检查", ": not checked, \(why.text(lang))")), .empty, .empty],
                     rowClass: session.report.writes(since: ScoreReport.v0_21) ? "veto" : nil)
        }
        for v in r.vetoes {
            let veto = rules.vetoes[v]
            let effect = SheetNarration.vetoEffect(veto, fmt: fmt, lang: lang, as: session.report)
            t.addRow([named(PaperTexts.veto.text(lang) + lang.t("：", ": ") + veto.name, veto.criteria, id: veto.id), .empty,
                      .text(narrator.condition(veto.when) + lang.t("：", ": ") + effect), .empty, .empty], rowClass: "subtotal")
        }
        var note = TotalWords.sum(r, rules: rules, fmt: fmt, lang: lang, as: session.report)
        note += lang.t("；等级 \(r.grade)；排名第 \(r.rank) 名", "; grade \(r.grade); rank \(r.rank)")
        t.addRow([.text(PaperTexts.total.text(lang)), .empty, .text(note), .number(fmt.fixed(rules.totalPoints)), .number(fmt.fixed(r.total))],
                 rowClass: "total")
        if let ballotsRow { t.addRow([.text(ballotsRow)], rowClass: "ballots", span: [0: 5]) }
        if signRow { t.addRow([.markup(signature(lang, datesByHand: session.report.writes(since: ScoreReport.v0_29_5)))], rowClass: "signatures", span: [0: 5]) }
        return t.rendered()
    }

    /// The inputs and how they became points, in one cell: the narrator's note already names the
    /// inputs, except for a formula, whose metric values come first.
    static func working(_ texts: SheetNarration.Texts, _ s: Standard, _ lang: Language) -> String {
        if case .expression = s.method { return texts.inputs + lang.t("；", "; ") + texts.note }
        return texts.note
    }

    /// Who scored the unit, how trimming works, the recused ballots (counted, not named), and
    /// in a session the sheets declared void or left uncounted (who, and why).
    static func ballotsText(_ session: ScoringSession, unit u: Int, lang: Language) -> String? {
        guard !session.ballots.items.isEmpty else { return nil }
        let mine = session.ballots.ballots.filter { $0.unit == u }
        let voters = Set(mine.map(\.representative)).count
        var parts = [PaperTexts.ballotsLine(representatives: session.representatives.count, ballots: mine.count, voters: voters, lang: lang)]
        let policy = session.rules.ballots
        if let words = policy.aggregate.sheetWords(policy.trim, lang: lang) { parts.append(words) }
        let unitID = session.table.units[u].id
        let recused = session.report.recusals.filter { $0.unit == unitID }
        if !recused.isEmpty { parts.append(PaperTexts.recusalLine(count: Set(recused.map(\.representative)).count, items: recused.count, lang: lang)) }
        // A session's recusals (who hear the unit but must not score it: no sheet was expected of
        // them, so no ballot of theirs was set aside), counted, since 0.17.0.
        if session.report.writes(since: ScoreReport.v0_17), let n = session.report.sheets?.recusals[unitID], n > 0 {
            parts.append(lang.t("回避：\(n) 名听取汇报的代表按规定回避（本单位或申报回避），不为该单位评分",
                                "recusal: \(n) representative(s) who heard the unit did not score it (their own unit or a declared conflict)"))
        }
        // A session's voided and uncounted sheets, by whom and why (the page's chart names the
        // representatives who scored, so the ones whose sheet did not count are named too).
        if let dropped = session.report.sheets?.droppedText(unitID, naming: true, lang: lang) { parts.append(dropped) }
        return parts.joined(separator: lang.t("；", "; "))
    }

    static func profile(_ session: ScoringSession, unit u: Int, medians: [Double], lang: Language) -> HTMLText {
        let rules = session.rules, r = session.results[u]
        let fmt = ValueFormatter(rules: rules, lang: lang)
        let rows = rules.orderedAreas.map { area -> AreaProfileChart.Row in
            let a = rules.areas.firstIndex { $0.id == area.id }!
            let ar = r.areas[a]
            let share = ar.maxPoints.isZero ? 0 : ar.subtotal.doubleValue / ar.maxPoints.doubleValue
            return .init(name: area.name, share: share, median: medians[a], label: "\(fmt.fixed(ar.subtotal)) / \(fmt.points(ar.maxPoints))")
        }
        return AreaProfileChart(rows: rows, title: PaperTexts.profileHeading.text(lang), medianLabel: PaperTexts.median.text(lang)).rendered()
    }

    static func ballotDots(_ session: ScoringSession, unit u: Int, lang: Language) -> BallotDotsChart {
        let rules = session.rules, r = session.results[u]
        // Since 0.18.0 the result beside its tick reads as the table writes it (`1.50`, not `1.5`).
        let fmt = session.report.writes(since: ScoreReport.v0_18) ? ValueFormatter(rules: rules, lang: lang) : nil
        var rows: [BallotDotsChart.Row] = []
        for (i, st) in rules.standards.enumerated() {
            guard case .ballot = st.method, case .ballot(let d) = r.standards[i].detail else { continue }
            let label = st.area.flatMap { rules.area($0)?.name } ?? st.name
            // A standard not assessed (too few ballots) has no resulting points to mark, since 0.17.0:
            // the table says 不考核, and a tick would read as points.
            let assessed = r.standards[i].isAssessed || !session.report.writes(since: ScoreReport.v0_17)
            // Since 0.26.0 a standard left out (its points prorated away: the table's 不考核) says
            // so where the result would stand: its ballots, drawn black, read as counted (a
            // secretary's trial). One its rule gives points to (0, full) is as before.
            let leftOut = !r.standards[i].isAssessed && r.standards[i].prorated
            let saysNotAssessed = leftOut && session.report.writes(since: ScoreReport.v0_26)
            var label0292: String? = nil
            // Since 0.29.2 the ballots of a standard not assessed are drawn grey and said not
            // counted: drawn black beside 不考核 they still read as counted (a papers review).
            let uncounted = !r.standards[i].isAssessed && session.report.writes(since: ScoreReport.v0_29_2)
            if uncounted {
                label0292 = (leftOut ? PaperTexts.notAssessedUncounted : PaperTexts.ballotsUncounted).text(lang)
            }
            rows.append(.init(name: label, maximum: st.points.doubleValue, kept: d.kept.map { $0.score.doubleValue },
                              trimmed: (d.droppedLow + d.droppedHigh).map { $0.score.doubleValue }, result: assessed ? d.result?.doubleValue : nil,
                              resultLabel: label0292 ?? (saysNotAssessed ? PaperTexts.notAssessed.text(lang) : assessed ? fmt.flatMap { f in d.result.map(f.fixed) } : nil),
                              uncounted: uncounted))
        }
        var chart = BallotDotsChart(rows: rows, title: PaperTexts.ballotsHeading.text(lang))
        chart.stacksApart = session.report.writes(since: ScoreReport.v0_19)
        chart.tickClear = session.report.writes(since: ScoreReport.v0_25)
        chart.fansWithin = session.report.writes(since: ScoreReport.v0_26)
        return chart
    }
}
