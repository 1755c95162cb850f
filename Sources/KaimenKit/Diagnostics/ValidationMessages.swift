/// The texts of the problems found while loading (`extends`, `override`, `remove`) and
/// validating a rules file as a whole, in Chinese and English.
enum ValidationMessages {
    typealias L = Localized

    // MARK: Loading

    static func rulesNotUTF8(_ path: String) -> L {
        L(zh: "`\(path)` 不是 UTF-8 文本", en: "`\(path)` is not UTF-8 text")
    }
    /// A whole rules file in another encoding: `UTF-16 LE`, `GB18030`.
    static func rulesOtherEncoding(_ path: String, _ encoding: String) -> L {
        L(zh: "`\(path)` 是 \(encoding) 编码的文本，不是 UTF-8", en: "`\(path)` is \(encoding) text, not UTF-8")
    }
    static let saveRulesAsUTF8 = L(zh: "请把规则文件存为 UTF-8（记事本或编辑器的“另存为”中选编码 UTF-8）",
                                   en: "save the rules file as UTF-8 (choose the UTF-8 encoding in your editor's Save As)")
    static let retypeStrayRules = L(zh: "删去这几个字重新输入，再把规则文件存为 UTF-8", en: "delete these characters, type them again, and save the rules file as UTF-8")
    static func rulesInvalid(_ path: String) -> L { L(zh: "`\(path)` 无法作为规则文件读取", en: "`\(path)` could not be read as a rules file") }
    static func extendsMissing(_ name: String, _ from: String) -> L {
        L(zh: "`extends` 写的是 `\(name)`，但 `\(from)` 旁边没有这个文件", en: "`extends` names `\(name)`, but there is no such file next to `\(from)`")
    }
    static func extendsNear(_ near: String, lookedFor path: String) -> L {
        L(zh: "是不是 `\(near)`？路径相对于本文件；找的是 \(path)", en: "did you mean `\(near)`? The path is relative to this file; looked for \(path)")
    }
    static func lookedFor(_ path: String) -> L {
        L(zh: "路径相对于本文件；找的是 \(path)", en: "the path is relative to this file; looked for \(path)")
    }
    static func noSuchFile(_ path: String) -> L { L(zh: "无法读取 `\(path)`：没有这个文件", en: "cannot read `\(path)`: no such file") }
    static func withoutExtends(_ key: String) -> L {
        L(zh: "`\(key)` 只能用在 `extends` 另一个文件的规则文件里", en: "`\(key)` only makes sense in a file that `extends` another")
    }
    static let addExtends = L(zh: "加上 \"extends\": \"base.jsonc\"，或直接修改各项", en: "add \"extends\": \"base.jsonc\", or edit the entries directly")
    static let extendsText = L(zh: "`extends` 必须是规则文件的路径（文字）", en: "`extends` must be the path of a rules file, as text")
    static func extendsCycle(_ cycle: String) -> L { L(zh: "`extends` 绕成了一个圈：\(cycle)", en: "`extends` goes round in a circle: \(cycle)") }
    static let noSelfExtend = L(zh: "文件不能直接或间接地继承自己", en: "a file cannot extend itself, directly or through others")

    // MARK: Merging

    static func alreadyDefined(_ id: String, _ file: String, line: Int, _ key: String) -> L {
        L(zh: "`\(id)` 已在 \(file) 第 \(line) 行定义；继承的文件要在 `override.\(key)` 下修改它",
          en: "`\(id)` is already defined in \(file) at line \(line); an extending file changes it under `override.\(key)`")
    }
    /// An extending file without its own `id` or `title` (`missing`: the keys it lacks), which
    /// the base's would then stand for on every paper and in the sealed record.
    static func inheritsName(_ missing: [String], base: String, title: String?, id: String?, issuer: String?) -> L {
        let keys = missing.map { "`\($0)`" }
        var zh = "继承 \(base) 的细则没有写自己的 " + keys.joined(separator: "、") + "："
        var en = "a file that extends \(base) has no " + keys.joined(separator: ", ") + " of its own: "
        var effects: (zh: [String], en: [String]) = ([], [])
        if missing.contains("title") {
            effects.zh.append("汇总表、评分表和公示会印上「\(title ?? base)」")
            effects.en.append("the summary, score sheets and notice would print \"\(title ?? base)\"")
        }
        if missing.contains("id") {
            effects.zh.append("细则版本和封存记录会记成 \(id ?? base)")
            effects.en.append("the rules version and the sealed record would say \(id ?? base)")
        }
        if missing.contains("issuer") {
            effects.zh.append("公示的落款会印上「\(issuer ?? base)」")
            effects.en.append("the notice would be signed \"\(issuer ?? base)\"")
        }
        zh += effects.zh.joined(separator: "，")
        en += effects.en.joined(separator: ", and ")
        return L(zh: zh, en: en)
    }
    static func writeOwnName(_ missing: [String]) -> L {
        L(zh: "在文件开头写明本细则的 " + missing.map { "`\($0)`" }.joined(separator: "、")
                + "（如 \"id\": \"dongcheng-2019\", \"title\": \"东城区总工会……考核细则（2019年）\", \"issuer\": \"东城区总工会\"）",
          en: "write this file's own " + missing.map { "`\($0)`" }.joined(separator: ", ")
                + " at its top (e.g. \"id\": \"dongcheng-2019\", \"title\": \"Dongcheng … criteria (2019)\", \"issuer\": \"Dongcheng union\")")
    }
    /// `version` or `effective` not written by a file that extends another: the base's stand for it.
    static func inheritsVersion(_ missing: [String], base: String, version: String?, effective: (from: String, to: String?)?) -> L {
        let keys = missing.map { "`\($0)`" }
        var zh: [String] = [], en: [String] = []
        if missing.contains("version"), let version { zh.append("版本 \(version)"); en.append("version \(version)") }
        if missing.contains("effective"), let e = effective {
            zh.append("有效期 " + (e.to.map { "\(e.from) – \($0)" } ?? "\(e.from) 起"))
            en.append("period " + (e.to.map { "\(e.from) – \($0)" } ?? "from \(e.from)"))
        }
        guard !zh.isEmpty else {
            return L(zh: "继承 \(base) 的细则没有写自己的 " + keys.joined(separator: "、"), en: "a file that extends \(base) has no " + keys.joined(separator: " or ") + " of its own")
        }
        return L(zh: "继承 \(base) 的细则没有写自己的 " + keys.joined(separator: "、") + "：会沿用 \(base) 的" + zh.joined(separator: "、") + "，印在汇总表和评分表上",
                 en: "a file that extends \(base) has no " + keys.joined(separator: " or ") + " of its own: \(base)'s " + en.joined(separator: " and ")
                    + " would stand for it on the summary and score sheets")
    }
    static func writeOwnVersion(_ missing: [String]) -> L {
        let example = missing.map { $0 == "version" ? #""version": "2024.1""# : #""effective": { "from": "2024-01-01", "to": "2024-12-31" }"# }.joined(separator: ", ")
        return L(zh: "在文件开头写明本细则的 " + missing.map { "`\($0)`" }.joined(separator: "、") + "（如 \(example)）",
                 en: "write this file's own " + missing.map { "`\($0)`" }.joined(separator: " and ") + " at its top (e.g. \(example))")
    }
    static func moveToOverride(_ key: String) -> L {
        L(zh: "把这一项移到 \"override\": { \"\(key)\": [ … ] }", en: "move this entry to \"override\": { \"\(key)\": [ … ] }")
    }
    static let ids = L(zh: "编号", en: "ids")
    static let partialEntries = L(zh: "带 `id` 的部分条目", en: "partial entries with an `id`")
    static func mustBeListOf(_ path: String, _ what: L) -> L { L(zh: "`\(path)` 必须是\(what.zh)的列表", en: "`\(path)` must be a list of \(what.en)") }
    static func baseHasNo(_ key: String, remove: Bool) -> L {
        L(zh: "基础文件没有可以\(remove ? "删除" : "覆盖")的 `\(key)`", en: "the base file has no `\(key)` to \(remove ? "remove from" : "override")")
    }
    static func removeIDsAsText(_ key: String, _ node: JSONNode) -> L {
        L(zh: "`remove.\(key)` 要用文字列出编号，不能是\(RulesMessages.typeName(node).zh)", en: "`remove.\(key)` lists ids as text, not \(RulesMessages.typeName(node).en)")
    }
    static func cannotRemove(_ id: String, _ file: String, _ key: String) -> L {
        L(zh: "无法删除 `\(id)`：\(file) 的 `\(key)` 里没有这一项", en: "cannot remove `\(id)`: \(file) has no such entry in `\(key)`")
    }
    /// The id is in the base's `collection`, not the one it was removed from.
    static func removeFrom(_ collection: String, _ id: String) -> L {
        L(zh: "`\(id)` 是\(collectionName(collection).zh)：列入 `remove.\(collection)`", en: "`\(id)` is a \(collectionName(collection).en): list it under `remove.\(collection)`")
    }
    /// One entry of a rules collection, by the collection's key.
    static func collectionName(_ collection: String) -> L {
        switch collection {
        case "metrics": metric
        case "areas": area
        case "bonuses": RulesMessages.role(.bonus)
        case "deductions": RulesMessages.role(.deduction)
        case "vetoes": L(zh: "否决项", en: "veto")
        default: RulesMessages.role(.standard)
        }
    }
    /// What to do about an id removed while `users` (standards, items, vetoes, tie-breaks) still
    /// use it, besides keeping it: remove each kind of user from its own collection, or change
    /// the tie-break.
    static func removeUsersToo(_ kept: L, users: [(collection: String?, tieBreak: Bool)], area: Bool = false) -> L {
        var zh: [String] = [], en: [String] = []
        for collection in ["standards", "bonuses", "deductions", "vetoes"] where users.contains(where: { $0.collection == collection }) {
            zh.append("把\(area ? "属于" : "用到")它的\(collectionName(collection).zh)也列入 `remove.\(collection)`")
            en.append("remove the \(collection) \(area ? "in" : "that use") it too (`remove.\(collection)`)")
        }
        if users.contains(where: \.tieBreak) {
            zh.append("在扩展文件的 `ranking.tieBreak` 里改用别的同分比较条件")
            en.append("give other tie-breaks in the extending file's `ranking.tieBreak`")
        }
        return L(zh: kept.zh + "，或" + zh.joined(separator: "，并"), en: kept.en + ", or " + en.joined(separator: ", and "))
    }
    static func overrideEntryObject(_ key: String) -> L {
        L(zh: "`override.\(key)` 的每一项都必须是带 `id` 的对象", en: "each entry of `override.\(key)` must be an object with an `id`")
    }
    static func overrideNeedsID(_ key: String) -> L {
        L(zh: "`override.\(key)` 的条目需要写明要修改的那一项的 `id`", en: "an entry of `override.\(key)` needs the `id` of the entry it changes")
    }
    static func cannotOverride(_ id: String, _ file: String, _ key: String) -> L {
        L(zh: "无法覆盖 `\(id)`：\(file) 的 `\(key)` 里没有这一项", en: "cannot override `\(id)`: \(file) has no such entry in `\(key)`")
    }
    static let tieBreakLabel = L(zh: "同分比较条件", en: "a tie-break")
    /// `remove.metrics` dropped a metric the base's `publicity.signature` still reads.
    static func removedMetricInUse(_ id: String, _ user: L, _ file: String, line: Int, others: [L]) -> L {
        L(zh: "`remove.metrics` 删除了指标 `\(id)`，但\(user.zh)（\(file) 第 \(line) 行）还在用它\(alsoUsing(others).zh)",
          en: "`remove.metrics` removes the metric `\(id)`, but \(user.en) (\(file), line \(line)) still reads it\(alsoUsing(others).en)")
    }
    /// The other entries that still use a removed id, by name: four at most, then how many more.
    static func alsoUsing(_ others: [L]) -> L {
        guard !others.isEmpty else { return L(zh: "", en: "") }
        let named = others.prefix(4), more = others.count - named.count
        return L(zh: "；另外还有" + named.map(\.zh).joined(separator: "、") + (more > 0 ? " 等 \(others.count) 处" : ""),
                 en: "; also " + named.map(\.en).joined(separator: ", ") + (more > 0 ? " and \(more) more" : ""))
    }
    static let keepMetric = L(zh: "保留这个指标（从 `remove.metrics` 中删去它）", en: "keep the metric (take it out of `remove.metrics`)")
    static func addNewUnder(_ key: String) -> L { L(zh: "要新增一项，请列在 `\(key)` 下", en: "to add a new entry, list it under `\(key)`") }

    // MARK: Validation

    static let metric = L(zh: "指标", en: "metric")
    /// `remove.areas` dropped an area a kept standard is still in (or a tie-break names).
    static func removedAreaInUse(_ id: String, _ user: L, _ file: String, line: Int, others: [L], tieBreak: Bool) -> L {
        L(zh: "`remove.areas` 删除了方面 `\(id)`，但\(user.zh)（\(file) 第 \(line) 行）\(tieBreak ? "还按它比较" : "还属于它")\(alsoUsing(others).zh)",
          en: "`remove.areas` removes the area `\(id)`, but \(user.en) (\(file), line \(line)) \(tieBreak ? "still breaks ties by it" : "is still in it")\(alsoUsing(others).en)")
    }
    static let keepArea = L(zh: "保留这个方面（从 `remove.areas` 中删去它）", en: "keep the area (take it out of `remove.areas`)")
    static let orMoveToArea = L(zh: "；标准和加分、扣分项也可以用 `override` 改到别的方面", en: "; standards and items may instead move to another area under `override`")
    /// `remove.standards` dropped a standard a kept tie-break still names.
    static func removedItemInUse(_ collection: String, _ id: String, _ user: L, _ file: String, line: Int, others: [L]) -> L {
        L(zh: "`remove.\(collection)` 删除了 `\(id)`，但\(user.zh)（\(file) 第 \(line) 行）还按它比较\(alsoUsing(others).zh)",
          en: "`remove.\(collection)` removes `\(id)`, but \(user.en) (\(file), line \(line)) still breaks ties by it\(alsoUsing(others).en)")
    }
    static func keepOrChangeTieBreak(_ collection: String) -> L {
        L(zh: "保留它（从 `remove.\(collection)` 中删去它），或在扩展文件的 `ranking.tieBreak` 里改用别的同分比较条件",
          en: "keep it (take it out of `remove.\(collection)`), or give other tie-breaks in the extending file's `ranking.tieBreak`")
    }
    static let area = L(zh: "方面", en: "area")
    static let anyEntry = L(zh: "标准、加分项、扣分项或否决项", en: "standard, bonus, deduction or veto")
    static func duplicateID(_ what: L, _ id: String, _ at: SourceLocation) -> L {
        L(zh: "\(what.zh)编号 `\(id)` 用了两次；第一次定义在 \(at.rendered(.zh))", en: "\(what.en) id `\(id)` is used twice; it was first defined at \(at.rendered(.en))")
    }
    static func ownID(_ what: L) -> L { L(zh: "每个\(what.zh)要有自己的编号", en: "give each \(what.en) its own id") }
    static func duplicateBallotName(_ name: String, _ at: SourceLocation) -> L {
        L(zh: "由代表打分的标准名称“\(name)”用了两次；第一次在 \(at.rendered(.zh))",
          en: "the ballot standard name “\(name)” is used twice; first at \(at.rendered(.en))")
    }
    /// Two ballot standards' names that differ only in the width of their brackets, digits or letters.
    static func ballotNamesByWidth(_ name: String, _ prior: String, _ at: SourceLocation) -> L {
        L(zh: "由代表打分的标准名称“\(name)”与“\(prior)”（\(at.rendered(.zh))）只差全角半角，录入表按同一名称读取",
          en: "the ballot standard name “\(name)” differs from “\(prior)” (\(at.rendered(.en))) only in full- or half-width characters, which the entry sheets read as one name")
    }
    static let ownBallotName = L(zh: "评分表和录入表以名称作列标题，两条同名的标准无法区分：给每条由代表打分的标准一个自己的名称",
                                 en: "the score sheets and entry templates head their columns by these names, so two alike cannot be told apart: give each ballot standard its own name")
    static func duplicateGrade(_ name: String, _ at: SourceLocation) -> L {
        L(zh: "等级 `\(name)` 列了两次；第一次在 \(at.rendered(.zh))", en: "grade `\(name)` is listed twice; first at \(at.rendered(.en))")
    }
    static func emptyArea(_ id: String, _ name: String) -> L {
        L(zh: "方面 `\(id)`（\(name)）没有标准", en: "area `\(id)` (\(name)) has no standards")
    }
    static func addToArea(_ id: String) -> L {
        L(zh: "加上 \"area\": \"\(id)\" 的标准，或删掉这个方面", en: "add standards with \"area\": \"\(id)\", or remove the area")
    }
    static func cappedUnreachable(_ id: String, _ sum: String, _ points: String) -> L {
        L(zh: "封顶方面 `\(id)` 的标准合计 \(sum) 分，少于该方面的 \(points) 分，永远达不到",
          en: "the standards of capped area `\(id)` add up to \(sum) points, less than the area's \(points); it can never be reached")
    }
    static func areaSum(_ id: String, _ name: String, _ sum: String, _ points: String, _ list: String) -> L {
        L(zh: "方面 `\(id)`（\(name)）的标准合计 \(sum) 分，但该方面是 \(points) 分（\(list)）",
          en: "the standards of area `\(id)` (\(name)) add up to \(sum) points, but the area has \(points) (\(list))")
    }
    /// An area's problem that a `remove` of standard `id` made.
    static func afterRemoving(_ text: L, _ id: String) -> L {
        L(zh: "删除标准 `\(id)` 之后，" + text.zh, en: "with `\(id)` removed, " + text.en)
    }
    static func overrideAreaPoints(_ id: String, _ sum: String) -> L {
        L(zh: "在扩展文件的 `override.areas` 里写 `{ \"id\": \"\(id)\", \"points\": \(sum) }`，或不删除这条标准",
          en: "write `{ \"id\": \"\(id)\", \"points\": \(sum) }` under the extending file's `override.areas`, or keep the standard")
    }
    static func removeAreaToo(_ id: String) -> L {
        L(zh: "把方面 `\(id)` 也列入 `remove.areas`，或不删除它的全部标准", en: "remove the area `\(id)` too (`remove.areas`), or keep some of its standards")
    }
    /// What makes an area's standards add up to its points. Short of them (`sum` < `points`),
    /// `"capped": true` does not help: a capped area whose standards cannot reach its points is
    /// an error too (before 0.29.2 this hint offered it).
    static func matchAreaSum(_ sum: String, _ points: String, _ diff: String, short: Bool) -> L {
        short ? L(zh: "把该方面的 `points` 改成 \(sum)，或把它的标准的分值共加 \(diff) 分，使合计等于 \(points)",
                  en: "set the area's `points` to \(sum), or raise its standards' points by \(diff) in all so they add up to \(points)")
            : L(zh: "把该方面的 `points` 改成 \(sum)，或把它的标准的分值共减 \(diff) 分；如果该方面最多计 \(points) 分，写 \"capped\": true",
                en: "set the area's `points` to \(sum), or lower its standards' points by \(diff) in all; or, if the area counts at most \(points), set \"capped\": true")
    }
    static func areaBallots(_ id: String, _ n: Int) -> L {
        L(zh: "方面 `\(id)` 有 \(n) 条按整个方面由代表打分的标准；代表对一个方面只打一个分，只留一条",
          en: "area `\(id)` has \(n) standards scored by ballot on the whole area; representatives cast one area score, so keep one")
    }
    static func entry(_ s: Standard) -> L {
        let role = RulesMessages.role(s.role)
        return L(zh: "\(role.zh) `\(s.id)`", en: "\(s.role == .standard ? "standard" : s.role.rawValue) `\(s.id)`")
    }
    static func unknownArea(_ label: L, _ area: String) -> L {
        L(zh: "\(label.zh) 属于方面 `\(area)`，但没有定义这个方面", en: "\(label.en) is in area `\(area)`, which is not defined")
    }
    static let addUnderAreas = L(zh: "在 `areas` 下加上它", en: "add it under `areas`")
    static let standard = L(zh: "标准", en: "standard")
    /// `依法维权` is the name of area `rights`: a reference takes the id.
    static func useID(_ id: String, name: String, _ what: L) -> L {
        L(zh: "“\(name)”是\(what.zh)的名称，这里要写编号：用编号 `\(id)`", en: "“\(name)” is the \(what.en)'s name; an id belongs here: use the id `\(id)`")
    }
    static func notAssessableExceeds(_ label: L, _ p: String, _ points: String) -> L {
        L(zh: "\(label.zh) 无法考核时得 \(p) 分，超过了它的 \(points) 分", en: "\(label.en) would score \(p) when not assessable, more than its \(points) points")
    }
    static func cannotProrate(_ label: L) -> L {
        L(zh: "\(label.zh) 不能按比例折算；只有方面内的标准可以", en: "\(label.en) cannot be prorated; only area standards can")
    }
    static func rateThreshold(_ label: L, _ key: String, _ v: String) -> L {
        L(zh: "\(label.zh)：`\(key)` 是 \(v)，但比率最大是 1（100%）", en: "\(label.en): `\(key)` is \(v), but a rate is at most 1 (100%)")
    }
    static func writeFraction(_ fraction: String, _ v: String) -> L {
        L(zh: "比率写成小数：\(v)% 写 \(fraction)", en: "write rates as fractions: \(fraction) for \(v)%")
    }
    static func targetEqualsFloor(_ label: L, _ v: String) -> L {
        L(zh: "\(label.zh)：`target` 必须不同于 `floor`（两者都是 \(v)）", en: "\(label.en): `target` must differ from `floor` (both are \(v))")
    }
    static func perUnitPositive(_ label: L) -> L { L(zh: "\(label.zh)：`perUnit` 必须大于 0", en: "\(label.en): `perUnit` must be above 0") }
    static func duplicateChecklistItem(_ id: String, _ label: L) -> L {
        L(zh: "检查项 `\(id)` 在 \(label.zh) 里列了两次", en: "checklist item `\(id)` is listed twice in \(label.en)")
    }
    static func checklistSum(_ label: L, _ sum: String, _ points: String) -> L {
        L(zh: "\(label.zh) 的检查项合计 \(sum) 分，但该标准是 \(points) 分", en: "the checklist items of \(label.en) add up to \(sum) points, but the standard has \(points)")
    }
    static let matchItems = L(zh: "让各检查项的分数加起来等于标准的分数", en: "make the items' points add up to the standard's")
    static func zeroDenominatorExceeds(_ label: L, _ p: String, _ points: String) -> L {
        L(zh: "\(label.zh)：分母为 0 时得 \(p) 分，超过了标准的 \(points) 分", en: "\(label.en): a zero denominator gives \(p) points, more than the standard's \(points)")
    }
    static func ratioOfItself(_ label: L, _ id: String) -> L {
        L(zh: "\(label.zh)：比率用 `\(id)` 除以它自己", en: "\(label.en): the ratio divides `\(id)` by itself")
    }
    static func bandRateThreshold(_ i: Int, _ label: L, _ key: String, _ v: String) -> L {
        L(zh: "\(label.zh) 的第 \(i + 1) 档从 \(key) \(v) 开始，但比率最大是 1（100%）",
          en: "band \(i + 1) of \(label.en) starts at \(key) \(v), but a rate is at most 1 (100%)")
    }
    static func bandExceeds(_ i: Int, _ label: L, _ p: String, _ points: String) -> L {
        L(zh: "\(label.zh) 的第 \(i + 1) 档给 \(p) 分，超过了标准的 \(points) 分", en: "band \(i + 1) of \(label.en) gives \(p) points, more than the standard's \(points)")
    }
    static func bandsOverlap(_ i: Int, _ label: L, _ key: String, _ v: String) -> L {
        L(zh: "\(label.zh) 的第 \(i) 档和第 \(i + 1) 档都从 \(key) \(v) 开始", en: "bands \(i) and \(i + 1) of \(label.en) both start at \(key) \(v)")
    }
    static let ownThreshold = L(zh: "每一档要有自己的起点", en: "each band needs its own threshold")
    static func bandsOrder(_ label: L, _ key: String, _ v: String, _ prev: String, atLeast: Bool) -> L {
        L(zh: "\(label.zh) 的分档顺序不对：\(key) \(v) 排在 \(key) \(prev) 之后；请\(atLeast ? "从最高的 `min` 往下" : "从最低的 `max` 往上")排列",
          en: "the bands of \(label.en) are not in order: \(key) \(v) comes after \(key) \(prev); list them \(atLeast ? "from the highest `min` down" : "from the lowest `max` up")")
    }
    static let widerBandFirst = L(zh: "排在更宽一档后面的档永远不会用到", en: "a band after a wider one can never be reached")
    static func bandNotMonotone(_ i: Int, _ label: L, _ p: String, _ prev: String) -> L {
        L(zh: "\(label.zh) 的第 \(i + 1) 档给 \(p) 分，比前面更好的一档（\(prev)）还多",
          en: "band \(i + 1) of \(label.en) gives \(p) points, more than the better band before it (\(prev))")
    }
    static let pointsNotIncrease = L(zh: "数值越差，分数不能越高", en: "points must not increase as the value gets worse")
    static func otherwiseExceeds(_ label: L, _ p: String, _ last: String) -> L {
        L(zh: "\(label.zh) 的 `otherwise` 给 \(p) 分，比最差的一档（\(last)）还多",
          en: "\(label.en) gives \(p) points `otherwise`, more than its worst band (\(last))")
    }
    static func lastGradeMin(_ name: String) -> L {
        L(zh: "最后一个等级 `\(name)` 不能有 `min`：它接住低于其他等级的所有总分",
          en: "the last grade `\(name)` must have no `min`: it catches every total below the others")
    }
    static let removeMin = L(zh: "删掉最后一个等级的 \"min\"", en: "remove \"min\" from the last grade")
    /// An extending file's `grades` replaces the base's whole list (said at that list).
    static func gradesReplaceBase(_ file: String, base: String, _ baseGrades: String) -> L {
        L(zh: "`\(file)` 的 `grades` 替换基础文件 `\(base)` 的整个等级列表，不是逐个修改；要保留的等级都要写出来。基础文件的等级：\(baseGrades)",
          en: "`\(file)`'s `grades` replaces the whole list of the base file `\(base)`, not grade by grade; write every grade to keep. The base's grades: \(baseGrades)")
    }
    /// A base's veto names a grade the extending file's `grades` left out.
    static func vetoGradeReplaced(_ veto: String, _ grade: String, file: String) -> L {
        L(zh: "基础文件的否决项 `\(veto)` 规定的等级 `\(grade)` 不在 `\(file)` 的 `grades` 里",
          en: "the base's veto `\(veto)` forces grade `\(grade)`, which `\(file)`'s `grades` leaves out")
    }
    /// `override.grades`, `remove.grades`: the list is written whole at the top level.
    static func writeWholeGrades(_ baseGrades: String) -> L {
        L(zh: "等级没有编号，不能逐个 override：在文件顶层写完整的 \"grades\": [ … ]，它替换基础文件的整个列表" + (baseGrades.isEmpty ? "" : "；基础文件的等级：\(baseGrades)"),
          en: "grades have no ids to override one by one: write the whole \"grades\": [ … ] at the top level, which replaces the base's list" + (baseGrades.isEmpty ? "" : "; the base's grades: \(baseGrades)"))
    }
    static func gradeWithoutMin(_ name: String) -> L {
        L(zh: "等级 `\(name)` 没有 `min`；只有最后一个等级可以不写", en: "grade `\(name)` has no `min`; only the last grade may go without one")
    }
    static func gradesOrder(_ name: String, _ m: String, _ prev: String) -> L {
        L(zh: "等级 `\(name)` 从 \(m) 开始，不低于前一个等级（\(prev)）；请从最好到最差排列等级",
          en: "grade `\(name)` starts at \(m), not below the grade before it (\(prev)); list grades from best to worst")
    }
    static func unknownGrade(_ veto: String, _ grade: String) -> L {
        L(zh: "否决项 `\(veto)` 规定的等级 `\(grade)` 不在等级列表里", en: "veto `\(veto)` forces grade `\(grade)`, which is not one of the grades")
    }
    static func useOneOf(_ names: [String]) -> L {
        let list = names.map { "`\($0)`" }
        return L(zh: "可用 \(list.joined(separator: "、"))", en: "use one of \(list.joined(separator: ", "))")
    }
    static func tieBreakArea(_ id: String) -> L { L(zh: "同分时按方面 `\(id)` 比较，但没有定义这个方面", en: "tie-break by area `\(id)`, which is not defined") }
    static func tieBreakStandard(_ id: String) -> L { L(zh: "同分时按标准 `\(id)` 比较，但没有定义这条标准", en: "tie-break by standard `\(id)`, which is not defined") }
    static func tieBreakMetric(_ id: String) -> L { L(zh: "同分时按指标 `\(id)` 比较，但没有声明这个指标", en: "tie-break by metric `\(id)`, which is not declared") }
}
