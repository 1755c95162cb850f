/// The whole derivation of one unit's result, in words: every standard's inputs, method,
/// intermediate values and points; the ballots kept and dropped, by representative; recused
/// ballots; bonus, deductions, vetoes; and which tie-break placed it against its neighbours.
public struct UnitExplanation {
    public let source: ExplainSource
    public let lang: Language

    public init(source: ExplainSource, lang: Language = .zh) {
        self.source = source
        self.lang = lang
    }

    public init(session: ScoringSession, lang: Language = .zh) {
        self.init(source: ExplainSource(session: session), lang: lang)
    }

    private var session: ExplainSource { source }

    public func render(unit u: Int) -> String {
        let rules = session.rules
        let fmt = ValueFormatter(rules: rules, lang: lang)
        let narrator = Narrator(source: source, lang: lang).forUnit(u)
        let r = session.results[u]!
        let unit = (id: session.units.ids[u], name: session.units.names[u], category: session.units.categories[u])
        var out = lang.t("\(unit.name)（\(unit.id)，\(unit.category)）\n", "\(unit.name) (\(unit.id), \(unit.category))\n")
        out += lang.t("总分 \(fmt.fixed(r.total)) 分，等级 \(r.grade)，总排名第 \(r.rank) 名，\(unit.category)类第 \(r.categoryRank) 名\n",
                      "total \(fmt.fixed(r.total)), grade \(r.grade), rank \(r.rank) overall, \(r.categoryRank) in \(unit.category)\n")
        out += lang.t("评分细则：\(rules.metadata.title)（\(rules.metadata.version)）\n", "rules: \(rules.metadata.title) (\(rules.metadata.version))\n")
        if case .weighted(let wb, let wm) = rules.ballots.combine {
            out += lang.t("代表评分占 \(wb.plainText())%，指标占 \(wm.plainText())%：各标准得分按权重折算\n",
                          "ballots count \(wb.plainText())%, metrics \(wm.plainText())%: standards' points are weighted\n")
        }
        for (n, area) in rules.orderedAreas.enumerated() {
            let a = rules.areas.firstIndex { $0.id == area.id }!
            let ar = r.areas[a]
            out += "\n" + lang.t("\(n + 1). \(area.name)（满分 \(fmt.points(ar.maxPoints)) 分）：\(fmt.fixed(ar.subtotal)) 分\n",
                                 "\(n + 1). \(area.name) (max \(fmt.points(ar.maxPoints))): \(fmt.fixed(ar.subtotal))\n")
            for i in session.plan.areaStandards[a] {
                let s = rules.standards[i], sr = r.standards[i]
                // The method as the papers name it in Chinese (分档计分); in English its rules key.
                let method = lang == .zh ? s.method.words.zh : s.method.name
                // A standard left out of its area: 不考核, as the score sheet says it, never a
                // 0.00 that reads as a zero score (a tester's X07 read `0.00/3`; since 0.29.3).
                // Points and maximum written alike, as the score sheet's row writes both
                // (`rowPoints`): `1.50/3.00`, not `1.50/3` (since 0.29.4).
                let points = !sr.isAssessed && sr.prorated ? PaperTexts.notAssessed.text(lang) : fmt.rowPoints(sr.points)
                out += "   \(s.id) \(s.name)  [\(method)] \(points)/\(fmt.rowPoints(sr.maxPoints))\n"
                out += "     " + lang.t("评分标准：", "criteria: ") + s.criteria + "\n"
                out += "     " + narrator.note(sr, s) + "\n"
                if case .ballot(let d) = sr.detail {
                    var insufficient = false
                    if case .insufficientBallots = sr.status { insufficient = true }
                    out += ballotLines(d, standard: s, unit: unit, insufficient: insufficient)
                }
            }
            if let f = ar.prorateFactor, f.isZero {
                out += "   " + lang.t("本方面所有标准均无法考核，计 0 分\n", "no standard of this area could be assessed: 0 points\n")
            } else if let f = ar.prorateFactor {
                out += "   " + lang.t("部分标准不考核，已考核部分 × \(f.plainText(maxPlaces: 4)) 折算为 \(fmt.points(ar.earned)) 分\n",
                                      "some standards not assessed: the assessed ones × \(f.plainText(maxPlaces: 4)) = \(fmt.points(ar.earned))\n")
            }
            if ar.earned > ar.capped {
                out += "   " + lang.t("合计 \(fmt.points(ar.earned)) 分，超过本方面满分，按 \(fmt.points(ar.capped)) 分计\n",
                                      "sum \(fmt.points(ar.earned)) exceeds the area's maximum; counted as \(fmt.points(ar.capped))\n")
            }
            for i in session.plan.areaDeductions[a] where !r.deductions[i].raw.isZero {
                let d = rules.deductions[i]
                out += "   " + lang.t("扣分 \(d.id) \(d.name)：", "deduction \(d.id) \(d.name): ") + narrator.note(r.deductions[i], d) + "\n"
            }
            if !ar.deducted.isZero {
                out += "   " + lang.t("扣 \(fmt.points(ar.deducted)) 分（不低于 0）\n", "\(fmt.points(ar.deducted)) deducted (never below 0)\n")
            }
        }
        out += "\n"
        let bonusLines = rules.bonuses.indices.filter { !r.bonuses[$0].raw.isZero }
        if !bonusLines.isEmpty {
            out += lang.t("加分：\n", "bonus:\n")
            for i in bonusLines { out += "   \(rules.bonuses[i].id) \(rules.bonuses[i].name)：\(narrator.note(r.bonuses[i], rules.bonuses[i]))\n" }
            if r.bonus != r.bonusEarned {
                out += "   " + lang.t("合计 \(fmt.points(r.bonusEarned)) 分，按上限 \(fmt.points(r.bonus)) 分计\n", "sum \(fmt.points(r.bonusEarned)), capped at \(fmt.points(r.bonus))\n")
            }
        }
        for v in r.vetoes {
            let veto = rules.vetoes[v]
            let (when, values) = (veto.when.readable(rules, lang: lang), narrator.values(veto.when))
            let read = values.isEmpty ? "" : lang.t("；\(values)", "; \(values)")
            out += lang.t("一票否决：\(veto.name)（\(when) 成立\(read)）", "veto: \(veto.name) (\(when) holds\(read))")
            if let g = veto.grade { out += lang.t("，定为\(g)", ", grade \(g)") }
            if let c = veto.capTotal.map({ TotalWords.capText($0, fmt: fmt) }) { out += lang.t("，总分不超过 \(c) 分", ", total at most \(c)") }
            out += "\n"
        }
        out += lang.t("合计：", "sum: ") + TotalWords.sum(r, rules: rules, fmt: fmt, lang: lang) + "\n"
        for (v, why) in zip(r.vetoesUnchecked, r.vetoesNotCheckedWhy) {
            let when = rules.vetoes[v].when
            let (text, values) = (when.readable(rules, lang: lang), narrator.values(when))
            let read = values.isEmpty ? "" : lang.t("；\(values)", "; \(values)")
            out += lang.t("一票否决项「\(rules.vetoes[v].name)」（\(text)\(read)）\(why.text(lang))，未能检查\n",
                          "veto \(rules.vetoes[v].name) (\(text)\(read)) could not be checked: \(why.text(lang))\n")
        }
        out += lang.t("等级：\(r.gradeByTotal)", "grade: \(r.gradeByTotal)")
        if let from = r.movedFrom {
            out += lang.t("；\(from)名额已满，调为\(r.grade)", "; the \(from) quota was full, moved to \(r.grade)")
        }
        out += "\n" + tieLines(u)
        return out
    }

    /// - Parameter insufficient: too few ballots to count: they are listed as cast, not as kept.
    func ballotLines(_ d: BallotDetail, standard s: Standard, unit: (id: String, name: String, category: String), insufficient: Bool = false) -> String {
        let fmt = ValueFormatter(rules: session.rules, lang: lang)
        func list(_ l: [BallotScore]) -> String {
            l.map { "\(session.representatives[$0.representative].id) \(fmt.points($0.score))" }.joined(separator: lang.t("，", ", "))
        }
        var out = ""
        if !d.kept.isEmpty {
            out += "     " + (insufficient ? lang.t("所投（票数不足，未计入）：", "cast (too few, not counted): ") : lang.t("计入：", "kept: ")) + list(d.kept) + "\n"
        }
        if !d.droppedHigh.isEmpty { out += "     " + lang.t("去掉最高：", "dropped as highest: ") + list(d.droppedHigh) + "\n" }
        if !d.droppedLow.isEmpty { out += "     " + lang.t("去掉最低：", "dropped as lowest: ") + list(d.droppedLow) + "\n" }
        let key = session.items.first { session.rules.standards[$0.standard].id == s.id }?.key ?? s.id
        for v in session.recusals where v.unit == unit.id && v.item == key {
            out += "     " + lang.t("回避不计：\(v.representative) \(fmt.points(v.score))（\(v.reasonText.zh)）\n",
                                    "recused, not counted: \(v.representative) \(fmt.points(v.score)) (\(v.reasonText.en))\n")
        }
        return out
    }

    /// How the unit's place against its neighbours with the same total was decided.
    func tieLines(_ u: Int) -> String {
        let fmt = ValueFormatter(rules: session.rules, lang: lang)
        var lines: [String] = []
        func describe(_ note: Ranker.TieNote, upper: Int, lower: Int) -> String {
            let a = session.units.ids[upper], b = session.units.ids[lower]
            let total = fmt.fixed(session.report.scores.value(session.report.scores.total[upper]))
            switch note.decision {
            case .shared:
                return lang.t("与 \(b == session.units.ids[u] ? a : b) 同分 \(total)，各项同分比较也相同，并列第 \(session.report.scores.rank[u]) 名",
                              "tied with \(b == session.units.ids[u] ? a : b) at \(total) on every tie-break: they share rank \(session.report.scores.rank[u])")
            case .decided(let index, let mine, let theirs):
                // Named as the summary's tie notes name it (`“依法维权”得分`), since 0.19.0.
                let name = index >= 0 ? RulesTable.tieBreakText(session.rules.ranking.tieBreak[index], rules: session.rules, lang: lang,
                                                                withOrder: false, quoted: true) : ""
                let t = session.rules.ranking.tieBreak[index]
                let (upperValue, lowerValue) = RulesTable.tieValueTexts(t, theirs, mine, rules: session.rules)
                let readAlike = TieValueText.readAlike(theirs, mine, kind: TieValueText.kind(t, rules: session.rules), precision: session.rules.ranking.precision)
                let alike = readAlike ? TieValueText.clauseReadAlike(lang) : ""
                return lang.t("\(a) 与 \(b) 同分 \(total)，按\(name) \(upperValue) 对 \(lowerValue)\(alike)，\(a) 排在前",
                              "\(a) and \(b) tie at \(total); by \(name) \(upperValue) vs \(lowerValue)\(alike), \(a) ranks ahead of \(b)")
            }
        }
        if let note = session.ranking.tieNote(u) { lines.append(describe(note, upper: note.above, lower: u)) }
        if let (other, note) = session.ranking.noteBelow(u) { lines.append(describe(note, upper: u, lower: other)) }
        return lines.isEmpty ? "" : lang.t("排名：", "rank: ") + lines.joined(separator: lang.t("；", "; ")) + "\n"
    }
}
