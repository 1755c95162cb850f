/// `kaimen panel`'s output: the Chinese (or English) report for the terminal, and the JSON
/// with every figure.
public enum PanelRender {
    /// Sections in order: representatives with their flags, the re-check list, groups and the
    /// what-if ranking, agreement. `limit` caps the long lists (re-check, what-if).
    public static func text(_ p: PanelReport, title: String, lang: Language, limit: Int = 50) -> String {
        var s = lang.t("评委分析 · ", "Panel analysis · ") + title + "\n"
        let corridor = p.data.items.isEmpty ? "" : p.data.corridorWidth.enumerated().map { i, w in
            "\(p.data.items[i].key) ±\(PanelMessages.points(w))" }.joined(separator: lang.t("，", ", "))
        s += lang.t("代表 \(p.raters.count) 名，\(p.groups.count) 个组；计入的评分 \(p.cells.reduce(0) { $0 + $1.count }) 票；自助重抽样（bootstrap）\(p.options.resamples) 次，种子 \(p.options.seed)\n",
                    "\(p.raters.count) representatives in \(p.groups.count) groups; \(p.cells.reduce(0) { $0 + $1.count }) counted ballots; \(p.options.resamples) bootstrap resamples, seed \(p.options.seed)\n")
        s += "\n" + lang.t("一、代表", "1. Representatives") + "\n"
        s += PanelTables.raters(p, lang: lang).text()
        let flags = p.flags
        s += "\n" + (flags.isEmpty ? lang.t("提示：无。\n", "Flags: none.\n") : lang.t("提示（\(flags.count) 条）：\n", "Flags (\(flags.count)):\n"))
        for f in flags { s += "  " + f.reason.text(lang) + "\n" }
        // Representatives whose leniency is not judged, and why (never silently).
        let tooFew = p.raters.filter(\.leniencyTooFew)
        if !tooFew.isEmpty {
            s += lang.t("未判断宽严（\(tooFew.count) 名）：\n", "Leniency not judged (\(tooFew.count)):\n")
            for r in tooFew { s += "  " + PanelMessages.tooFew(p.data.representatives[r.index], r.leniency!).text(lang) + "\n" }
        }

        s += "\n" + lang.t("二、复核清单：超出区间的评分（\(p.outliers.count) 条；区间：\(corridor)）",
                           "2. To re-check: marks outside the corridor (\(p.outliers.count); corridor: \(corridor))") + "\n"
        if p.outliers.isEmpty { s += lang.t("无。\n", "None.\n") } else {
            s += PanelTables.outliers(p, lang: lang, limit: limit).text()
            if p.outliers.count > limit { s += lang.t("……另有 \(p.outliers.count - limit) 条（--top N 多列，--format csv --section outliers 得到全部）\n",
                                                     "… \(p.outliers.count - limit) more (--top N for more; --format csv --section outliers for all)\n") }
        }

        // No counted ballot: there is no overall mean to give (it is not 0.0%).
        s += "\n" + (p.groups.allSatisfy { $0.ballots == 0 } ? lang.t("三、分组", "3. Groups")
            : lang.t("三、分组（全体平均为满分的 \(PanelMessages.number(p.overallShare * 100, places: 1))%）",
                     "3. Groups (overall mean \(PanelMessages.number(p.overallShare * 100, places: 1))% of the maximum)")) + "\n"
        s += PanelTables.groups(p, lang: lang).text()
        if offsetsUnrounded(p) { s += PanelMessages.offsetBeforeRounding.text(lang) + "\n" }
        if let w = p.whatIf {
            s += "\n" + PanelMessages.whatIfNote.text(lang) + lang.t("（名次变化的单位 \(w.moved) 个）：\n", " (\(w.moved) units change rank):\n")
            s += PanelTables.whatIf(p, lang: lang, limit: limit).text()
            if w.rows.count > limit { s += lang.t("……另有 \(w.rows.count - limit) 个单位\n", "… \(w.rows.count - limit) more units\n") }
        } else if p.groups.count < 2 {
            s += PanelMessages.noGroups.text(lang) + "\n"
        } else {
            // Two groups or more on the roster, but fewer than two with ballots: say which one has them.
            s += PanelMessages.oneGroupWithBallots(p.groups.first { $0.ballots > 0 }?.name, groups: p.groups.count).text(lang) + "\n"
        }

        s += "\n" + lang.t("四、一致性：Krippendorff α（区间尺度）", "4. Agreement: Krippendorff's alpha (interval)") + "\n"
        s += PanelTables.alpha(p, lang: lang).text()
        s += PanelMessages.alphaReading.text(lang) + "\n"
        s += "\n" + lang.t("ICC（双向随机、绝对一致；Koo & Li 解读：<0.5 差，0.5–0.75 中等，0.75–0.9 良好，>0.9 优秀）",
                           "ICC (two-way random, absolute agreement; Koo & Li: <0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, >0.9 excellent)") + "\n"
        let icc = PanelTables.icc(p, lang: lang)
        if icc.rows.count <= limit { s += icc.text() } else {
            s += lang.t("共 \(icc.rows.count) 个（评分项 × 组）；--format csv --section icc 得到全部。各评分项的中位数：\n",
                        "\(icc.rows.count) tables (standard × group); --format csv --section icc for all. Median by standard:\n")
            s += iccSummary(p, lang: lang).text()
        }
        return s
    }

    /// Whether a group's difference from the overall mean, as shown (`-2.6`), is not the
    /// difference of the figures shown beside it (`73.4` and the heading's `75.9`): it is worked
    /// out from the unrounded means, as docs/panel.md says and the report's table has it, and
    /// the terminal then says so under the table (since 0.29.4). The report is left as sealed.
    static func offsetsUnrounded(_ p: PanelReport) -> Bool {
        func tenths(_ x: Double) -> Int { Int((Double(PanelMessages.number(x * 100, places: 1)) ?? 0) * 10 + (x < 0 ? -0.5 : 0.5)) }
        let overall = tenths(p.overallShare)
        return p.groups.contains { g in g.ballots > 0 && tenths(g.meanShare) - overall != tenths(g.offset) }
    }

    /// Per item: how many blocks gave an ICC, and the median of each ICC over them.
    static func iccSummary(_ p: PanelReport, lang: Language) -> ExportTable {
        let columns = [PanelTables.col("评分项", "Standard", "standard", lang), PanelTables.col("可计算", "Computed", "computed", right: true, lang),
                       PanelTables.col("ICC(2,1) 中位数", "ICC(2,1) median", "icc21", right: true, lang),
                       PanelTables.col("ICC(2,k) 中位数", "ICC(2,k) median", "icc2k", right: true, lang)]
        return ExportTable(columns: columns, rows: p.data.items.indices.map { i in
            let rs = p.agreement.icc.filter { $0.item == i }.compactMap(\.result)
            func median(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : Bootstrap.quantile(xs.sorted(), 0.5) }
            return [.text(p.data.items[i].key), .text("\(rs.count)/\(p.agreement.icc.filter { $0.item == i }.count)"),
                    PanelTables.num(median(rs.compactMap(\.single)), places: 3), PanelTables.num(median(rs.compactMap(\.average)), places: 3)]
        })
    }

    /// Every figure, with sorted keys, pretty-printed as `JSONOut.rendered` does. The section
    /// tables can hold hundreds of thousands of rows, so their rows are written directly (their
    /// keys sorted once per table) instead of through a `JSONOut` tree.
    public static func json(_ p: PanelReport, title: String, lang: Language) -> String {
        var o: [String: JSONOut] = ["title": .string(title), "seed": .number(String(p.options.seed)),
                                    "resamples": .num(p.options.resamples),
                                    "overallMeanShare": .number(PanelMessages.number(p.overallShare, places: 6))]
        o["flags"] = .array(p.raters.flatMap { r in r.flags.map { f in
            JSONOut.object(["representative": .string(p.data.representatives[r.index].id), "kind": .string(f.kind.rawValue), "reason": .string(f.reason.text(lang))])
        } } + p.groupFlags.map { g, f in
            JSONOut.object(["group": .string(p.groups[g].name), "kind": .string(f.kind.rawValue), "reason": .string(f.reason.text(lang))])
        })
        var tables: [String: ExportTable] = [:]
        for section in PanelTables.Section.allCases { tables[section.rawValue] = PanelTables.table(section, p, lang: lang) }
        var out = "{\n"
        let keys = (Array(o.keys) + Array(tables.keys)).sorted()
        for (n, key) in keys.enumerated() {
            out += "  " + JSONOut.quote(key) + ": "
            if let value = o[key] { value.write(into: &out, indent: 1) } else { rows(tables[key]!, into: &out) }
            out += n == keys.count - 1 ? "\n" : ",\n"
        }
        return out + "}\n"
    }

    /// An array of row objects, nested one level deep.
    static func rows(_ t: ExportTable, into out: inout String) {
        guard !t.rows.isEmpty else { out += "[]"; return }
        let order = t.columns.indices.sorted { t.columns[$0].key < t.columns[$1].key }
        let keys = order.map { "      " + JSONOut.quote(t.columns[$0].key) + ": " }
        out += "[\n"
        for (r, row) in t.rows.enumerated() {
            out += "    {\n"
            for (n, c) in order.enumerated() {
                out += keys[n]
                if c < row.count { row[c].json.write(into: &out, indent: 3) } else { out += "null" }
                out += n == order.count - 1 ? "\n" : ",\n"
            }
            out += r == t.rows.count - 1 ? "    }\n" : "    },\n"
        }
        out += "  ]"
    }
}
