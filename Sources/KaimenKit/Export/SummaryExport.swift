/// The ranked summary (汇总排名表): one row per unit in rank order, with total, grade, ranks,
/// the area subtotals, bonus, deductions, notes (vetoes, quota moves, ties) and, in files,
/// every standard's points.
public enum SummaryExport {
    public static func table(_ session: ScoringSession, lang: Language = .zh, standardColumns: Bool = false) -> ExportTable {
        table(session.report, lang: lang, standardColumns: standardColumns)
    }

    /// The columns alone (no rows), for writers that produce the rows themselves.
    static func table(emptyOf report: ScoreReport, lang: Language, standardColumns: Bool) -> ExportTable {
        table(report, lang: lang, standardColumns: standardColumns, rows: false)
    }

    /// - Parameter limit: at most this many rows, from the top of the ranking.
    /// - Parameter namesRepresentatives: off, the 说明 column counts a unit's recusals instead of
    ///   naming the representatives (the workbook by default).
    public static func table(_ report: ScoreReport, lang: Language = .zh, standardColumns: Bool = false, limit: Int? = nil,
                             namesRepresentatives: Bool = true) -> ExportTable {
        table(report, lang: lang, standardColumns: standardColumns, rows: true, limit: limit, recusals: namesRepresentatives ? .named : .counted)
    }

    /// - Parameter recusals: how the 说明 column states a unit's recusals.
    static func table(_ report: ScoreReport, lang: Language, standardColumns: Bool, rows withRows: Bool, limit: Int? = nil,
                      recusals: Notes.Recusals = .named) -> ExportTable {
        let rules = report.rules
        let scores = report.scores
        var columns: [ExportTable.Column] = [
            .init(header: lang.t("排名", "Rank"), key: "rank", alignRight: true),
            .init(header: lang.t("类别排名", "In category"), key: "categoryRank", alignRight: true),
            .init(header: lang.t("单位编号", "Unit id"), key: "id", alignRight: false),
            .init(header: lang.t("单位", "Unit"), key: "name", alignRight: false),
            .init(header: lang.t("类别", "Category"), key: "category", alignRight: false),
            .init(header: lang.t("总分", "Total"), key: "total", alignRight: true),
            .init(header: lang.t("等级", "Grade"), key: "grade", alignRight: false),
        ]
        let areaIndex = rules.orderedAreaIndices
        columns += areaIndex.map { .init(header: rules.areas[$0].name, key: "area." + rules.areas[$0].id, alignRight: true) }
        columns += [
            .init(header: lang.t("加分", "Bonus"), key: "bonus", alignRight: true),
            .init(header: lang.t("扣分", "Deducted"), key: "deducted", alignRight: true),
            .init(header: lang.t("说明", "Notes"), key: "notes", alignRight: false),
        ]
        var subheaders: [String]?
        if standardColumns {
            // Ids in the header (stable, for scripts), names in a second row (for people).
            columns += rules.standards.map { .init(header: $0.id, key: "standard." + $0.id, alignRight: true) }
            columns.append(.init(header: lang.t("提示", "Hints"), key: "hints", alignRight: false))
            subheaders = Self.subheaders(rules, fixedColumns: columns.count - rules.standards.count - 1)
        }
        let notes = Notes(report, lang: lang)
        let hints = standardColumns && withRows ? SummaryHints(report, lang: lang) : nil
        let p = scores.precision
        func fixed(_ v: Int64) -> ExportCell { .number(Rational.formatScaled(v, places: p)) }
        var rows: [[ExportCell]] = []
        rows.reserveCapacity(withRows ? scores.unitCount : 0)
        for u in report.ranking.order.prefix(limit ?? Int.max) where withRows {
            var row: [ExportCell] = [.number(String(scores.rank[u])), .number(String(scores.categoryRank[u])), .text(report.units.ids[u]),
                                     .text(report.units.names[u]), .text(report.units.categories[u]), fixed(scores.total[u]),
                                     .text(report.gradeName(u))]
            row += areaIndex.map { fixed(scores.areas[u * scores.areaCount + $0]) }
            row += [fixed(scores.bonus[u]), fixed(scores.deducted[u]),
                    notes.text(u, recusals: recusals).map { .text($0) } ?? .empty]
            if standardColumns {
                row += (0..<scores.standardCount).map { fixed(scores.standards[u * scores.standardCount + $0]) }
                row.append(hints?.text(u).map { .text($0) } ?? .empty)
            }
            rows.append(row)
        }
        return ExportTable(columns: columns, rows: rows, subheaders: subheaders)
    }

    /// The second header row: empty over the fixed columns, each standard's name under its id,
    /// empty over 提示.
    static func subheaders(_ rules: Rules, fixedColumns: Int) -> [String] {
        Array(repeating: "", count: fixedColumns) + rules.standards.map(\.name) + [""]
    }

    /// The notes column: vetoes, quota moves, and how ties were placed.
    struct Notes {
        let report: ScoreReport
        let lang: Language
        let vetoes: [Int: [Int]]
        let unchecked: [Int: [(veto: Int, why: VetoNotChecked)]]
        /// The recusals of each unit, by unit id.
        let recusals: [String: [RecusalViolation]]
        /// Ballot items' names by key, for the recusal notes.
        let itemNames: [String: String]
        /// Each tie-break's name, made once: a million tied units each need one.
        let tieNames: [String]
        /// How a Chinese tie note ends (`排在前`, `排在后`; `在前`, `在后` before 0.19.0).
        let ahead: String, behind: String
        let zh: Bool
        /// The same phrases as bytes, for `write(_:into:)`.
        private let tieNameBytes: [[UInt8]]
        private let phrases: (tied: [UInt8], by: [UInt8], versus: [UInt8], ahead: [UInt8], behind: [UInt8], shared: [UInt8], sharedEnd: [UInt8], join: [UInt8],
                                alike: [UInt8])
        /// How tie-break `k`'s values read (points at the rules' precision, a metric as entered,
        /// a rate as a percentage).
        private let kinds: [TieValueText.Kind]
        /// Whether a note whose values read alike at six places says so, and prints them cut
        /// (since 0.27.1).
        private let notesAlike: Bool

        init(_ report: ScoreReport, lang: Language) {
            self.report = report
            self.lang = lang
            zh = lang == .zh
            vetoes = Dictionary(grouping: report.scores.vetoes, by: { Int($0.unit) }).mapValues { $0.map { Int($0.item) } }
            unchecked = Dictionary(grouping: report.scores.vetoesUnchecked, by: { Int($0.unit) })
                .mapValues { $0.map { (Int($0.item), report.vetoNotChecked($0.notChecked)) } }
            recusals = RecusalExport.byUnit(report.recusals)
            itemNames = BallotItem.names(of: report.rules)
            // Since 0.19.0: `按“依法维权”得分 11.00 对 9.20 排在前`; before, `按方面依法维权 11.00 对 9.20 在前`.
            let quoted = report.writes(since: ScoreReport.v0_19)
            tieNames = report.rules.ranking.tieBreak.map { RulesTable.tieBreakText($0, rules: report.rules, lang: lang, withOrder: false, quoted: quoted) }
            (ahead, behind) = quoted ? ("排在前", "排在后") : ("在前", "在后")
            tieNameBytes = tieNames.map { Array($0.utf8) }
            kinds = report.rules.ranking.tieBreak.map { TieValueText.kind($0, rules: report.rules, asOf: report) }
            notesAlike = report.writes(since: ScoreReport.v0_27_1)
            let z = lang == .zh
            phrases = (Array((z ? "与 " : "tied with ").utf8), Array((z ? " 同分，按" : " on total; ").utf8), Array((z ? " 对 " : " vs ").utf8),
                       Array((z ? " " + ahead : " puts it ahead").utf8), Array((z ? " " + behind : " puts it behind").utf8),
                       Array((z ? "与 " : "shares the rank with ").utf8), Array((z ? " 并列" : "").utf8), Array((z ? "；" : "; ").utf8),
                       Array(TieValueText.clauseReadAlike(lang).utf8))
        }

        /// Units whose note says more than how ties were placed (a veto, a veto not checked, a
        /// quota move): those go through `text(_:)`.
        func special() -> [Bool] {
            let s = report.scores
            var out = (0..<s.unitCount).map { s.grade[$0] != s.gradeByTotal[$0] }
            for u in vetoes.keys { out[u] = true }
            for u in unchecked.keys { out[u] = true }
            if !recusals.isEmpty { for u in out.indices where recusals[report.units.ids[u]] != nil { out[u] = true } }
            return out
        }

        /// Writes the note of unit `u` into `w` as one CSV cell (nothing when there is none),
        /// building ties' notes straight in UTF-8 (the common case at scale); a `special` unit's
        /// note goes through `text(_:)`. The caller, which walks the ranking in order, hands
        /// over the neighbours: `above`, the unit's own tie note and the id of the unit it names;
        /// `below`, the next unit's tie note when it names `u`, with that unit's id. `scratch`
        /// is working memory.
        func write(_ u: Int, special: Bool, above: (note: Ranker.TieNote, id: String)?, below: (note: Ranker.TieNote, id: String)?,
                   into w: inout CSVChunkWriter, scratch: inout CSVChunkWriter) {
            if special {
                if let n = text(u) { w.text(n) }
                return
            }
            scratch.removeAll()
            func decided(_ k: Int, _ mine: Rational?, _ theirs: Rational?, other: String, first: Bool) {
                scratch.raw(phrases.tied); scratch.raw(other); scratch.raw(phrases.by)
                scratch.raw(tieNameBytes[k])
                // Points at the places that tell them apart, written as bytes; anything else (a
                // metric, a rate, values printed cut at six places) through `value`.
                var places: Int? = nil
                if kinds[k] == .points {
                    let p = TieValueText.places(mine, theirs, minimum: report.scores.precision)
                    var cut = false
                    if notesAlike, let mine, let theirs { cut = TieValueText.cutShort(mine, theirs, places: p) }
                    if !cut { places = p }
                }
                scratch.byte(0x20); writeValue(k, mine, theirs, places, into: &scratch); scratch.raw(phrases.versus)
                writeValue(k, theirs, mine, places, into: &scratch)
                scratch.raw(first ? phrases.ahead : phrases.behind)
                if places == nil && readAlike(k, mine, theirs) { scratch.raw(phrases.alike) }
            }
            func shared(_ other: String) { scratch.raw(phrases.shared); scratch.raw(other); scratch.raw(phrases.sharedEnd) }
            if let (note, id) = above {
                switch note.decision {
                case .shared: shared(id)
                case .decided(let k, let mine, let theirs): decided(k, mine, theirs, other: id, first: false)
                }
            }
            if let (note, id) = below {
                if scratch.count > 0 { scratch.raw(phrases.join) }
                switch note.decision {
                case .decided(let k, let mine, let theirs): decided(k, theirs, mine, other: id, first: true)
                case .shared: shared(id)
                }
            }
            if scratch.count > 0 { w.text(utf8: scratch.bytes) }
        }

        /// `value(k, v, other)`, written into `w`; points at `places` decimals (the rules'
        /// precision, or more to tell `v` from `other`) without making a string.
        private func writeValue(_ k: Int, _ v: Rational?, _ other: Rational?, _ places: Int?, into w: inout CSVChunkWriter) {
            if let v, kinds[k] == .metric, v.denominator == 1 {
                w.integer(v.numerator)  // a count as entered: `plainText` of a whole number
            } else if let v, let p = places, v.denominator == 1 || BulkData.pow10[p] % v.denominator == 0,
               case let (scaled, overflow) = v.numerator.multipliedReportingOverflow(by: BulkData.pow10[p] / v.denominator), !overflow {
                w.fixed(scaled, places: p)
            } else {
                w.raw(value(k, v, other))
            }
        }

        /// Whether tie-break `k`'s two values read alike even at the most places printed (and
        /// the note says so: since 0.27.1).
        private func readAlike(_ k: Int, _ a: Rational?, _ b: Rational?) -> Bool {
            notesAlike && TieValueText.readAlike(a, b, kind: kinds[k], precision: report.scores.precision)
        }

        /// How a tie-break value reads beside the one it was compared with (`TieValueText`).
        private func value(_ k: Int, _ v: Rational?, _ other: Rational?) -> String {
            TieValueText.pair(v, other, kind: kinds[k], precision: report.scores.precision, notesAlike: notesAlike).0
        }

        /// How a unit's note states its recusals.
        enum Recusals {
            /// Each representative by id and name, with the ballots set aside (`RecusalExport.notes`).
            case named
            /// Each representative by id and name, with how many ballots were set aside, not which:
            /// the report's summary page (since 0.19.0), whose 提示 lists them.
            case brief
            /// How many representatives and ballots, naming no one (`RecusalExport.countedNotes`).
            case counted
            /// Not at all: the public notice, whose representatives stay anonymous.
            case none
        }

        func text(_ u: Int, recusals recusalNotes: Recusals = .named) -> String? {
            let rules = report.rules
            let ids = report.units.ids
            var parts: [String] = []
            func decided(_ k: Int, _ mine: Rational?, _ theirs: Rational?, other: Int, first: Bool) -> String {
                let a = value(k, mine, theirs), b = value(k, theirs, mine)
                let alike = readAlike(k, mine, theirs) ? TieValueText.clauseReadAlike(lang) : ""
                return zh ? "与 \(ids[other]) 同分，按\(tieNames[k]) \(a) 对 \(b) \(first ? ahead : behind)\(alike)"
                          : "tied with \(ids[other]) on total; \(tieNames[k]) \(a) vs \(b) puts it \(first ? "ahead" : "behind")\(alike)"
            }
            func shared(_ other: Int) -> String { zh ? "与 \(ids[other]) 并列" : "shares the rank with \(ids[other])" }
            if let note = report.ranking.tieNote(u) {
                switch note.decision {
                case .shared: parts.append(shared(note.above))
                case .decided(let k, let mine, let theirs): parts.append(decided(k, mine, theirs, other: note.above, first: false))
                }
            }
            if let (other, note) = report.ranking.noteBelow(u) {
                switch note.decision {
                case .decided(let k, let mine, let theirs): parts.append(decided(k, theirs, mine, other: other, first: true))
                case .shared: parts.append(shared(other))
                }
            }
            if let list = vetoes[u] { for v in list { parts.append(lang.t("一票否决：", "veto: ") + rules.vetoes[v].name) } }
            if let list = recusals[ids[u]] {
                switch recusalNotes {
                case .named: parts += RecusalExport.notes(list, itemNames: itemNames, lang: lang)
                case .brief: parts += RecusalExport.notes(list, itemNames: itemNames, lang: lang, brief: true)
                case .counted: parts += RecusalExport.countedNotes(list, lang: lang)
                case .none: break
                }
            }
            if let list = unchecked[u] {
                for (v, why) in list {
                    parts.append(lang.t("一票否决项「\(rules.vetoes[v].name)」\(why.text(lang))，未能检查", "veto \(rules.vetoes[v].name) not checked: \(why.text(lang))"))
                }
            }
            let s = report.scores
            if s.grade[u] != s.gradeByTotal[u] {
                let from = rules.grades[Int(s.gradeByTotal[u])].name, to = report.gradeName(u)
                parts.append(lang.t("因名额限制由\(from)调为\(to)", "moved from \(from) to \(to) by the quota"))
            }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : parts.joined(separator: zh ? "；" : "; ")
        }
    }

    public static func json(_ session: ScoringSession, lang: Language = .zh) -> JSONOut { json(session.report, lang: lang) }

    public static func json(_ report: ScoreReport, lang: Language = .zh) -> JSONOut {
        let p = report.scores.precision
        let vetoes = Dictionary(grouping: report.scores.vetoes, by: { Int($0.unit) })
        let leftOut = leftOutStandards(report)
        let keys = UnitKeys(report.rules)
        let units: [JSONOut] = report.ranking.order.map { unitJSON($0, report, keys: keys, vetoes: vetoes[$0] ?? [], leftOut: leftOut[$0] ?? []) }
        return .object([
            "rules": rulesJSON(report),
            "precision": .num(p),
            "recusals": RecusalExport.json(report),
            "units": .array(units),
            "warnings": .array(SessionWarnings.collect(report, lang: lang).map { .string($0) }),
        ])
    }

    static func rulesJSON(_ report: ScoreReport) -> JSONOut {
        let m = report.rules.metadata
        return .object(["id": .string(m.id), "title": .string(m.title), "version": .string(m.version)])
    }

    /// Each unit's standards left out of their area and prorated (not assessed), whose points
    /// `unitJSON` gives as `null`, as a score sheet's JSON does (since 0.29.6: they read `0.0`
    /// before, a zero score to a reader). Empty for a report an earlier version wrote.
    static func leftOutStandards(_ report: ScoreReport) -> [Int: Set<Int32>] {
        guard report.writes(since: ScoreReport.v0_29_6) else { return [:] }
        return Dictionary(grouping: report.scores.events.filter(\.prorated), by: { Int($0.unit) }).mapValues { Set($0.map(\.standard)) }
    }

    /// The ids `unitJSON` keys a unit's areas and standards by, taken from the rules once for
    /// all units (copying each `Standard` for its id, unit by unit, was a tenth of the time).
    struct UnitKeys: Sendable {
        let areas: [String]
        let standards: [String]
        init(_ rules: Rules) { (areas, standards) = (rules.areas.map(\.id), rules.standards.map(\.id)) }
    }

    /// One unit's entry in the summary's `units`; `leftOut`: its standards not assessed and
    /// prorated (`leftOutStandards`), given as `null`.
    static func unitJSON(_ u: Int, _ report: ScoreReport, keys: UnitKeys, vetoes: [ScoreTable.UnitItem], leftOut: Set<Int32> = []) -> JSONOut {
        let rules = report.rules
        let s = report.scores
        let p = s.precision
        func fixed(_ v: Int64) -> JSONOut { .number(Rational.formatScaled(v, places: p)) }
            var o: [String: JSONOut] = [
                "rank": .num(Int(s.rank[u])), "categoryRank": .num(Int(s.categoryRank[u])), "id": .string(report.units.ids[u]),
                "name": .string(report.units.names[u]), "category": .string(report.units.categories[u]), "total": fixed(s.total[u]),
                "grade": .string(report.gradeName(u)),
                "areas": .object(Dictionary(uniqueKeysWithValues: keys.areas.indices.map { (keys.areas[$0], fixed(s.areas[u * s.areaCount + $0])) })),
                "bonus": fixed(s.bonus[u]), "deducted": fixed(s.deducted[u]), "ballotPoints": fixed(s.ballotPoints[u]),
                "vetoes": .array(vetoes.map { .string(rules.vetoes[Int($0.item)].id) }),
                "standards": .object(Dictionary(uniqueKeysWithValues: keys.standards.indices.map {
                    (keys.standards[$0], leftOut.contains(Int32($0)) ? .null : fixed(s.standards[u * s.standardCount + $0]))
                })),
            ]
            if s.grade[u] != s.gradeByTotal[u] { o["gradeBeforeQuota"] = .string(rules.grades[Int(s.gradeByTotal[u])].name) }
            return .object(o)
    }
}
