/// What a committee should look at after a run: recusal violations, insufficient ballots,
/// standards not assessed, vetoes, quota moves, and the input warnings.
public enum SessionWarnings {
    public static func collect(_ session: ScoringSession, lang: Language = .zh) -> [String] {
        let rules = session.rules
        let narrator = Narrator(session: session, lang: lang)
        var lines: [String] = []
        for v in session.ballots.recusals {
            lines.append(lang.t("回避：代表 \(v.representative) 为本单位 \(v.unit) 的 \(v.item) 打了 \(v.score.plainText()) 分，不计入（\(v.location)）",
                                "recusal: representative \(v.representative) scored their own unit \(v.unit) on \(v.item) (\(v.score.plainText())); not counted (\(v.location))"))
        }
        for r in session.results {
            let unit = session.table.units[r.unit]
            let n = narrator.forUnit(r.unit)
            for (i, sr) in r.standards.enumerated() where sr.status != .scored {
                let s = rules.standards[i]
                let kind: String
                if case .insufficientBallots = sr.status { kind = lang.t("票数不足", "insufficient ballots") } else { kind = lang.t("不予考核", "not assessable") }
                let sep = lang.t("：", ": ")
                lines.append("\(kind)\(sep)\(unit.id) \(unit.name) · \(s.id) \(s.name)\(sep)\(n.note(sr, s))")
            }
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
}
