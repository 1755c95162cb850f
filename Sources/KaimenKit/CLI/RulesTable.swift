/// The effective criteria as text for a terminal: every area with its standards, then
/// bonuses, deductions, vetoes, grades, ranking and ballot policy.
public enum RulesTable {
    /// - Parameter width: the terminal's columns, when the text is shown in one: wrapped columns narrow to fit it.
    public static func render(_ rules: Rules, criteriaWidth: Int = 56, lang: Language = .zh, width: Int? = nil) -> String {
        func shown(_ t: TextTable) -> String { (width.map { t.fitted(to: $0) } ?? t).render() }
        let m = rules.metadata
        var s = "\(m.title)\n"
        s += "\(m.issuer) · \(m.id) \(m.version) · " + lang.t("有效期", "effective") + " \(m.effectiveFrom) – \(m.effectiveTo ?? "")"
        s += lang.t(" · \(rules.areas.count) 个方面，\(rules.standards.count) 条标准，共 \(rules.totalPoints.plainText()) 分\n",
                    " · \(rules.areas.count) areas, \(rules.standards.count) standards, \(rules.totalPoints.plainText()) points\n")
        if rules.sourceFiles.count > 1 {
            s += lang.t("继承（extends）：", "extends: ") + rules.sourceFiles.map { Echo.shown($0.split(separator: "/").last.map(String.init) ?? $0) }.joined(separator: " → ") + "\n"
        }
        // With `combine` weighted, the maxima scored and printed on the papers (`explain`'s
        // 满分) are not the points written: both are shown, the weighted ones from the plan.
        let plan = try? ScoringPlan.compile(rules).get()
        let weighted = plan?.isWeighted == true ? plan : nil
        if weighted != nil, case .weighted(let wb, let wm) = rules.ballots.combine {
            s += lang.t("代表评分占 \(wb.plainText())%，指标占 \(wm.plainText())%：“按权重满分”是计分时的满分（与 explain 和评分表一致），“分值”是文件中写的分值\n",
                        "ballots count \(wb.plainText())%, metrics \(wm.plainText())%: \"weighted max\" is the maximum as scored (as explain and the score sheets show it), \"points\" as written\n")
        }
        s += "\n"
        var columns: [TextTable.Column] = [
            .init(lang.t("编号 id", "id")), .init(lang.t("方面 / 标准", "area / standard")), .init(lang.t("分值", "points"), alignment: .right),
        ]
        if weighted != nil { columns.append(.init(lang.t("按权重满分", "weighted max"), alignment: .right)) }
        columns += [.init(lang.t("方法", "method")), .init(lang.t("参数", "parameters"), maxWidth: 44, wrap: true),
                    .init(lang.t("评分标准", "criteria"), maxWidth: criteriaWidth, wrap: true)]
        var table = TextTable(columns: columns)
        let fmt = ValueFormatter(rules: rules, lang: lang)
        for a in rules.orderedAreaIndices {
            let area = rules.areas[a]
            var cells = [area.id, area.name, area.points.plainText()]
            if let weighted { cells.append(fmt.points(weighted.areaMaximum(a))) }
            table.addRow(cells + [area.capped ? lang.t("（封顶）", "(capped)") : "", "", ""])
            for i in rules.standards.indices where rules.standards[i].area == area.id {
                var r = row(rules.standards[i], indent: "  ", lang: lang)
                if let weighted { r.insert(fmt.points(weighted.standardMaximum(i)), at: 3) }
                table.addRow(r)
            }
        }
        s += shown(table) + "\n"
        s += metricsTable(rules, lang: lang)

        for (title, items) in [(lang.t("加分项", "Bonuses") + (rules.bonusCap.map { lang.t("（最多 \($0.plainText()) 分）", " (at most \($0.plainText()) points)") } ?? ""), rules.bonuses),
                               (lang.t("扣分项（不使方面得分低于 0）", "Deductions (never below 0 in an area)"), rules.deductions)] where !items.isEmpty {
            var t = TextTable(columns: [.init(lang.t("编号 id", "id")), .init(lang.t("名称", "name")), .init(lang.t("分值", "points"), alignment: .right),
                                        .init(lang.t("方法", "method")), .init(lang.t("参数", "parameters"), maxWidth: 44, wrap: true),
                                        .init(lang.t("评分标准", "criteria"), maxWidth: criteriaWidth, wrap: true)])
            for st in items { t.addRow(row(st, indent: "", lang: lang)) }
            s += "\(title)\n" + shown(t) + "\n"
        }
        if !rules.vetoes.isEmpty {
            var t = TextTable(columns: [.init(lang.t("编号 id", "id")), .init(lang.t("名称", "name")), .init(lang.t("条件", "when")),
                                        .init(lang.t("后果", "effect"))])
            for v in rules.vetoes {
                let effect = [v.grade.map { lang.t("定为\($0)", "grade \($0)") },
                              v.capTotal.map { lang.t("总分不超过 \($0.plainText())", "total at most \($0.plainText())") }]
                    .compactMap { $0 }.joined(separator: lang.t("，", ", "))
                t.addRow([v.id, v.name, v.when.text, effect])
            }
            s += lang.t("一票否决", "Vetoes") + "\n" + shown(t) + "\n"
        }
        s += lang.t("等级：", "Grades: ") + rules.grades.map { g in
            var text = g.name + (g.min.map { " ≥ \($0.plainText())" } ?? "")
            if let q = g.quotaPercent { text += lang.t("（不超过 \(q.plainText())%）", " (at most \(q.plainText())%)") }
            return text
        }.joined(separator: " · ") + "\n"
        s += lang.t("排名：总分保留 \(rules.ranking.precision) 位小数（四舍五入）", "Ranking: totals rounded to \(rules.ranking.precision) decimals (half away from zero)")
        if !rules.ranking.tieBreak.isEmpty {
            // Worded as `rules diff` and the tie notes word them (`“依法维权”得分`), not `方面依法维权`.
            s += lang.t("；同分比较：", "; ties compared by ")
                + rules.ranking.tieBreak.map { tieBreakText($0, rules: rules, lang: lang, quoted: true) }.joined(separator: " → ")
        }
        s += lang.t("；仍相同则并列\n", "; still equal units share a rank\n")
        s += lang.t("代表评分：", "Ballots: ") + ballotText(rules.ballots, lang: lang) + "\n"
        return s
    }

    /// The metrics each unit must submit: id, Chinese name, kind, unit and what an empty cell means.
    static func metricsTable(_ rules: Rules, lang: Language) -> String {
        guard !rules.metrics.isEmpty else { return "" }
        var t = TextTable(columns: [.init(lang.t("编号 id", "id")), .init(lang.t("名称", "name")), .init(lang.t("类型", "kind")),
                                    .init(lang.t("单位", "unit")), .init(lang.t("未填时", "if left empty"))])
        for m in rules.metrics {
            t.addRow([m.id, m.name, ReaderMessages.kindName(m.kind).text(lang), m.unit ?? "", missingText(m.missing, flag: m.kind == .flag).text(lang)])
        }
        return lang.t("各单位须填报的指标（\(rules.metrics.count) 项）", "Metrics each unit submits (\(rules.metrics.count))") + "\n"
            + t.render() + "\n"
    }

    static func missingText(_ missing: MetricDefinition.Missing, flag: Bool = false) -> Localized {
        switch missing {
        case .error: Localized(zh: "必须填写（空着即报错）", en: "required (an empty cell is an error)")
        case .zero: flag ? Localized(zh: "按“否”计", en: "counts as no") : Localized(zh: "按 0 计", en: "counts as 0")
        case .notAssessable: Localized(zh: "读它的标准无法考核", en: "standards reading it are not assessable")
        }
    }

    static func row(_ st: Standard, indent: String, lang: Language = .zh) -> [String] {
        [indent + st.id, st.name, st.points.plainText(), lang == .zh ? st.method.kind.words.zh : st.method.name, parameters(st, lang: lang), st.criteria]
    }

    /// The method's parameters in a few words: `合同签订数/企业数 ≥0.99→3 ≥0.9→2`.
    static func parameters(_ st: Standard, lang: Language = .zh) -> String {
        var text = st.method.rule.parameters(lang)
        if let p = st.precondition { text += lang.t(" 前提：", " if: ") + p.when.text }
        return text
    }

    /// `方面 依法维权（高者优先）`, naming areas, standards and metrics by their Chinese names.
    /// - Parameter quoted: the name in quotes, as a tie note says it since 0.19.0
    ///   (`“依法维权”得分`, a deduction item `“迟报”扣分`, a bonus item `“五好”加分`, `指标“会员人数”`;
    ///   before, `方面依法维权`, `标准迟报`). English is the same either way.
    public static func tieBreakText(_ t: RankingPolicy.TieBreak, rules: Rules, lang: Language = .zh, withOrder: Bool = true,
                                    quoted: Bool = false) -> String {
        let what: String
        /// Quoted, `“name”` and what its value is (得分, or a bonus or deduction item's 加分 or 扣分).
        func points(_ kind: String, _ name: String, value: String = "得分") -> String { quoted ? "“\(name)”\(value)" : kind + name }
        switch t.key {
        case .ballots: what = lang.t("代表评分", "representatives' points")
        case .bonus: what = lang.t("加分", "bonus")
        case .area(let id):
            let name = rules.area(id)?.name ?? id
            what = lang.t(points("方面", name), "area " + name)
        case .standard(let id):
            let name = (rules.standards + rules.bonuses + rules.deductions).first { $0.id == id }?.name ?? id
            // A bonus or deduction item's value is what it adds or takes off.
            let value = rules.deductions.contains { $0.id == id } ? "扣分" : rules.bonuses.contains { $0.id == id } ? "加分" : "得分"
            what = lang.t(points("标准", name, value: value), "standard " + name)
        case .metric(let id):
            let name = rules.metric(id)?.name ?? id
            what = lang.t(quoted ? "指标“\(name)”" : "指标" + name, "metric " + name)
        }
        guard withOrder else { return what }
        return what + (t.descending ? lang.t("（高者优先）", " (higher first)") : lang.t("（低者优先）", " (lower first)"))
    }

    /// A tie-break value as people compare it: points at the rules' precision, metrics as entered.
    /// Two compared tie-break values, with as many decimals as it takes to tell them apart.
    public static func tieValueTexts(_ t: RankingPolicy.TieBreak, _ a: Rational?, _ b: Rational?, rules: Rules) -> (String, String) {
        TieValueText.pair(a, b, kind: TieValueText.kind(t, rules: rules), precision: rules.ranking.precision)
    }

    static func ballotText(_ b: BallotPolicy, lang: Language = .zh) -> String {
        var s = b.aggregate.policyWords(b.trim, lang: lang)
        s += lang.t("；少于 \(b.minBallots) 票为票数不足（\(b.insufficient == .zero ? "计 0 分" : "按无法考核处理")）",
                    "; fewer than \(b.minBallots) ballots are insufficient (\(b.insufficient == .zero ? "scored 0" : "not assessable"))")
        if let step = b.scoreStep { s += lang.t("；分值须为 \(step.plainText()) 的倍数", "; scores in steps of \(step.plainText())") }
        s += lang.t("；", "; ") + b.combine.policyWords(lang: lang)
        if b.corridor != .default {
            s += "；复核区间：与其他代表评分中位数相差超过 \(b.corridor.points.plainText()) 分或满分的 \((b.corridor.share * Rational(100)).plainText())%（取较严者）"
        }
        return s
    }
}
