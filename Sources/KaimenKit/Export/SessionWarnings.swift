/// What a committee should look at after a run: recusal violations, insufficient ballots,
/// standards not assessed, vetoes, quota moves, and the input warnings.
public enum SessionWarnings {
    public static func collect(_ session: ScoringSession, lang: Language = .zh) -> [String] {
        collect(session.report, lang: lang)
    }

    /// - Parameters:
    ///   - limit: at most this many units named per line, and this many lines per kind of
    ///     warning; the rest are counted ("… 共 N 个"). `nil` names every one.
    ///   - recusals: include the lines that name representatives: recusals, and a session's
    ///     sheets declared void or not counted.
    ///   - droppedSheets: include the void and uncounted sheets' lines (`nil`: as `recusals`).
    ///     `report.html`'s summary page leaves them out, each unit's score sheet states its own;
    ///     since 0.19.0 it lists the recusals' ballots here, its table's 说明 stating them in brief
    ///     (before, 说明 listed the ballots, and this list left recusals out).
    public static func collect(_ report: ScoreReport, lang: Language = .zh, limit: Int? = nil, recusals: Bool = true,
                               droppedSheets: Bool? = nil) -> [String] {
        let rules = report.rules
        let narrator = Narrator(rules: rules, lang: lang)
        var lines: [String] = []
        // Recusals: one line per representative and unit, however many items they scored.
        var recusalGroups: [(key: String, items: [RecusalViolation])] = []
        let itemNames = recusals ? BallotItem.names(of: rules) : [:]
        for v in report.recusals where recusals {
            let key = v.representative + "\u{0}" + v.unit
            if let i = recusalGroups.firstIndex(where: { $0.key == key }) { recusalGroups[i].items.append(v) } else { recusalGroups.append((key, [v])) }
        }
        for (_, group) in recusalGroups.prefix(limit ?? Int.max) {
            let v = group[0]
            let name = v.name
            let scores = group.map { "\(itemNames[$0.item] ?? $0.item) \($0.score.plainText())" }.joined(separator: lang.t("，", ", "))
            let rows = group.map(\.location.line)
            let place = "\(report.inputFileShown(v.location.file)):\(rows.min()!)" + (rows.count > 1 ? "–\(rows.max()!)" : "")
            switch v.reason {
            case .ownUnit:
                lines.append(lang.t("回避：代表 \(v.representative) \(name) 为本单位 \(v.unit) 打了 \(group.count) 项分（\(scores)），均不计入（\(place)）",
                                    "recusal: \(v.representative) \(name) scored their own unit \(v.unit) on \(group.count) item(s) (\(scores)); none counted (\(place))"))
            case .declaredConflict:
                lines.append(lang.t("回避：代表 \(v.representative) \(name) 与 \(v.unit) 申报回避，为其打了 \(group.count) 项分（\(scores)），均不计入（\(place)）",
                                    "recusal: \(v.representative) \(name) declared a conflict with \(v.unit) and scored it on \(group.count) item(s) (\(scores)); none counted (\(place))"))
            }
        }
        // A session's sheets that did not count (void, or open at a close with --accept-missing):
        // one line per unit, naming the representatives, as the recusal lines do.
        if droppedSheets ?? recusals, let sheets = report.sheets, sheets.dropsAny {
            let units = report.units.ids.indices.filter { sheets.voids[report.units.ids[$0]] != nil || sheets.uncounted[report.units.ids[$0]] != nil }
            for u in units.prefix(limit ?? Int.max) {
                let id = report.units.ids[u]
                guard let words = sheets.droppedText(id, naming: true, lang: lang) else { continue }
                lines.append(lang.t("评分表未计入：\(id) \(report.units.names[u])——\(words)", "sheets not counted: \(id) \(report.units.names[u]) — \(words)"))
            }
            if let limit, units.count > limit {
                lines.append(lang.t("评分表未计入：另有 \(units.count - limit) 个单位，共 \(units.count) 个", "sheets not counted: \(units.count - limit) more units, \(units.count) in all"))
            }
        }
        // Standards not assessed: one line per standard and reason, listing the units. English
        // brackets in English since 0.17.0 (these lines are in summary.json).
        let english = lang == .en && report.writes(since: ScoreReport.v0_17)
        var groups = UnitGroups()
        // A precondition's words (its formula printed for a reader) are the same for every unit:
        // worked out once per standard, not once per unit of a large run.
        var preconditionParts: [Int32: (String, String, String?)] = [:]
        // Since 0.29.2 a standard that cannot be assessed is said to be so (无法考核), its line
        // then saying what the rule gave it: 不予考核 read as "not marked down" where the rule
        // gave 0 points (a tester's X09 lost 3).
        let cannot = report.writes(since: ScoreReport.v0_29_2)
        for e in report.scores.events {
            let s = rules.standards[Int(e.standard)]
            let parts: (String, String, String?)
            if case .notAssessable(.precondition) = e.status {
                if let known = preconditionParts[e.standard] {
                    parts = known
                } else {
                    parts = statusParts(e.status, s, narrator, lang, cannot: cannot)
                    preconditionParts[e.standard] = parts
                }
            } else {
                parts = statusParts(e.status, s, narrator, lang, cannot: cannot)
            }
            let (kind, reason, detail) = parts
            let key = "\(e.standard)\u{0}\(kind)\u{0}\(reason)"
            let id = report.units.ids[Int(e.unit)]
            let entry = detail.map { english ? "\(id) (\($0))" : "\(id)（\($0)）" } ?? id
            groups.add(entry, key: key) {
                let fallback = narrator.fallbackText(raw: e.raw, prorated: e.prorated, s)
                return "\(kind)\(lang.t("：", ": "))\(s.id) \(s.name)\(lang.t("：", ": "))\(reason)\(lang.t("，", "; "))\(fallback)"
            }
        }
        if let limit, recusalGroups.count > limit {
            lines.append(lang.t("回避：另有 \(recusalGroups.count - limit) 起，共 \(recusalGroups.count) 起", "recusal: \(recusalGroups.count - limit) more, \(recusalGroups.count) in all"))
        }
        lines += groups.lines(limit: limit, lang: lang)
        for v in report.scores.vetoes.prefix(limit ?? Int.max) {
            let (u, veto) = (Int(v.unit), rules.vetoes[Int(v.item)])
            let when = veto.when.readable(rules, lang: lang)
            lines.append(lang.t("一票否决：\(report.units.ids[u]) \(report.units.names[u]) · \(veto.name)（\(when)）",
                                "veto: \(report.units.ids[u]) \(report.units.names[u]) · \(veto.name) (\(when))"))
        }
        if let limit, report.scores.vetoes.count > limit {
            lines.append(lang.t("一票否决：另有 \(report.scores.vetoes.count - limit) 个单位，共 \(report.scores.vetoes.count) 个",
                                "veto: \(report.scores.vetoes.count - limit) more units, \(report.scores.vetoes.count) in all"))
        }
        // Before 0.27.0: `（缺少数据）`, in English `(missing data)`, whatever the cause.
        func why(_ v: ScoreTable.UnitItem) -> String {
            report.writes(since: ScoreReport.v0_27) ? (v.notChecked ?? .missingData).text(lang) : lang.t("缺少数据", "missing data")
        }
        if cannot {
            // Since 0.29.2 one line per veto and reason, listing its units, as the standards not
            // assessed are (a tester's 200 units each had a line of its own).
            var vetoGroups = UnitGroups()
            for v in report.scores.vetoesUnchecked {
                let reason = why(v), name = rules.vetoes[Int(v.item)].name
                vetoGroups.add(report.units.ids[Int(v.unit)], key: "\(v.item)\u{0}\(reason)") {
                    lang.t("无法检查一票否决项：\(name)（\(reason)）", "veto could not be checked: \(name) (\(reason))")
                }
            }
            lines += vetoGroups.lines(limit: limit, lang: lang)
        } else {
            for v in report.scores.vetoesUnchecked.prefix(limit ?? Int.max) {
                lines.append(lang.t("无法检查一票否决项：\(report.units.ids[Int(v.unit)]) · \(rules.vetoes[Int(v.item)].name)（\(why(v))）",
                                    "veto could not be checked: \(report.units.ids[Int(v.unit)]) · \(rules.vetoes[Int(v.item)].name) (\(why(v)))"))
            }
            if let limit, report.scores.vetoesUnchecked.count > limit {
                lines.append(lang.t("无法检查一票否决项：另有 \(report.scores.vetoesUnchecked.count - limit) 个", "vetoes not checked: \(report.scores.vetoesUnchecked.count - limit) more"))
            }
        }
        for m in report.ranking.quotaMoves.prefix(limit ?? Int.max) {
            let (id, name) = (report.units.ids[m.unit], report.units.names[m.unit])
            let quota = PaperTexts.quota(m.quotaPercent, allowed: m.allowed)
            lines.append(lang.t("名额限制：\(m.from)\(quota.zh)，\(id) \(name) 由\(m.from)调为\(m.to)",
                                "quota: \(quota.en) may be \(m.from); \(id) \(name) moved to \(m.to)"))
        }
        if let limit, report.ranking.quotaMoves.count > limit {
            lines.append(lang.t("名额限制：另有 \(report.ranking.quotaMoves.count - limit) 个单位调整等级，共 \(report.ranking.quotaMoves.count) 个",
                                "quota: \(report.ranking.quotaMoves.count - limit) more units moved, \(report.ranking.quotaMoves.count) in all"))
        }
        return lines
    }

    /// Lines that each list the units under one head (a standard not assessed and why, a veto
    /// not checked and why), in the order each head was first met.
    struct UnitGroups {
        private var heads: [String] = []
        private var units: [[String]] = []
        private var index: [String: Int] = [:]

        /// `unit` under the head of `key`, made by `head` the first time `key` is met.
        mutating func add(_ unit: String, key: String, head: () -> String) {
            if let g = index[key] { units[g].append(unit); return }
            index[key] = heads.count
            heads.append(head())
            units.append([unit])
        }

        /// `head——X01、X02`, each list `capped`.
        func lines(limit: Int?, lang: Language) -> [String] {
            zip(heads, units).map { $0 + lang.t("——", " — ") + SessionWarnings.capped($1, limit, lang) }
        }
    }

    /// `X01、X02、X03` or, over the limit, `X01、X02…（共 1234 个）`.
    static func capped(_ units: [String], _ limit: Int?, _ lang: Language) -> String {
        guard let limit, units.count > limit else { return units.joined(separator: lang.t("、", ", ")) }
        return units.prefix(limit).joined(separator: lang.t("、", ", ")) + lang.t("…（共 \(units.count) 个）", "… (\(units.count) in all)")
    }

    /// The kind of problem, the reason shared by every unit with it, and the unit's own detail.
    /// - Parameter cannot: the kind said as 无法考核 (since 0.29.2), not 不予考核.
    static func statusParts(_ status: StandardResult.Status, _ s: Standard, _ n: Narrator, _ lang: Language,
                            cannot: Bool = true) -> (String, String, String?) {
        let kind = lang.t(cannot ? "无法考核" : "不予考核", "not assessable")
        switch status {
        case .insufficientBallots(let count, let needed):
            return (lang.t("票数不足", "insufficient ballots"), lang.t("有效票少于 \(needed) 张", "fewer than \(needed) ballots"),
                    lang.t("\(count) 张", "\(count)"))
        case .notAssessable(.participationBelow(let rate, let min)):
            return (kind, lang.t("参与率低于 \(n.fmt.percent(min))", "participation below \(n.fmt.percent(min))"),
                    n.fmt.comparing(rate, with: [min]).percent(rate))
        case .notAssessable(let reason):
            return (kind, n.reasonText(reason, s), nil)
        case .scored:
            return ("", "", nil)
        }
    }
}
