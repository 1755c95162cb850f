/// The texts of `rules test` and of the checks on `tests` in a rules file, in Chinese and English.
enum RulesTestMessages {
    enum Kind {
        case metric, ballotItem, standard, area, grade

        var zh: String {
            switch self {
            case .metric: "指标"
            case .ballotItem: "评分项"
            case .standard: "标准"
            case .area: "方面"
            case .grade: "等级"
            }
        }

        var en: String {
            switch self {
            case .metric: "metric"
            case .ballotItem: "ballot item"
            case .standard: "standard"
            case .area: "area"
            case .grade: "grade"
            }
        }
    }

    /// `hint`: the id meant (`ReferenceHint`), if any.
    static func unknown(_ test: RulesTest, what: Kind, id: String, hint: Localized?, at location: SourceLocation) -> Diagnostic {
        .error("test-unknown-id", Localized(zh: "\(label(test, inherited: false).zh)：细则中没有\(what.zh) `\(id)`",
                                                   en: "\(label(test, inherited: false).en): the rules have no \(what.en) `\(id)`"),
                      at: location, hint: hint)
    }

    static func invalidMetric(_ test: RulesTest, metric: String, message: Localized, hint: Localized?, at location: SourceLocation) -> Diagnostic {
        .error("test-invalid-metric", Localized(zh: "\(label(test, inherited: false).zh)：指标 `\(metric)` 的取值不符合其类型（\(message.zh)）",
                                                en: "\(label(test, inherited: false).en): metric `\(metric)`: \(message.en)"),
               at: location, hint: hint)
    }

    static func scoreAboveMax(_ test: RulesTest, item: String, score: Rational, max: Rational, at location: SourceLocation) -> Diagnostic {
        .error("test-invalid-ballot", Localized(zh: "\(label(test, inherited: false).zh)：`\(item)` 的评分 \(score.plainText()) 超过满分 \(max.plainText())",
                                                en: "\(label(test, inherited: false).en): the score \(score.plainText()) for `\(item)` is above its \(max.plainText()) points"),
               at: location)
    }

    /// A test's unit with values no unit can have (`UnitTable.ImpossibleValue`): worded as a
    /// units file's (`ReaderMessages.impossible`), said of the test, at the value in the rules
    /// file (a ratio's numerator, a survey's population; the test itself where it gives none).
    static func impossible(_ test: RulesTest, _ v: UnitTable.ImpossibleValue, in table: UnitTable, rules: Rules) -> Diagnostic {
        let at = v.kind == .ratio ? v.parts[0] : v.limit
        let words = ReaderMessages.impossible(v, in: table, rules: rules, cells: false, who: label(test, inherited: false))
        return .error(v.kind.code, words.text, at: table.location(metric: at, unit: v.unit), path: rules.metrics[at].id, hint: words.hint)
    }

    static func targetText(_ t: RulesTest.Target, _ lang: Language) -> String {
        switch t {
        case .standard(let id): lang.t("标准 `\(id)` 得分", "standard `\(id)`")
        case .area(let id): lang.t("方面 `\(id)` 小计", "area `\(id)` subtotal")
        case .bonus: lang.t("加分", "bonus")
        case .total: lang.t("总分", "total")
        case .grade: lang.t("等级", "grade")
        }
    }

    /// `file:line:col: error: test `name`: standard `x` expected 3, got 2`.
    static func failed(_ test: RulesTest, _ e: RulesTest.Expectation, expected: String, actual: String, inherited: Bool,
                       hint: Localized? = nil) -> Diagnostic {
        .error("test-failed",
               Localized(zh: "\(label(test, inherited: inherited).zh)：\(targetText(e.target, .zh))应为 \(expected)，实际为 \(actual)",
                         en: "\(label(test, inherited: inherited).en): \(targetText(e.target, .en)) expected \(expected), got \(actual)"),
               at: e.location, hint: hint)
    }

    /// Why an inherited expectation may no longer hold: written for the base's criteria. When
    /// this file changed the points of the standard or area it names, says so (`本文件把 … 从 4
    /// 分改为 5 分`): a committee reads "expected, because we changed it", not "the rules are broken".
    static func writtenForBase(_ base: Rules, _ rules: Rules, _ target: RulesTest.Target) -> Localized {
        let written = Localized(zh: "这个期望按基础文件 `\(PathText.lastComponent(base.sourceFiles.first ?? ""))` 的细则写，本文件的改动可能使它不再成立（`kaimen rules diff` 列出改动）；是有意的改动就在本文件写一个新的测试",
                                en: "this expectation was written for the base file `\(PathText.lastComponent(base.sourceFiles.first ?? ""))`'s criteria, which this file changes (`kaimen rules diff` lists how); if the change is meant, write this file a test of its own")
        let points: (Rules) -> (name: String, points: Rational)? = { r in
            switch target {
            case .standard(let id): (r.standards + r.bonuses + r.deductions).first { $0.id == id }.map { ($0.name, $0.points) }
            case .area(let id): r.areas.first { $0.id == id }.map { ($0.name, $0.points) }
            case .bonus, .total, .grade: nil
            }
        }
        let id: String
        switch target {
        case .standard(let named), .area(let named): id = named
        case .bonus, .total, .grade: return written
        }
        guard let old = points(base), let new = points(rules), old.points != new.points else { return written }
        return changedPoints(id, old.name, old.points, new.points)
            .joined(hint: Localized(zh: "要检查新分值，在本文件写一个自己的测试", en: "to check the new points, write this file a test of its own"))
    }

    private static func changedPoints(_ id: String, _ name: String, _ old: Rational, _ new: Rational) -> Localized {
        Localized(zh: "本文件把 `\(id)`（\(name)）的分值从 \(old.plainText()) 分改为 \(new.plainText()) 分，这个期望不成立在意料之中",
                  en: "this file makes `\(id)` (\(name)) worth \(new.plainText()) points instead of \(old.plainText()), so this expectation is expected not to hold")
    }

    /// Said once by `rules test --inherited` when a base's ballot standards have other points here.
    static func inheritedBallotsCarried(_ file: String, _ carry: BallotCarry) -> Diagnostic {
        let zh = carry.rescaled.map { "`\($0.key)`（\($0.name)）\($0.oldMax?.plainText() ?? "") → \($0.newMax?.plainText() ?? "") 分" }.joined(separator: "、")
        let en = carry.rescaled.map { "`\($0.key)` (\($0.name)) \($0.oldMax?.plainText() ?? "") → \($0.newMax?.plainText() ?? "")" }.joined(separator: ", ")
        return .note(.testBallotsCarried,
                     Localized(zh: "继承自 `\(PathText.lastComponent(file))` 的测试的选票按该文件的分值写；本文件改了 \(zh)：这些票按同样的比例折算，与 `kaimen compare` 相同",
                               en: "the tests inherited from `\(PathText.lastComponent(file))` give ballots on that file's points; this file changes \(en): they are taken as the same share of the new points, as `kaimen compare` takes them"))
    }

    /// How every message names a test: `测试“名称”`, `测试“名称”（继承）` for a base file's.
    static func label(_ test: RulesTest, inherited: Bool) -> Localized {
        Localized(zh: "测试“\(test.name)”" + (inherited ? "（继承）" : ""), en: "test `\(test.name)`" + (inherited ? " (inherited)" : ""))
    }

    /// A base file's test that names what this file changed: labelled as any inherited test's
    /// message is (`测试“…”（继承）：细则中没有标准 …`), what changed said in the hint.
    static func inheritedBroken(_ test: RulesTest, _ d: Diagnostic) -> Diagnostic {
        var d = d
        d.code = "test-failed"
        let (own, inherited) = (label(test, inherited: false), label(test, inherited: true))
        d.text = Localized(zh: d.text.zh.hasPrefix(own.zh) ? inherited.zh + d.text.zh.dropFirst(own.zh.count) : d.text.zh,
                           en: d.text.en.hasPrefix(own.en) ? inherited.en + d.text.en.dropFirst(own.en.count) : d.text.en)
        let changed = Localized(zh: "本文件已改动这个继承的测试所引用的内容", en: "this file changed what the inherited test names")
        d.hintText = d.hintText.map { changed.joined(hint: $0) } ?? changed
        return d
    }
}
