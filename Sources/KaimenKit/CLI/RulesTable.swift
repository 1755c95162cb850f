/// The effective criteria as text for a terminal: every area with its standards, then
/// bonuses, deductions, vetoes, grades, ranking and ballot policy.
public enum RulesTable {
    public static func render(_ rules: Rules, criteriaWidth: Int = 56, lang: Language = .zh) -> String {
        let m = rules.metadata
        var s = "\(m.title)\n"
        s += "\(m.issuer) · \(m.id) \(m.version) · 有效期 \(m.effectiveFrom) – \(m.effectiveTo ?? "")"
        s += " · \(rules.areas.count) 个方面, \(rules.standards.count) 条标准, 共 \(rules.totalPoints.plainText()) 分\n"
        if rules.sourceFiles.count > 1 {
            s += "继承 (extends): " + rules.sourceFiles.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: " → ") + "\n"
        }
        s += "\n"
        var table = TextTable(columns: [
            .init("编号 id"), .init("方面 / 标准"), .init("分值", alignment: .right), .init("方法"),
            .init("参数", maxWidth: 44), .init("评分标准", maxWidth: criteriaWidth),
        ])
        for area in rules.orderedAreas {
            table.addRow([area.id, area.name, area.points.plainText(), area.capped ? "（封顶）" : "", "", ""])
            for st in rules.standards(in: area.id) { table.addRow(row(st, indent: "  ")) }
        }
        s += table.render() + "\n"
        s += metricsTable(rules, lang: lang)

        for (title, items) in [("加分项" + (rules.bonusCap.map { "（最多 \($0.plainText()) 分）" } ?? ""), rules.bonuses),
                               ("扣分项（不使方面得分低于 0）", rules.deductions)] where !items.isEmpty {
            var t = TextTable(columns: [.init("编号 id"), .init("名称"), .init("分值", alignment: .right), .init("方法"),
                                        .init("参数", maxWidth: 44), .init("评分标准", maxWidth: criteriaWidth)])
            for st in items { t.addRow(row(st, indent: "")) }
            s += "\(title)\n" + t.render() + "\n"
        }
        if !rules.vetoes.isEmpty {
            var t = TextTable(columns: [.init("编号 id"), .init("名称"), .init("条件"), .init("后果")])
            for v in rules.vetoes {
                let effect = [v.grade.map { "定为\($0)" }, v.capTotal.map { "总分不超过 \($0.plainText())" }].compactMap { $0 }.joined(separator: "，")
                t.addRow([v.id, v.name, v.when.text, effect])
            }
            s += "一票否决\n" + t.render() + "\n"
        }
        s += "等级: " + rules.grades.map { g in
            var text = g.name + (g.min.map { " ≥ \($0.plainText())" } ?? "")
            if let q = g.quotaPercent { text += "（不超过 \(q.plainText())%）" }
            return text
        }.joined(separator: " · ") + "\n"
        s += "排名: 总分保留 \(rules.ranking.precision) 位小数（四舍五入）"
        if !rules.ranking.tieBreak.isEmpty {
            s += "；同分依次比较 " + rules.ranking.tieBreak.map { tieBreakText($0, rules: rules) }.joined(separator: " → ")
        }
        s += "；仍相同则并列\n"
        s += "代表评分: " + ballotText(rules.ballots) + "\n"
        return s
    }

    /// The metrics each unit must submit: id, Chinese name, kind, unit and what an empty cell means.
    static func metricsTable(_ rules: Rules, lang: Language) -> String {
        guard !rules.metrics.isEmpty else { return "" }
        var t = TextTable(columns: [.init(lang.t("编号 id", "id")), .init(lang.t("名称", "name")), .init(lang.t("类型", "kind")),
                                    .init(lang.t("单位", "unit")), .init(lang.t("未填时", "if left empty"))])
        for m in rules.metrics {
            t.addRow([m.id, m.name, ReaderMessages.kindName(m.kind).text(lang), m.unit ?? "", missingText(m.missing).text(lang)])
        }
        return lang.t("各单位须填报的指标（\(rules.metrics.count) 项）", "Metrics each unit submits (\(rules.metrics.count))") + "\n"
            + t.render() + "\n"
    }

    static func missingText(_ missing: MetricDefinition.Missing) -> Localized {
        switch missing {
        case .error: Localized(zh: "必须填写（空着即报错）", en: "required (an empty cell is an error)")
        case .zero: Localized(zh: "按 0 计", en: "counts as 0")
        case .notAssessable: Localized(zh: "读它的标准不予考核", en: "standards reading it are not assessable")
        }
    }

    static func row(_ st: Standard, indent: String) -> [String] {
        [indent + st.id, st.name, st.points.plainText(), st.method.name, parameters(st), st.criteria]
    }

    /// The method's parameters in a few words: `合同签订数/企业数 ≥0.99→3 ≥0.9→2`.
    static func parameters(_ st: Standard) -> String {
        func input(_ i: MetricInput) -> String {
            switch i {
            case .metric(let m): return m
            case .ratio(let r): return "\(r.numerator)/\(r.denominator)"
            }
        }
        var text: String
        switch st.method {
        case .bands(let b):
            let sym = b.direction == .atLeast ? "≥" : "≤"
            text = input(b.input) + " " + b.bands.map { "\(sym)\($0.threshold.plainText())→\($0.points.plainText())" }.joined(separator: " ")
        case .linear(let l):
            text = "\(input(l.input)) \(l.floor.plainText())→\(l.target.plainText())"
        case .count(let c):
            text = "\(c.metric) ×\(c.perUnit.plainText())"
        case .checklist(let items):
            text = items.map { "\($0.name)\($0.points.plainText())" }.joined(separator: " ")
        case .presence(let m):
            text = m
        case .ballot(let b):
            text = b.target == .area ? "按方面打分" : "按标准打分"
            if let a = b.aggregate { text += " \(a.rawValue)" }
        case .survey(let sv):
            text = "\(sv.satisfied)/\(sv.basic)/\(sv.dissatisfied)"
            if let p = sv.participation { text += " 参与率≥\(p.min.plainText())" }
        case .expression(let f):
            text = f.text
        }
        if let p = st.precondition { text += " 前提: \(p.when.text)" }
        return text
    }

    /// `方面 依法维权（高者优先）`, naming areas, standards and metrics by their Chinese names.
    public static func tieBreakText(_ t: RankingPolicy.TieBreak, rules: Rules, lang: Language = .zh, withOrder: Bool = true) -> String {
        let what: String
        switch t.key {
        case .ballots: what = lang.t("代表评分", "representatives' points")
        case .bonus: what = lang.t("加分", "bonus")
        case .area(let id): what = lang.t("方面", "area ") + (rules.area(id)?.name ?? id)
        case .standard(let id): what = lang.t("标准", "standard ") + ((rules.standards + rules.bonuses + rules.deductions).first { $0.id == id }?.name ?? id)
        case .metric(let id): what = lang.t("指标", "metric ") + (rules.metric(id)?.name ?? id)
        }
        guard withOrder else { return what }
        return what + (t.descending ? lang.t("（高者优先）", " (higher first)") : lang.t("（低者优先）", " (lower first)"))
    }

    /// A tie-break value as people compare it: points at the rules' precision, metrics as entered.
    /// Two compared tie-break values, with as many decimals as it takes to tell them apart.
    public static func tieValueTexts(_ t: RankingPolicy.TieBreak, _ a: Rational?, _ b: Rational?, rules: Rules) -> (String, String) {
        let isMetric: Bool
        if case .metric = t.key { isMetric = true } else { isMetric = false }
        return TieValueText.pair(a, b, isMetric: isMetric, precision: rules.ranking.precision)
    }

    static func ballotText(_ b: BallotPolicy) -> String {
        var s: String
        switch b.aggregate {
        case .mean: s = "平均分"
        case .median: s = "中位数"
        case .trimmedMean: s = "满 \(b.trim.minBallots) 票去掉最高、最低各 \(b.trim.k) 票后取平均"
        }
        s += "；少于 \(b.minBallots) 票为票数不足（\(b.insufficient == .zero ? "计 0 分" : "按不可评处理")）"
        if let step = b.scoreStep { s += "；分值须为 \(step.plainText()) 的倍数" }
        switch b.combine {
        case .sum: s += "；与指标得分直接相加"
        case .weighted(let bw, let mw): s += "；代表评分占 \(bw.plainText())%，指标占 \(mw.plainText())%"
        }
        if b.corridor != .default {
            s += "；复核区间：与其他代表评分中位数相差超过 \(b.corridor.points.plainText()) 分或满分的 \((b.corridor.share * Rational(100)).plainText())%（取较严者）"
        }
        return s
    }
}
