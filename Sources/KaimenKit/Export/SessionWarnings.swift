/// What a committee should look at after a run: recusal violations, insufficient ballots,
/// standards not assessed, vetoes, quota moves, and the input warnings.
public enum SessionWarnings {
    public static func collect(_ session: ScoringSession, lang: Language = .zh) -> [String] {
        let rules = session.rules
        let narrator = Narrator(session: session, lang: lang)
        var lines: [String] = []
        // Recusals: one line per representative and unit, however many items they scored.
        var recusalGroups: [(key: String, items: [RecusalViolation])] = []
        for v in session.ballots.recusals {
            let key = v.representative + "\u{0}" + v.unit
            if let i = recusalGroups.firstIndex(where: { $0.key == key }) { recusalGroups[i].items.append(v) } else { recusalGroups.append((key, [v])) }
        }
        for (_, group) in recusalGroups {
            let v = group[0]
            let name = session.representatives.first { $0.id == v.representative }?.name ?? ""
            let scores = group.map { "\($0.item) \($0.score.plainText())" }.joined(separator: lang.t("，", ", "))
            let rows = group.map(\.location.line)
            let place = "\(v.location.file):\(rows.min()!)" + (rows.count > 1 ? "–\(rows.max()!)" : "")
            lines.append(lang.t("回避：代表 \(v.representative) \(name) 为本单位 \(v.unit) 打了 \(group.count) 项分（\(scores)），均不计入（\(place)）",
                                "recusal: \(v.representative) \(name) scored their own unit \(v.unit) on \(group.count) item(s) (\(scores)); none counted (\(place))"))
        }
        // Standards not assessed: one line per standard and reason, listing the units.
        var groups: [(key: String, standard: Int, head: String, units: [String])] = []
        for r in session.results {
            let unit = session.table.units[r.unit]
            let n = narrator.forUnit(r.unit)
            for (i, sr) in r.standards.enumerated() where sr.status != .scored {
                let s = rules.standards[i]
                let (kind, reason, detail) = statusParts(sr, s, n, lang)
                let key = "\(i)\u{0}\(kind)\u{0}\(reason)"
                let entry = detail.map { "\(unit.id)（\($0)）" } ?? unit.id
                let head = "\(kind)\(lang.t("：", ": "))\(s.id) \(s.name)\(lang.t("：", ": "))\(reason)\(lang.t("，", "; "))\(n.fallbackText(sr, s))"
                if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].units.append(entry) } else { groups.append((key, i, head, [entry])) }
            }
        }
        for g in groups { lines.append(g.head + lang.t("——", " — ") + g.units.joined(separator: lang.t("、", ", "))) }
        for r in session.results {
            let unit = session.table.units[r.unit]
            for v in r.vetoes {
                lines.append(lang.t("一票否决：\(unit.id) \(unit.name) · \(rules.vetoes[v].name)（\(rules.vetoes[v].when.text)）",
                                    "veto: \(unit.id) \(unit.name) · \(rules.vetoes[v].name) (\(rules.vetoes[v].when.text))"))
            }
            for v in r.vetoesUnchecked {
                lines.append(lang.t("无法检查一票否决项：\(unit.id) · \(rules.vetoes[v].name)（缺少数据）",
                                    "veto could not be checked: \(unit.id) · \(rules.vetoes[v].name) (missing data)"))
            }
        }
        for m in session.ranking.quotaMoves {
            let unit = session.table.units[session.results[m.unit].unit]
            lines.append(lang.t("名额限制：\(m.from)不超过 \(m.quotaPercent.plainText())%（\(m.allowed) 个），\(unit.id) \(unit.name) 由\(m.from)调为\(m.to)",
                                "quota: at most \(m.quotaPercent.plainText())% (\(m.allowed)) may be \(m.from); \(unit.id) \(unit.name) moved to \(m.to)"))
        }
        return lines
    }

    /// The kind of problem, the reason shared by every unit with it, and the unit's own detail.
    static func statusParts(_ r: StandardResult, _ s: Standard, _ n: Narrator, _ lang: Language) -> (String, String, String?) {
        switch r.status {
        case .insufficientBallots(let count, let needed):
            return (lang.t("票数不足", "insufficient ballots"), lang.t("有效票少于 \(needed) 张", "fewer than \(needed) ballots"),
                    lang.t("\(count) 张", "\(count)"))
        case .notAssessable(.participationBelow(let rate, let min)):
            return (lang.t("不予考核", "not assessable"), lang.t("参与率低于 \(n.fmt.percent(min))", "participation below \(n.fmt.percent(min))"),
                    n.fmt.percent(rate))
        case .notAssessable(let reason):
            return (lang.t("不予考核", "not assessable"), n.reasonText(reason, s), nil)
        case .scored:
            return ("", "", nil)
        }
    }
}
