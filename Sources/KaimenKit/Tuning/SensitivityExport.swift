/// A sensitivity analysis as a table (terminal, CSV, Markdown), JSON, and an HTML page with
/// the rank ranges drawn as an inline SVG chart (as in the JRC handbook's figures).
public enum SensitivityExport {
    static func percent(_ count: Int, of n: Int) -> String {
        n == 0 ? "0%" : count > 0 && (count * 100 + n / 2) / n == 0 ? "<1%" : "\((count * 100 + n / 2) / n)%"
    }

    static func shares(_ s: Sensitivity, _ u: Sensitivity.UnitRange, _ lang: Language) -> String {
        shareItems(s.grades, u.gradeCounts, of: s.scenarioCount, places: gradeFlag(s, u)?.places ?? 0).joined(separator: lang.t("、", ", "))
    }

    /// Each grade held (`counts`, by grade, of `n` scenarios) as `优秀 62%`, in grade order, the
    /// shares at `places` decimals adding up to 100 (`percents`).
    static func shareItems(_ grades: [String], _ counts: [Int], of n: Int, places: Int = 0) -> [String] {
        let shares = percents(counts, of: n, places: places)
        return grades.indices.filter { $0 < counts.count && counts[$0] > 0 }.map { g in
            "\(grades[g]) \(shares[g] == 0 ? "<1" : decimal(shares[g], places: places))%"
        }
    }

    /// `v` hundredths-of-… (`places` decimals) as text: 1034 at 1 place is `103.4`.
    static func decimal(_ v: Int, places: Int) -> String {
        guard places > 0 else { return String(v) }
        let unit = Int(pow10(places)), frac = String(v % unit)
        return "\(v / unit)." + String(repeating: "0", count: places - frac.count) + frac
    }

    static func pow10(_ p: Int) -> Int { (0..<p).reduce(1) { r, _ in r * 10 } }

    /// How often the unit's grade differs from its actual one, when it is flagged: 100 less the
    /// actual grade's share in the grade shares (`percents`), so that the two add up (`优秀 13%`
    /// beside `是（87%）`, not 88%), in whole percents unless that would read as at or below the
    /// `--fragile` threshold (103 of 1000 reads `10%` under a heading `超过 10%`): then with as
    /// many decimals as it takes (at most three), and the grade shares beside it with as many
    /// (`良好 89.7%、合格 10.3%` beside `是（10.3%）`; before 0.29.7 the shares stayed whole and read
    /// `合格 10%`), else `>10%`. `<1%` and `>99%` where the whole percent would hide that it
    /// happened or not.
    static func gradeFlag(_ s: Sensitivity, _ u: Sensitivity.UnitRange) -> (text: String, places: Int)? {
        guard u.gradeFragile else { return nil }
        let n = s.scenarioCount
        guard let actual = s.grades.firstIndex(of: u.actualGrade), actual < u.gradeCounts.count, u.gradeCounts.reduce(0, +) == n else {
            return (aboveThreshold(percent(u.gradeChanges, of: n), u.gradeChanges, of: n, threshold: s.fragilePercent), 0)
        }
        for places in 0...3 {
            let scale = 100 * pow10(places)
            let changed = scale - percents(u.gradeCounts, of: n, places: places)[actual]
            if places == 0 && changed == 0 && u.gradeChanges > 0 { return ("<1%", 0) }
            if places == 0 && changed == 100 && u.gradeChanges < n { return (">99%", 0) }
            if changed > s.fragilePercent * pow10(places) { return (decimal(changed, places: places) + "%", places) }
        }
        return (">\(s.fragilePercent)%", 0)
    }

    /// `counts` (out of `n`) as shares at `places` decimals (in units of 10^-places percent) that
    /// add up to 100, by largest remainder: each gets its share rounded down, and the units left
    /// go one each to the largest remainders, the first in order on equal ones. (Rounded one by
    /// one, 1, 3 and 4 scenarios of 8 — 12.5, 37.5 and 50 — read 13 + 38 + 50 = 101; so they
    /// read 13 + 37 + 50.) A count above 0 that gets 0 is shown `<1%` by the callers.
    static func percents(_ counts: [Int], of n: Int, places: Int = 0) -> [Int] {
        guard n > 0 else { return counts.map { _ in 0 } }
        let scale = 100 * pow10(places)
        var shares = counts.map { $0 * scale / n }
        let left = scale - shares.reduce(0, +)
        guard left > 0, counts.reduce(0, +) == n else { return shares }
        let order = counts.indices.sorted { a, b in
            let (ra, rb) = (counts[a] * scale % n, counts[b] * scale % n)
            return ra != rb ? ra > rb : a < b
        }
        for i in order.prefix(left) { shares[i] += 1 }
        return shares
    }

    /// A flagged share (`count` of `n`, above `threshold`%) as `shown` says it, unless the whole
    /// percent would read as at or below the threshold (21 of 200 is 10.5%, which reads `10%`
    /// under a heading `超过 10%`): then with as many decimals as it takes (at most three) to read
    /// above it, else `>10%`.
    static func aboveThreshold(_ shown: String, _ count: Int, of n: Int, threshold: Int) -> String {
        guard n > 0, let whole = Int(shown.dropLast()), whole <= threshold else { return shown }
        for places in 1...3 {
            let text = Rational(Int64(count) * 100, Int64(n)).formatted(places: places)
            if let shown = Rational(decimal: text), shown > Rational(Int64(threshold), 1) { return text + "%" }
        }
        return ">\(threshold)%"
    }

    /// The terminal table's legend, as the page's note under its chart (before 0.29.7 the terminal
    /// had none).
    public static func legend(_ s: Sensitivity, lang: Language = .zh) -> String {
        let quota = s.quotaGrade.map { q in lang.t("；名额内不稳：在“\(q)”名额内外的位置与实际不同的情景占比", "; quota fragile: the share of scenarios inside or outside the \(q) quota otherwise than actually") } ?? ""
        return lang.t("排名区间为 \(s.scenarioCount) 个情景中第 5%–95% 的名次；各等级占比合计 100%；等级不稳：等级与实际不同的情景占比（= 100% 减去实际等级的占比），超过 \(s.fragilePercent)% 时标出",
                      "rank 5–95%: the 5th to 95th percentile rank over \(s.scenarioCount) scenarios; grade shares add up to 100%; grade fragile: the share of scenarios with another grade (100% less the actual grade's share), flagged above \(s.fragilePercent)%")
            + quota + lang.t("。", ".")
    }

    public static func table(_ s: Sensitivity, lang: Language = .zh) -> ExportTable {
        func col(_ zh: String, _ en: String, _ key: String, right: Bool = false) -> ExportTable.Column {
            .init(header: lang.t(zh, en), key: key, alignRight: right)
        }
        var columns = [
            col("编号", "id", "unit"), col("单位名称", "name", "name"), col("实际排名", "rank", "rank", right: true),
            col("实际等级", "grade", "grade"), col("排名区间（5%–95%）", "rank 5–95%", "rankRange", right: true),
            col("最好–最差", "best–worst", "rankExtremes", right: true), col("各等级占比", "grade shares", "gradeShares"),
            col("等级不稳", "grade fragile", "gradeFragile"),
        ]
        if s.quotaGrade != nil { columns.append(col("名额内不稳", "quota fragile", "quotaFragile")) }
        let rows: [[ExportCell]] = s.units.map { u in
            let changed = gradeFlag(s, u)?.text ?? ""
            var row: [ExportCell] = [.text(u.unit), .text(u.name), .number("\(u.actualRank)"), .text(u.actualGrade),
                                     .number("\(u.rankLow)–\(u.rankHigh)"), .number("\(u.rankBest)–\(u.rankWorst)"), .text(shares(s, u, lang)),
                                     .text(u.gradeFragile ? lang.t("是（\(changed)）", "yes (\(changed))") : "")]
            if s.quotaGrade != nil {
                let c = u.quotaChanges ?? 0
                let share = aboveThreshold(percent(c, of: s.scenarioCount), c, of: s.scenarioCount, threshold: s.fragilePercent)
                row.append(.text(u.quotaFragile ? lang.t("是（\(share)）", "yes (\(share))") : ""))
            }
            return row
        }
        return ExportTable(columns: columns, rows: rows)
    }

    /// What was varied, and how many units are fragile.
    public static func summary(_ s: Sensitivity, lang: Language = .zh) -> [String] {
        var varied: [String] = []
        if s.variation.weightPercent > 0 { varied.append(lang.t("各方面权重 ±\(s.variation.weightPercent)%（总分满分不变）", "area weights ±\(s.variation.weightPercent)% (the maximum total unchanged)")) }
        if s.variation.aggregation { varied.append(lang.t("代表评分汇总方式（平均、中位数、去掉1个或2个最高最低分）", "ballot aggregation (mean, median, trimmed k = 1, 2)")) }
        if s.variation.leaveOneOut { varied.append(lang.t("轮流去掉一名代表", "one representative left out in turn")) }
        if s.variation.bootstrap { varied.append(lang.t("代表重抽样（bootstrap）", "bootstrap over representatives")) }
        var lines = [lang.t("\(s.scenarioCount) 个情景（种子 \(s.seed)），变动：", "\(s.scenarioCount) scenarios (seed \(s.seed)), varying: ")
                     + (varied.isEmpty ? lang.t("无", "nothing") : varied.joined(separator: lang.t("；", "; ")))]
        // Ids listed as `score` lists them in Chinese, `X05、X02` (since 0.29.2; `X05, X02` before).
        let g = s.units.filter(\.gradeFragile).map(\.unit)
        lines.append(lang.t("等级不稳（超过 \(s.fragilePercent)% 的情景中等级不同）：", "grade fragile (another grade in more than \(s.fragilePercent)% of scenarios): ")
                     + (g.isEmpty ? lang.t("无", "none") : TuningMessages.firstOf(g, separator: lang.t("、", ", "), lang: lang)))
        if let q = s.quotaGrade {
            let f = s.units.filter(\.quotaFragile).map(\.unit)
            lines.append(lang.t("“\(q)”名额内外不稳：", "inside or outside the \(q) quota, fragile: ") + (f.isEmpty ? lang.t("无", "none") : TuningMessages.firstOf(f, separator: lang.t("、", ", "), lang: lang)))
        }
        return lines
    }

    public static func json(_ s: Sensitivity) -> JSONOut {
        .object([
            "scenarios": .num(s.scenarioCount), "seed": .number(String(s.seed)), "fragilePercent": .num(s.fragilePercent),
            "vary": .object(["weightsPercent": .num(s.variation.weightPercent), "aggregation": .bool(s.variation.aggregation),
                             "leaveOneOut": .bool(s.variation.leaveOneOut), "bootstrap": .bool(s.variation.bootstrap)]),
            "grades": .array(s.grades.map { .string($0) }), "quotaGrade": .str(s.quotaGrade),
            "units": .array(s.units.map { u in
                .object(["unit": .string(u.unit), "name": .string(u.name), "category": .string(u.category),
                         "rank": .num(u.actualRank), "grade": .string(u.actualGrade),
                         "rank5": .num(u.rankLow), "rank95": .num(u.rankHigh), "rankBest": .num(u.rankBest), "rankWorst": .num(u.rankWorst),
                         "gradeCounts": .object(Dictionary(uniqueKeysWithValues: zip(s.grades, u.gradeCounts.map { JSONOut.num($0) }))),
                         "gradeChanges": .num(u.gradeChanges), "quotaChanges": u.quotaChanges.map { .num($0) } ?? .null,
                         "gradeFragile": .bool(u.gradeFragile), "quotaFragile": .bool(u.quotaFragile)])
            }),
        ])
    }

    /// Units per chart: the first part shares page 1 with the heading and the summary; each
    /// later part fills a printed A4 page on its own (18 units of height each, plus the axes).
    static let firstChartRows = 25, chartRows = 45

    /// The chart's parts: all units in one when they fit the first page, else page-sized parts,
    /// each with its own axis, all on one scale.
    static func chartParts(_ count: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        while start < count {
            let end = min(count, start + (parts.isEmpty ? firstChartRows : chartRows))
            parts.append(start..<end)
            start = end
        }
        return parts.isEmpty ? [0..<0] : parts
    }

    /// A unit's label beside its row: its id and its name, the name cut with `…` to fit the
    /// label column, so that every unit is labelled the same way.
    static func label(_ u: Sensitivity.UnitRange) -> String {
        let budget = 28 - DisplayWidth.of(u.unit) - 1
        guard !u.name.isEmpty, budget >= 4 else { return u.unit }
        if DisplayWidth.of(u.name) <= budget { return "\(u.unit) \(u.name)" }
        var name = "", width = 0
        for c in u.name {
            let w = DisplayWidth.of(c)
            if width + w > budget - 2 { break }
            name.append(c)
            width += w
        }
        return "\(u.unit) \(name)…"
    }

    /// The rank ranges: one row per unit in actual rank order, a bar from the 5% to the 95%
    /// rank, a thin line from best to worst, and a dot at the actual rank. `units` picks a part
    /// (all by default); every part has the same scale, its own rank axis and axis label.
    public static func chart(_ s: Sensitivity, units part: Range<Int>? = nil, lang: Language = .zh) -> HTMLText {
        let n = max(1, s.units.map(\.rankWorst).max() ?? 1, s.units.count)
        let part = part ?? 0..<s.units.count
        let rowHeight = 18.0, left = 150.0, right = 20.0, top = 30.0, width = 640.0
        let height = top + Double(part.count) * rowHeight + 30
        var svg = SVGCanvas(width: width, height: height, title: lang.t("各单位排名区间（5%–95%）", "Rank ranges (5%–95%)"))
        let x = LinearScale(domain: (1, Double(max(n, 2))), range: (left, width - right))
        for t in x.ticks(min(10, n)) where t == t.rounded() {
            svg.line(x(t), top - 6, x(t), height - 24, .init(stroke: "#ccc", strokeWidth: 0.5))
            svg.text(x(t), top - 10, "\(Int(t))", size: 9, anchor: .middle)
            svg.text(x(t), height - 14, "\(Int(t))", size: 9, anchor: .middle)
        }
        svg.text(left, height - 2, lang.t("排名（1 为最好）", "rank (1 is best)"), size: 9)
        for (row, i) in part.enumerated() {
            let u = s.units[i]
            let y = top + Double(row) * rowHeight + rowHeight / 2
            svg.text(left - 6, y + 3, label(u), size: 9, anchor: .end, bold: u.gradeFragile || u.quotaFragile)
            svg.line(x(Double(u.rankBest)), y, x(Double(u.rankWorst)), y, .init(stroke: "#888", strokeWidth: 1, dash: "2 2"))
            svg.rect(x(Double(u.rankLow)) - 3, y - 4, x(Double(u.rankHigh)) - x(Double(u.rankLow)) + 6, 8,
                     .init(stroke: "#333", strokeWidth: 0.6, fill: u.gradeFragile || u.quotaFragile ? "#999" : "#ddd"))
            svg.circle(x(Double(u.actualRank)), y, r: 3, .init(stroke: "#000", strokeWidth: 1, fill: "#000"))
        }
        return svg.rendered()
    }

    public static func html(_ s: Sensitivity, rulesTitle: String, caveats: Caveats = Caveats(), lang: Language = .zh) -> String {
        var doc = HTMLDocument(title: lang.t("排名稳健性分析", "Ranking sensitivity"), lang: lang)
        doc.append(HTMLText(markup: "<section class=\"page\">"))
        doc.append(HTMLText(markup: "<h1>") + HTMLText(lang.t("排名稳健性分析", "Ranking sensitivity")) + HTMLText(markup: "</h1>"))
        doc.append(HTMLText(markup: "<p class=\"subtitle\">") + HTMLText(rulesTitle) + HTMLText(markup: "</p>"))
        for line in summary(s, lang: lang) { doc.append(HTMLText(markup: "<p>") + HTMLText(line) + HTMLText(markup: "</p>")) }
        doc.append(caveats.html(lang: lang))
        doc.append(HTMLText(markup: "<h2>") + HTMLText(lang.t("排名区间", "Rank ranges")) + HTMLText(markup: "</h2>"))
        doc.append(HTMLText(markup: "<p>") + HTMLText(lang.t("黑点为实际排名，方框为5%–95%区间，虚线为最好到最差；灰色方框为等级或名额不稳的单位。",
                                                           "The dot is the actual rank, the box the 5%–95% range, the dashed line best to worst; grey boxes mark fragile units.")) + HTMLText(markup: "</p>"))
        // Each part in a figure that is never split across pages; a long chart continues on the
        // next pages, each part with its axis and a caption saying which ranks it shows.
        let parts = chartParts(s.units.count)
        for part in parts {
            doc.append(HTMLText(markup: "<figure class=\"chart\">") + chart(s, units: part, lang: lang))
            if parts.count > 1 {
                let caption = lang.t("第 \(part.lowerBound + 1)–\(part.upperBound) 名（共 \(s.units.count) 个单位）",
                                     "ranks \(part.lowerBound + 1)–\(part.upperBound) of \(s.units.count) units")
                doc.append(HTMLText(markup: "<figcaption>") + HTMLText(caption) + HTMLText(markup: "</figcaption>"))
            }
            doc.append(HTMLText(markup: "</figure>"))
        }
        let t = table(s, lang: lang)
        // Only the name may wrap; ids, ranks, grades and `是（20%）` stay on one line, and the grade
        // shares break only between grades.
        var builder = HTMLTableBuilder(columns: t.columns.map { .init($0.header, numeric: $0.alignRight, width: $0.key == "name" ? "34mm" : nil,
                                                                      nowrap: !["name", "gradeShares"].contains($0.key)) },
                                       tableClass: "grid")
        for (row, u) in zip(t.rows, s.units) {
            builder.addRow(zip(row, t.columns).map { c, column -> HTMLTableBuilder.Cell in
                if column.key == "gradeShares" { return .markup(sharesMarkup(s, u, lang)) }
                return c.html
            })
        }
        doc.append(builder.rendered())
        doc.append(HTMLText(markup: "</section>"))
        doc.extraCSS = "span.nw { white-space: nowrap; }\nfigure.chart svg { display: block; }\ntable.grid th { word-break: keep-all; overflow-wrap: normal; }\n"
        return doc.rendered()
    }

    /// The grade shares with each `grade share` kept on one line.
    static func sharesMarkup(_ s: Sensitivity, _ u: Sensitivity.UnitRange, _ lang: Language) -> HTMLText {
        let items = shareItems(s.grades, u.gradeCounts, of: s.scenarioCount, places: gradeFlag(s, u)?.places ?? 0)
        return HTMLText(markup: items.map { "<span class=\"nw\">\(HTMLText.escape($0))</span>" }.joined(separator: HTMLText.escape(lang.t("、", ", "))))
    }
}
