/// Every text `kaimen rules diff` prints, Chinese first: section titles, kinds of change,
/// the rules-file keys that changed and the short summary of an added or removed entry.
/// Ids, keys' values and file names are printed as written.
enum RulesDiffMessages {
    typealias L = Localized

    static let sectionTitles: [(String, L)] = [
        ("metadata", L(zh: "基本信息", en: "Metadata")), ("metrics", L(zh: "指标", en: "Metrics")),
        ("areas", L(zh: "方面", en: "Areas")), ("standards", L(zh: "标准", en: "Standards")),
        ("bonuses", L(zh: "加分项", en: "Bonuses")), ("deductions", L(zh: "扣分项", en: "Deductions")),
        ("vetoes", L(zh: "一票否决", en: "Vetoes")), ("grades", L(zh: "等级", en: "Grades")),
        ("ranking", L(zh: "排名", en: "Ranking")), ("ballots", L(zh: "代表评分", en: "Ballot policy")),
        ("policies", L(zh: "其他规则", en: "Policies")),
    ]

    /// 新增 / added, …: how a kind of change is named.
    static func kindName(_ k: RulesDiff.Kind) -> L {
        switch k {
        case .added: L(zh: "新增", en: "added")
        case .removed: L(zh: "删除", en: "removed")
        case .reweighted: L(zh: "调整分值", en: "re-weighted")
        case .thresholds: L(zh: "调整门槛", en: "thresholds moved")
        case .moved: L(zh: "移到别的方面", en: "moved")
        case .changed: L(zh: "修改", en: "changed")
        }
    }

    static let none = L(zh: "（无）", en: "(none)")
    static let noDifferences = L(zh: "\n没有差别。\n", en: "\nNo differences.\n")
    static let summaryLabel = L(zh: "\n合计：", en: "\nSummary: ")
    /// The full marks moved: `满分：100 分 → 102 分；各等级的下限未变（优秀 90、…），请核对是否随之调整`.
    static func totalMoved(_ old: Rational, _ new: Rational, gradeMins: [(name: String, min: Rational)]) -> L {
        let head = L(zh: "\n满分：\(old.plainText()) 分 → \(new.plainText()) 分", en: "\nFull marks: \(old.plainText()) → \(new.plainText()) points")
        guard !gradeMins.isEmpty else { return L(zh: head.zh + "\n", en: head.en + "\n") }
        let zh = gradeMins.map { "\($0.name) \($0.min.plainText())" }.joined(separator: "、")
        let en = gradeMins.map { "\($0.name) \($0.min.plainText())" }.joined(separator: ", ")
        return L(zh: head.zh + "；各等级的下限未变（\(zh) 分），请核对是否随之调整\n",
                 en: head.en + "; the grades' thresholds are unchanged (\(en)): check whether they should move with it\n")
    }
    static let listSeparator = L(zh: "，", en: ", ")
    /// Points or thresholds moved, the `criteria` text not: one line under the changes.
    static func staleCriteria(_ entries: [(id: String, name: String?)]) -> L {
        let zh = entries.map { "`\($0.id)`" + ($0.name.map { " \($0)" } ?? "") }.joined(separator: "、")
        let en = entries.map { "`\($0.id)`" + ($0.name.map { " \($0)" } ?? "") }.joined(separator: ", ")
        return L(zh: "\n注意：以下各项的分值、门槛或公式改了，评分标准（criteria）的文字却没改，核对文字是否还与计分相符：\(zh)\n",
                 en: "\nNote: the points, thresholds or formula of these changed but their criteria text did not; check that the text still says what is scored: \(en)\n")
    }

    /// `删除 1 处` / `1 removed`.
    static func count(_ k: RulesDiff.Kind, _ n: Int) -> L {
        L(zh: "\(kindName(k).zh) \(n) 处", en: "\(n) \(k.rawValue)")
    }

    /// Chinese names of the rules-file keys a diff most often reports: these, and each method's
    /// own (`MethodRule.keyWords`; where two methods name a key differently, the first's; `field`
    /// asks the entry's method first).
    static let fieldNames: [String: String] = ScoringMethod.Kind.allCases.reduce([
        "title": "标题", "issuer": "发布单位", "version": "版本", "locale": "语言", "effective.from": "生效日期",
        "effective.to": "截止日期", "name": "名称", "criteria": "评分标准", "method": "计分方法", "area": "所属方面",
        "points": "分值", "min": "下限", "max": "上限", "quota": "名额", "capTotal": "合计上限",
        "metric": "指标", "kind": "类型", "unit": "单位", "missing": "缺数处理", "aggregate": "汇总方式",
        "order": "顺序", "tieBreak": "同分比较", "notAssessable": "不予考核",
        "bonusCap": "加分上限", "publishRepresentatives": "公布代表姓名",
        "formula": "计算公式", "when": "触发条件", "grade": "强制等级", "capped": "封顶",
        "precondition.when": "考核条件", "precondition.note": "条件说明",
        "combine.mode": "合成方式", "combine.ballots": "代表评分占比", "combine.metrics": "指标占比",
        "trim.k": "去掉最高最低分各几个", "trim.minBallots": "去分所需最少票数", "minBallots": "最少票数",
        "insufficient": "票数不足时", "scoreStep": "评分步长", "corridor.points": "复核区间（分）",
        "corridor.share": "复核区间（比例）", "precision": "保留小数位数",
    ]) { names, kind in names.merging(kind.rule.keyWords) { a, _ in a } }

    /// `分值（points）` in Chinese, the key as written in English; a key of an entry scored by
    /// `method` is named as that method names it.
    static func field(_ key: String, method: String? = nil) -> L {
        let own = method.flatMap(ScoringMethod.Kind.init(rawValue:)).flatMap { $0.rule.keyWords[key] }
        return L(zh: (own ?? fieldNames[key]).map { "\($0)（\(key)）" } ?? key, en: key)
    }

    /// The method as people say it, with its key: `按数量计分（count）`.
    static func method(_ key: String) -> L {
        L(zh: ScoringMethod.Kind(rawValue: key).map { "\($0.words.zh)（\(key)）" } ?? key, en: key)
    }

    /// `方面 rights，2 分，按数量计分（count）` / `area rights, 2 points, count`.
    static func entry(_ e: RulesDiff.Entry) -> L {
        var zh: [String] = [], en: [String] = []
        if let a = e.area { zh.append("方面 \(a)"); en.append("area \(a)") }
        if let p = e.points { zh.append("\(p) 分"); en.append("\(p) points") }
        if let m = e.method { let l = method(m); zh.append(l.zh); en.append(l.en) }
        // The kind's word, as `rules show` says it (计数, 是/否).
        if let k = e.metricKind {
            let words = MetricDefinition.Kind(rawValue: k).map(ReaderMessages.kindName)
            zh.append(words?.zh ?? k)
            en.append(words?.en ?? k)
        }
        return L(zh: zh.joined(separator: "，"), en: en.joined(separator: ", "))
    }
}
