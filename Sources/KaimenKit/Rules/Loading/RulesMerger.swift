/// Applies an extending file to its (already merged) base, at the level of the JSON tree, so
/// every value keeps pointing into the file that wrote it.
///
/// - plain keys (`effective` too) replace the base's; `ranking` and `ballots` merge key by key;
/// - a collection (`metrics`, `areas`, …) in the child adds entries; reusing a base id is an error;
/// - `override.<collection>` changes entries by id, key by key; `remove.<collection>` drops them.
struct RulesMerger {
    static let collections = ["metrics", "areas", "standards", "bonuses", "deductions", "vetoes"]
    static let mergedObjects = ["ranking", "ballots"]
    let ctx: DecodeContext

    /// - Parameter given: `child` is the file given (not a base in the chain below it): it
    ///   must name itself.
    func merge(child: JSONNode, base: JSONNode, baseFile: String, given: Bool = true) -> JSONNode {
        guard let childMembers = child.members, var result = base.members else { return child }
        // The file given names itself: the base's title, id and issuer would stand for it on
        // every paper and in the sealed record.
        let missing = ctx.requireOwnName && given ? ["id", "title", "issuer"].filter { key in child[key] == nil } : []
        if !missing.isEmpty {
            ctx.error(.extendsOwnName, ValidationMessages.inheritsName(missing, base: baseFile, title: base["title"]?.stringValue,
                                                                       id: base["id"]?.stringValue, issuer: base["issuer"]?.stringValue),
                      at: child["extends"]?.location ?? child.location, path: "extends", hint: ValidationMessages.writeOwnName(missing))
        }
        // Its version and period, inherited, would be printed as the base's (a rules author's
        // trial met `2014.1 · 有效期 2014-01-01 – 2014-12-31` on a 2024 file): legal, so a warning.
        let undated = ctx.requireOwnName && given ? ["version", "effective"].filter { key in child[key] == nil } : []
        if !undated.isEmpty {
            let period = base["effective"].map { e in (from: e["from"]?.stringValue ?? "", to: e["to"]?.stringValue) }
            ctx.warning(.extendsInheritsVersion, ValidationMessages.inheritsVersion(undated, base: baseFile, version: base["version"]?.stringValue,
                                                                                   effective: period),
                        at: child["extends"]?.location ?? child.location, path: "extends", hint: ValidationMessages.writeOwnVersion(undated))
        }
        result.removeAll { $0.key == "$schema" || $0.key == "extends" }

        // 1. remove
        if let remove = child["remove"] {
            applyRemove(remove, to: &result, baseFile: baseFile)
        }
        // 2. override
        if let override = child["override"] {
            applyOverride(override, to: &result, baseFile: baseFile)
        }
        // A `grades` list replaces the base's whole list: remembered, for the grade checks to say so.
        if let written = childMembers.first(where: { $0.key == "grades" }), let baseGrades = base["grades"]?.elements {
            ctx.gradesReplaced = (written.keyLocation, written.keyLocation.file, baseFile, RulesMerger.gradesText(baseGrades))
        }
        // 3. plain keys and additions
        for m in childMembers where !["remove", "override", "extends"].contains(m.key) {
            if m.key == "tests", let added = m.value.elements, let i = result.firstIndex(where: { $0.key == m.key }),
               let inherited = result[i].value.elements {
                // A file's tests add to its base's: `rules test --inherited` runs both.
                result[i] = JSONMember(key: m.key, keyLocation: m.keyLocation, value: JSONNode(.array(inherited + added), at: m.value.location))
            } else if RulesMerger.collections.contains(m.key), let added = m.value.elements {
                let existing = result.firstIndex { $0.key == m.key }
                var items = existing.flatMap { result[$0].value.elements } ?? []
                for entry in added {
                    if let id = entry["id"]?.stringValue, let prior = items.first(where: { $0["id"]?.stringValue == id }) {
                        ctx.error(.duplicateID, ValidationMessages.alreadyDefined(id, baseFile, line: prior.location.line, m.key),
                                  at: entry["id"]?.location ?? entry.location, path: "\(m.key)[\(id)]",
                                  hint: ValidationMessages.moveToOverride(m.key))
                        ctx.markUndecoded(m.key, entry)
                        continue
                    }
                    items.append(entry)
                }
                let node = JSONNode(.array(items), at: m.value.location)
                if let existing { result[existing].value = node } else { result.append(JSONMember(key: m.key, keyLocation: m.keyLocation, value: node)) }
            } else if RulesMerger.mergedObjects.contains(m.key), let i = result.firstIndex(where: { $0.key == m.key }),
                      let baseObj = result[i].value.members, let childObj = m.value.members {
                result[i].value = JSONNode(.object(mergeKeys(baseObj, childObj)), at: m.value.location)
            } else if let i = result.firstIndex(where: { $0.key == m.key }) {
                result[i] = m
            } else {
                result.append(m)
            }
        }
        return JSONNode(.object(result), at: child.location)
    }

    /// A base's grades as they would be written again: `{"name": "优秀", "min": 90, "quota": 30}, …`.
    static func gradesText(_ grades: [JSONNode]) -> String {
        grades.map { g in
            "{" + (g.members ?? []).compactMap { m -> String? in
                switch m.value.value {
                case .string(let s): "\"\(m.key)\": \"\(s)\""
                case .number(let n): "\"\(m.key)\": \(n)"
                default: nil
                }
            }.joined(separator: ", ") + "}"
        }.joined(separator: ", ")
    }

    private func mergeKeys(_ base: [JSONMember], _ child: [JSONMember]) -> [JSONMember] {
        var out = base
        for m in child {
            if let i = out.firstIndex(where: { $0.key == m.key }) { out[i] = m } else { out.append(m) }
        }
        return out
    }

    private func collectionSections(_ node: JSONNode, section: String, base: [JSONMember]) -> [JSONMember] {
        guard let r = ObjectReader(node, path: section, what: RulesMessages.quoted(section), ctx: ctx) else { return [] }
        // Grades have no ids to change one by one: the list is written whole, at the top level.
        if let grades = node.members?.first(where: { $0.key == "grades" }) {
            let baseGrades = base.first { $0.key == "grades" }?.value.elements.map(RulesMerger.gradesText) ?? ""
            ctx.error(.unknownKey, RulesMessages.unknownKey("grades", RulesMessages.quoted(section)), at: grades.keyLocation,
                      path: "\(section).grades", hint: ValidationMessages.writeWholeGrades(baseGrades))
        }
        r.finish(allowed: RulesMerger.collections + (node["grades"] == nil ? [] : ["grades"]))
        return (node.members ?? []).filter { RulesMerger.collections.contains($0.key) }
    }

    /// Walks each `<verb>.<collection>` list of `node`: `body` gets the list's entries and the
    /// base collection's entries to change in place. Reports a section that is not a list, or
    /// names a collection the base does not have.
    private func eachSection(_ node: JSONNode, _ verb: String, listOf what: Localized, unknownCode: DiagnosticCode,
                             result: inout [JSONMember], _ body: (_ section: String, _ entries: [JSONNode], _ items: inout [JSONNode]) -> Void) {
        for section in collectionSections(node, section: verb, base: result) {
            let path = "\(verb).\(section.key)"
            guard let entries = section.value.elements else {
                ctx.error(.wrongType, ValidationMessages.mustBeListOf(path, what), at: section.value.location, path: path)
                continue
            }
            guard let ci = result.firstIndex(where: { $0.key == section.key }), var items = result[ci].value.elements else {
                ctx.error(unknownCode, ValidationMessages.baseHasNo(section.key, remove: verb == "remove"),
                          at: section.value.location, path: path)
                continue
            }
            body(section.key, entries, &items)
            result[ci].value = JSONNode(.array(items), at: result[ci].value.location)
        }
    }

    private func applyRemove(_ remove: JSONNode, to result: inout [JSONMember], baseFile: String) {
        // Which collection of the base holds each id: an id removed from the wrong one
        // (a deduction under `remove.standards`) is told where it belongs.
        var owner: [String: String] = [:]
        for member in result where Self.collections.contains(member.key) {
            for item in member.value.elements ?? [] { if let id = item["id"]?.stringValue, owner[id] == nil { owner[id] = member.key } }
        }
        eachSection(remove, "remove", listOf: ValidationMessages.ids, unknownCode: .removeUnknownID, result: &result) { key, ids, items in
            for (n, idNode) in ids.enumerated() {
                guard let id = idNode.stringValue else {
                    ctx.error(.wrongType, ValidationMessages.removeIDsAsText(key, idNode), at: idNode.location, path: "remove.\(key)[\(n)]")
                    continue
                }
                if let k = items.firstIndex(where: { $0["id"]?.stringValue == id }) {
                    if key == "standards", let area = items[k]["area"]?.stringValue {
                        ctx.removedFromArea[area, default: []].append((id, idNode.location, "remove.\(key)[\(n)]"))
                    }
                    items.remove(at: k)
                    ctx.removed[key, default: [:]][id] = (idNode.location, "remove.\(key)[\(n)]")
                } else {
                    // Meant to go (misspelt, or listed under another collection): what still uses
                    // it is not reported again.
                    if owner[id] != nil { ctx.meantToRemove.insert(id) }
                    else if let meant = Suggestion.only(to: id, among: items.compactMap { $0["id"]?.stringValue }) { ctx.meantToRemove.insert(meant) }
                    ctx.error(.removeUnknownID, ValidationMessages.cannotRemove(id, baseFile, key),
                              at: idNode.location, path: "remove.\(key)[\(n)]",
                              hint: owner[id].map { ValidationMessages.removeFrom($0, id) } ?? RulesMerger.hint(id, among: items, key))
                    // What was meant to go is still there: the sum of its area is not checked
                    // (`meantToRemove`); every other check of the merged file still runs.
                }
            }
        }
    }

    /// For an id the base does not have: the id of the entry it names (`服务职工特色活动` →
    /// `publicity.signature`), or the closest id.
    static func hint(_ id: String, among items: [JSONNode], _ collection: String) -> Localized? {
        let entries: [ReferenceHint.Entry] = items.compactMap { n in n["id"]?.stringValue.map { ($0, n["name"]?.stringValue ?? $0) } }
        let what: Localized = switch collection {
        case "metrics": ValidationMessages.metric
        case "areas": ValidationMessages.area
        default: RulesMessages.role(collection == "bonuses" ? .bonus : collection == "deductions" ? .deduction : .standard)
        }
        return ReferenceHint.forID(id, among: entries, what: what)
    }

    private func applyOverride(_ override: JSONNode, to result: inout [JSONMember], baseFile: String) {
        eachSection(override, "override", listOf: ValidationMessages.partialEntries, unknownCode: .overrideUnknownID, result: &result) { key, entries, items in
            for (n, entry) in entries.enumerated() {
                guard let members = entry.members else {
                    ctx.error(.wrongType, ValidationMessages.overrideEntryObject(key), at: entry.location, path: "override.\(key)[\(n)]")
                    continue
                }
                guard let id = entry["id"]?.stringValue else {
                    ctx.error(.missingKey, ValidationMessages.overrideNeedsID(key), at: entry.location, path: "override.\(key)[\(n)]")
                    continue
                }
                guard let k = items.firstIndex(where: { $0["id"]?.stringValue == id }), let baseMembers = items[k].members else {
                    ctx.error(.overrideUnknownID, ValidationMessages.cannotOverride(id, baseFile, key),
                              at: entry["id"]?.location ?? entry.location, path: "override.\(key)[\(id)]",
                              hint: RulesMerger.hint(id, among: items, key) ?? ValidationMessages.addNewUnder(key))
                    ctx.undecoded[key, default: []].insert(id)
                    // Only what it would have set of a sum: an override that renames the area leaves
                    // its sum for the checks to report (a review).
                    if members.contains(where: { ["points", "capped"].contains($0.key) }),
                       let meant = Suggestion.only(to: id, among: items.compactMap { $0["id"]?.stringValue }) {
                        ctx.meantToOverride[key, default: []].insert(meant)
                    }
                    continue
                }
                // An override that changes the method: the base's keys the new method does not take
                // go with the old method (count's `metric` and `perUnit` under `expression` were
                // errors in the base file, with no word of why; a rules author's trial). Keys both
                // take stay, so a file that loaded before loads the same.
                // (Only a standard, bonus or deduction has a method: a stray `method` elsewhere is
                // an unknown key, and drops nothing.) The entry then stands at the override, so a
                // key the new method needs and lacks is said there, not in the base file.
                var kept = baseMembers, at = items[k].location
                if ["standards", "bonuses", "deductions"].contains(key), let method = entry["method"]?.stringValue,
                   method != items[k]["method"]?.stringValue, let keys = RulesDecoder.methodKeys[method] {
                    let taken = Set(RulesDecoder.standardCommonKeys + keys)
                    kept.removeAll { !taken.contains($0.key) }
                    at = entry.location
                }
                items[k] = JSONNode(.object(mergeKeys(kept, members)), at: at)
            }
        }
    }
}
