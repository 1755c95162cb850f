/// Every diagnostic text of the tuning tools (`compare`, `sensitivity`, `rules test`,
/// `rules template`), in Chinese and English, kept together for the catalogue.
enum TuningMessages {
    /// At most `limit` of a summary's `items`, then how many more there are and where they are
    /// all listed: the table (`inTable`), or else the JSON. A summary line stays a line when
    /// thousands of units changed.
    static func firstOf(_ items: [String], separator: String, lang: Language, inTable: Bool = true, limit: Int = 12) -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        let more = items.count - limit
        let rest = inTable ? lang.t("另有 \(more) 个见表", "and \(more) more in the table")
                           : lang.t("另有 \(more) 个（全部见 --format json）", "and \(more) more (all in --format json)")
        return items.prefix(limit).joined(separator: separator) + separator + rest
    }

    // MARK: compare's ties

    /// Why a unit whose rounded total did not change moved: the tie notes that placed it under
    /// each rules file (`原：X03 先于 X04，按“依法维权”得分 9.20 对 8.80；新：…`); empty when it
    /// was tied under neither (another unit's total moved past it).
    static func tieReason(_ m: Comparison.Move) -> Localized {
        func tie(_ t: Comparison.Tie) -> Localized {
            guard let name = t.name else {
                return Localized(zh: "\(t.ahead) 与 \(t.behind) 各项同分比较也相同，名次并列",
                                 en: "\(t.ahead) and \(t.behind) equal on every tie-break, sharing a rank")
            }
            return Localized(zh: "\(t.ahead) 先于 \(t.behind)，按\(name.zh) \(t.aheadValue) 对 \(t.behindValue)",
                             en: "\(t.ahead) ahead of \(t.behind) by \(name.en) \(t.aheadValue) vs \(t.behindValue)")
        }
        func side(_ ties: [Comparison.Tie], _ zh: String, _ en: String) -> Localized? {
            guard !ties.isEmpty else { return nil }
            let each = ties.map(tie)
            return Localized(zh: zh + "：" + each.map(\.zh).joined(separator: "，"), en: en + ": " + each.map(\.en).joined(separator: ", "))
        }
        let sides = [side(m.oldTies, "原", "old"), side(m.newTies, "新", "new")].compactMap { $0 }
        return Localized(zh: sides.map(\.zh).joined(separator: "；"), en: sides.map(\.en).joined(separator: "; "))
    }

    /// The summary's line of the units only a tie-break moved.
    static func movedByTies(_ items: String, count: Int) -> Localized {
        Localized(zh: "名次仅由同分比较改变：\(count) 个单位（\(items)）",
                  en: "rank moved by a tie-break alone: \(count) unit\(count == 1 ? "" : "s") (\(items))")
    }

    // MARK: compare's command line

    static let compareOneRules = Localized(zh: "只给一个 `--rules` 时比较的是假设值：加上 `--set UNIT.METRIC=VALUE`，或再给一个 `--rules`",
                                           en: "one `--rules` compares a what-if value: add `--set UNIT.METRIC=VALUE`, or a second `--rules`")
    static func compareRulesCount(_ n: Int) -> Localized {
        Localized(zh: "`compare` 比较两个 `--rules` 文件（先 OLD 后 NEW），收到 \(n) 个",
                  en: "`compare` takes two `--rules` files, OLD and NEW; got \(n)")
    }

    // MARK: sensitivity's command line

    /// `--scenarios 0`: the option, what it was given and the whole numbers it takes. A value
    /// typed with full-width digits (`１００`) is not read (no option is), but the hint says so.
    static func wholeNumberOption(_ name: String, _ value: String, range: ClosedRange<UInt64>) -> Localized {
        let (zh, en) = range.upperBound == UInt64.max
            ? ("不小于 \(range.lowerBound) 的整数", "a whole number ≥ \(range.lowerBound)")
            : (" \(range.lowerBound) 到 \(range.upperBound) 之间的整数", "a whole number from \(range.lowerBound) to \(range.upperBound)")
        let text = Localized(zh: "`\(name)` 要写\(zh)，收到 `\(value)`", en: "`\(name)` takes \(en); got `\(value)`")
        let half = TypedNumber.ascii(value)
        if half != value, let n = UInt64(half), range.contains(n) {
            return text.joined(hint: Localized(zh: "数字要用半角字符：是不是 `\(half)`？", en: "write the digits half-width: did you mean `\(half)`?"))
        }
        return text
    }

    // MARK: --set

    static func setUnknownUnit(_ option: String, unit: String, known: [String]) -> Diagnostic {
        .error("set-unknown-unit", Localized(zh: "`--set \(option)`：单位文件中没有单位 `\(unit)`",
                                             en: "`--set \(option)`: the units file has no unit `\(unit)`"),
               hint: { var hints = UnknownIDHints(units: true) { known }; return hints.hint(unit) }()
                   ?? Localized(zh: "写单位编号，如 \(known.first ?? "X05")", en: "write the unit's id, e.g. \(known.first ?? "X05")"))
    }

    /// A unit's name where its id belongs: the message names the id (or the ids sharing the name).
    static func setUnitName(_ option: String, name: String, ids: [String]) -> Localized {
        Localized(zh: "`--set \(option)`：单位文件中没有单位 `\(name)`", en: "`--set \(option)`: the units file has no unit `\(name)`")
            .appending(ReaderMessages.nameForID(name, ids: ids, of: .unit, in: .option("--set")))
    }

    /// `rulesFile` lacks `metric`: removed since `oldRules` (the file in force), a metric's
    /// name for its id, or a misspelling.
    static func setUnknownMetric(_ option: String, metric: String, rulesFile: String?, rules: Rules, oldRules: Rules?) -> Diagnostic {
        let text = rulesFile.map { Localized(zh: "`--set \(option)`：`\($0)` 中没有指标 `\(metric)`", en: "`--set \(option)`: `\($0)` has no metric `\(metric)`") }
            ?? Localized(zh: "`--set \(option)`：细则中没有指标 `\(metric)`", en: "`--set \(option)`: the rules have no metric `\(metric)`")
        let hint: Localized
        if let old = oldRules, old.metrics.contains(where: { $0.id == metric }) {
            hint = Localized(zh: "原细则有这个指标，新细则不再读它：--set 只改新细则下的评分，改它不会改变结果；去掉这个 --set",
                             en: "the rules in force have it and the new rules no longer read it: --set changes only the new run, so it would change nothing; drop this --set")
        } else if let named = rules.metrics.first(where: { UnitMatcher.normalized($0.name) == UnitMatcher.normalized(metric) }) {
            hint = Localized(zh: "`\(metric)` 是指标 `\(named.id)` 的名称，--set 请写指标编号：`\(named.id)`",
                             en: "`\(metric)` is the name of the metric `\(named.id)`; --set takes its id: `\(named.id)`")
        } else {
            hint = suggestion(metric, rules.metrics.map(\.id), zh: "写指标编号，如 \(rules.metrics.first?.id ?? "members")",
                              en: "write the metric's id, e.g. \(rules.metrics.first?.id ?? "members")")
        }
        return .error("set-unknown-metric", text, hint: hint)
    }

    static func setInvalidValue(_ option: String, message: Localized, hint: Localized?) -> Diagnostic {
        .error("set-invalid-value", Localized(zh: "`--set \(option)`：取值不符合该指标的类型（\(message.zh)）",
                                              en: "`--set \(option)`: \(message.en)"),
               hint: hint)
    }

    /// A value beyond the limits (`1e308`): said as such, not as a value that does not fit the
    /// metric's kind (取值不符合该指标的类型), as it was in Chinese.
    static func setBeyondLimits(_ option: String, _ message: Localized) -> Diagnostic {
        .error("set-invalid-value", setPrefix(option, message))
    }

    /// A units-reader message about a value `--set` gave: `--set X03.members=：单位 X03 没有填…`.
    static func setPrefix(_ option: String, _ message: Localized) -> Localized {
        Localized(zh: "`--set \(option)`：\(message.zh)", en: "`--set \(option)`: \(message.en)")
    }

    static let setFillMetric = Localized(zh: "在 = 后面写上值；如果允许空着，在规则里给这个指标写 \"missing\": \"zero\" 或 \"notAssessable\"",
                                         en: "write a value after =; if it may be left empty, declare the metric with \"missing\": \"zero\" or \"notAssessable\"")

    static func setShape(_ option: String) -> Localized {
        Localized(zh: "`--set \(option)` 不是 UNIT.METRIC=VALUE 的形式", en: "`--set \(option)` is not UNIT.METRIC=VALUE")
    }
    static func setNoUnit(_ option: String) -> Localized {
        Localized(zh: "`--set \(option)`：点号前缺少单位编号", en: "`--set \(option)`: no unit id before the dot")
    }
    static func setNoMetric(_ option: String) -> Localized {
        Localized(zh: "`--set \(option)`：点号后缺少指标编号", en: "`--set \(option)`: no metric id after the dot")
    }
    static let setExample = Localized(zh: "例如 --set X05.members=19000", en: "e.g. --set X05.members=19000")
    static func setTwice(_ first: String, _ second: String) -> Localized {
        Localized(zh: "`--set \(first)` 和 `--set \(second)` 改的是同一个单位的同一个指标",
                  en: "`--set \(first)` and `--set \(second)` change the same unit's same metric")
    }
    static let setOnce = Localized(zh: "每个单位的每个指标只给一个 --set", en: "give one --set per unit and metric")

    /// One line per missing metric, then what to do.
    static func missingMetrics(_ gaps: MissingMetrics, rulesFile: String) -> [Diagnostic] {
        missingMetrics([(gaps, rulesFile)])
    }

    /// One line per metric missing under any of the rules files, naming every file that needs it
    /// (a metric both files read is one gap, not two), then what to do: rename a column near the
    /// metric's (`Members`), as `score` would say, before scoring it as `--assume-missing` would.
    static func missingMetrics(_ sides: [(gaps: MissingMetrics, rulesFile: String)]) -> [Diagnostic] {
        var order: [MissingMetrics.Gap] = [], files: [String: [String]] = [:]
        for (gaps, file) in sides {
            for g in gaps.gaps {
                if files[g.metric] == nil { order.append(g) }
                files[g.metric, default: []].append(file)
            }
        }
        return order.map { g in
            let who = g.wholeColumn ? Localized(zh: "全部 \(g.units.count) 个单位", en: "all \(g.units.count) units")
                                    : Localized(zh: g.units.joined(separator: "、"), en: g.units.joined(separator: ", "))
            let named = files[g.metric]!.map { "`\($0)`" }
            let assume = Localized(zh: "用 --assume-missing notAssessable（按无法考核处理）或 zero（按 0 计）比较",
                                   en: "compare with --assume-missing notAssessable (not assessed) or zero")
            let hint = g.nearColumn.map { near in
                near.joined(hint: Localized(zh: "改好列名再比较；--assume-missing 不读这一列，会把该指标按缺失计分",
                                           en: "rename it, then compare; --assume-missing would leave that column unread and score the metric as missing"))
            } ?? Localized(zh: "补上该列；或\(assume.zh)", en: "add the column; or \(assume.en)")
            return .error("compare-missing-metric",
                          Localized(zh: "\(named.joined(separator: "和")) 需要指标 \(g.name)（`\(g.metric)`），数据中缺少：\(who.zh)",
                                    en: "\(named.joined(separator: " and ")) need\(named.count == 1 ? "s" : "") the metric \(g.name) (`\(g.metric)`), which the data lacks for \(who.en)"),
                          hint: hint)
        }
    }

    // MARK: ballot standards the new rules change (BallotCarry)

    /// `s2` and its name, as the notes name a ballot standard.
    private static func named(_ item: BallotCarry.Item) -> Localized {
        item.name.isEmpty || item.name == item.key ? Localized(same: "`\(item.key)`")
            : Localized(zh: "`\(item.key)`（\(item.name)）", en: "`\(item.key)` (\(item.name))")
    }

    /// `1 point`, `6 points`, as English says a standard's points.
    private static func points(_ text: String) -> String { text == "1" ? "1 point" : "\(text) points" }

    static func ballotsDropped(_ item: BallotCarry.Item, newFile: String) -> Diagnostic {
        .warning("compare-ballots-dropped",
                 Localized(zh: "`\(newFile)` 不再由代表给 \(named(item).zh)打分：它的 \(item.ballots) 张票不计入新细则的评分",
                           en: "`\(newFile)` no longer has representatives score \(named(item).en): " + (item.ballots == 1 ? "its 1 ballot is" : "its \(item.ballots) ballots are") + " left out of the new scoring"),
                 hint: Localized(zh: "这是新细则的改动，选票无误；新细则下的总分里没有这一项",
                                 en: "this is a change of the new rules, not of the ballots; the new totals have no such item"))
    }

    static func ballotsAdded(_ item: BallotCarry.Item, newFile: String) -> Diagnostic {
        let points = item.newMax?.plainText() ?? ""
        return .warning("compare-ballots-added",
                        Localized(zh: "`\(newFile)` 新增由代表打分的 \(named(item).zh)（\(points) 分），现有选票中没有它的票：按票数不足计分",
                                  en: "`\(newFile)` adds \(named(item).en) (\(Self.points(points))), scored by ballot, which no ballot cast has scored: it counts as insufficient ballots"),
                        hint: Localized(zh: "比较结果不反映这一项；要知道它的影响，需在新细则下收集选票",
                                        en: "the comparison says nothing of this item; ballots cast under the new rules would"))
    }

    static func ballotsRescaled(_ item: BallotCarry.Item, newFile: String) -> Diagnostic {
        let (old, new) = (item.oldMax?.plainText() ?? "", item.newMax?.plainText() ?? "")
        return .warning("compare-ballots-rescaled",
                        Localized(zh: "`\(newFile)` 把 \(named(item).zh)改为 \(new) 分，选票是按 0–\(old) 分打的：每张票按同样的比例折算到 0–\(new) 分",
                                  en: "`\(newFile)` makes \(named(item).en) worth \(points(new)), and the ballots were cast on 0–\(old): each is taken as the same share of 0–\(new)"),
                        hint: Localized(zh: "例如 0–\(old) 分中的 \(old) 分在新细则下计 \(new) 分；代表按新分值打分时结果可能不同",
                                        en: "e.g. \(old) of \(old) counts as \(new) of \(new); ballots cast on the new scale may differ"))
    }

    static func ballotsOffStep(_ n: Int, step: Rational, newFile: String) -> Diagnostic {
        .warning("compare-ballots-off-step",
                 Localized(zh: "`\(newFile)` 的评分步长是 \(step.plainText()) 分，现有选票中有 \(n) 张不合这个步长（按原细则打的分，或按比例折算后的分）：按原值计分",
                           en: "`\(newFile)` scores in steps of \(step.plainText()), and \(n) ballot\(n == 1 ? "" : "s") cast (as cast, or as a share taken over) \(n == 1 ? "is" : "are") off that step: counted as \(n == 1 ? "it is" : "they are")"),
                 hint: Localized(zh: "这是新细则的改动，选票无误；代表按新步长打分时结果可能不同",
                                 en: "this is a change of the new rules, not of the ballots; ballots cast on the new step may differ"))
    }

    // MARK: ballots carried, and read as cast (compare --explain, sensitivity with two files, rules test --inherited)

    /// Said once after the rescaled standards: the one-file tools read NEW's ballots as cast, and
    /// how to see a unit or the ranking's sensitivity as compare scored them (a tester found
    /// compare's X05 92.36 优秀 and score's 90.61 良好 with nothing to tell them apart).
    static func ballotsReadAsCast(_ items: [BallotCarry.Item], oldFile: String, newFile: String) -> Diagnostic {
        let zh = items.map { "\(named($0).zh) 0–\($0.oldMax?.plainText() ?? "") 分" }.joined(separator: "、")
        let en = items.map { "\(named($0).en) on 0–\($0.oldMax?.plainText() ?? "")" }.joined(separator: ", ")
        return .note(.compareBallotsAsCast,
                     Localized(zh: "`kaimen score`、`explain` 和 `sensitivity` 只读一个细则文件：用 `\(newFile)` 为这些票评分时按原样读（\(zh)的票按新分值读，不折算），总分与这里不同",
                               en: "`kaimen score`, `explain` and `sensitivity` know one rules file: scoring these ballots with `\(newFile)` they read them as cast (\(en), not rescaled), and give other totals"),
                     hint: Localized(zh: "要逐项看一个单位在这里怎样算出，在这条命令后加 `--explain 单位编号`；要在折算后的票上分析敏感性：`kaimen sensitivity --rules \(oldFile) --rules \(newFile) …`",
                                     en: "to see line by line how a unit is scored here, add `--explain UNIT` to this command; to analyse sensitivity on the rescaled ballots: `kaimen sensitivity --rules \(oldFile) --rules \(newFile) …`"))
    }

    /// `compare --explain` goes with the table only: it prints explanations, not a comparison.
    static let explainIsText = Localized(zh: "`--explain` 打印单位的逐项说明，不能与 `--format` 的 csv、json、html 同用",
                                         en: "`--explain` prints a unit's explanation, and goes with no `--format` but table")

    /// The heading of a unit explained under one side of a comparison: `X05 按原细则 `OLD` 计算：`,
    /// `X05 按新细则 `NEW` 计算（选票按新分值折算：`rights.ballot` 0–4 → 0–5 分；与 compare 的总分相同）：`.
    static func explainedUnder(_ id: String, file: String, old: Bool, rescaled: [BallotCarry.Item]) -> Localized {
        let side = Localized(zh: old ? "原细则" : "新细则", en: old ? "OLD" : "NEW")
        let zh = rescaled.map { "\(named($0).zh) 0–\($0.oldMax?.plainText() ?? "") → 0–\($0.newMax?.plainText() ?? "") 分" }.joined(separator: "、")
        let en = rescaled.map { "\(named($0).en) 0–\($0.oldMax?.plainText() ?? "") → 0–\($0.newMax?.plainText() ?? "")" }.joined(separator: ", ")
        let carried = old || rescaled.isEmpty ? Localized(same: "")
            : Localized(zh: "（选票按新分值折算：\(zh)；与 compare 的总分相同，与 `kaimen score` 按原样读票不同）",
                        en: " (ballots rescaled to the new points: \(en); the totals compare gives, not those of `kaimen score`, which reads them as cast)")
        return Localized(zh: "\(id) 按\(side.zh) `\(file)` 计算\(carried.zh)：\n", en: "\(id) under \(side.en) `\(file)`\(carried.en):\n")
    }

    /// `sensitivity` with two rules files takes only OLD, then NEW.
    static func sensitivityRulesCount(_ n: Int) -> Localized {
        Localized(zh: "`--rules` 给一个或两个：一个时按原样读票；两个时先 OLD 后 NEW，分析 NEW，票按 compare 的方式从 OLD 折算（给了 \(n) 个）",
                  en: "give `--rules` once or twice: once reads the ballots as cast; twice, OLD then NEW, analyses NEW on the ballots carried from OLD as compare does (\(n) given)")
    }

    static func suggestion(_ word: String, _ among: [String], zh: String, en: String) -> Localized {
        if let s = Suggestion.only(to: word, among: among) {
            return Localized(zh: "是不是 `\(s)`？", en: "did you mean `\(s)`?")
        }
        return Localized(zh: zh, en: en)
    }
}

// MARK: compare's whole why: the rest, the common causes, the bounds, the units passing

extension TuningMessages {
    /// A share in percent as a committee reads it: `79%`, `78.9%` (one decimal when not whole).
    static func percentText(_ r: Rational) -> String { (r.isInteger ? r.plainText() : r.formatted(places: 1)) + "%" }

    /// `其余 27 项合计 -3.15`: the changed items beyond the three drivers.
    static func rest(_ r: Comparison.Rest, _ delta: String) -> Localized {
        Localized(zh: "其余 \(r.count) 项合计 \(delta)", en: "\(r.count) other item\(r.count == 1 ? "" : "s") together \(delta)")
    }

    /// A change common to many standards, and what it alone moved: `其中 25 项只因指标与代表评分的
    /// 权重改变，合计 -3.02` (the summary's `weighting` line gives the shares).
    static func cause(_ c: Comparison.Cause, delta: String) -> Localized {
        let n = c.count
        switch c.kind {
        case .weights:
            return Localized(zh: "其中 \(n) 项只因指标与代表评分的权重改变，合计 \(delta)",
                             en: "\(n) of them only by the new weighting of metrics and ballots, together \(delta)")
        case .area(let id, let name, let old, let new):
            let area = name.isEmpty ? "`\(id)`" : "`\(id)`（\(name)）"
            return Localized(zh: "其中 \(n) 项只因\(area)的折算系数 ×\(old.formatted(places: 3)) → ×\(new.formatted(places: 3))（按比例折算或封顶），合计 \(delta)",
                             en: "\(n) of them only by area `\(id)`'s scale ×\(old.formatted(places: 3)) → ×\(new.formatted(places: 3)) (proration or cap), together \(delta)")
        }
    }

    /// `权重：指标部分占 79% → 70%，代表评分部分占 21% → 30%`.
    static func weighting(_ old: Comparison.Shares, _ new: Comparison.Shares) -> Localized {
        let (m0, m1, b0, b1) = (percentText(old.metrics), percentText(new.metrics), percentText(old.ballots), percentText(new.ballots))
        return Localized(zh: "权重：指标部分占 \(m0) → \(m1)，代表评分部分占 \(b0) → \(b1)", en: "weighting: metrics \(m0) → \(m1), ballots \(b0) → \(b1)")
    }

    /// `优秀下限 90 → 92`.
    static func bound(_ b: Comparison.BoundChange) -> Localized {
        Localized(zh: "\(b.grade)下限 \(b.old.plainText()) → \(b.new.plainText())", en: "\(b.grade)'s lower bound \(b.old.plainText()) → \(b.new.plainText())")
    }

    static let totalCrossed = Localized(zh: "总分跨过分数线", en: "the total crossed a bound")

    /// Why a unit's grade by total changed: the total, the moved bounds, or both.
    static func gradeWhy(_ m: Comparison.Move) -> Localized {
        let items = (m.totalCrossedBound ? [totalCrossed] : []) + m.boundsCrossed.map(bound)
        return Localized(zh: items.map(\.zh).joined(separator: "，"), en: items.map(\.en).joined(separator: ", "))
    }

    /// A unit whose rounded total stayed and whose rank moved because others' totals moved.
    static func passed(_ m: Comparison.Move, total: String) -> Localized {
        var zh: [String] = [], en: [String] = []
        if m.passedBy > 0 { zh.append("\(m.passedBy) 个单位超过了它"); en.append("\(m.passedBy) passed it") }
        if m.fellBehind > 0 { zh.append("\(m.fellBehind) 个单位落到了它后面"); en.append("\(m.fellBehind) fell behind it") }
        return Localized(zh: "总分未变（\(total)），其他单位的总分变了：" + zh.joined(separator: "，"),
                         en: "total unchanged (\(total)); other units' totals moved: " + en.joined(separator: ", "))
    }

    static func movedByOthers(_ items: String, count: Int) -> Localized {
        Localized(zh: "总分未变、因其他单位总分变化而名次改变：\(count) 个单位（\(items)）",
                  en: "total unchanged, rank moved by other units' totals: \(count) unit\(count == 1 ? "" : "s") (\(items))")
    }

    /// `等级下限变化：优秀 90 → 92`.
    static func boundsMoved(_ items: String) -> Localized {
        Localized(zh: "等级下限变化：\(items)", en: "grade bounds moved: \(items)")
    }
}
