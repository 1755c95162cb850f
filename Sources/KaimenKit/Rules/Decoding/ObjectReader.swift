import Foundation

/// Reads the keys of one JSON object of a rules file, reporting wrong types, missing keys and
/// values out of range; `finish(allowed:)` then reports every key it was not asked for, with a
/// "did you mean" suggestion.
struct ObjectReader {
    let node: JSONNode
    let path: String
    /// How the object is named in messages: "standard `rights.contracts`", "the area", …
    let what: Localized
    let ctx: DecodeContext
    private let members: [JSONMember]

    /// `nil` (and an error) when `node` is not an object.
    init?(_ node: JSONNode, path: String, what: Localized, ctx: DecodeContext) {
        guard let members = node.members else {
            ctx.error(.wrongType, RulesMessages.mustBeObject(what, node),
                      at: node.location, path: path)
            return nil
        }
        self.node = node
        self.path = path
        self.what = what
        self.ctx = ctx
        self.members = members
    }

    /// For code that names the object in English only (prefer the `Localized` form).
    init?(_ node: JSONNode, path: String, what: String, ctx: DecodeContext) {
        self.init(node, path: path, what: Localized(same: what), ctx: ctx)
    }

    var keys: [String] { members.map(\.key) }
    func has(_ key: String) -> Bool { member(key) != nil }
    func value(_ key: String) -> JSONNode? { member(key)?.value }

    /// `key`'s member: the key itself, or else the unknown key that is its one misspelling
    /// (`pionts` for `points`, said already by `finish(allowed:)`), read as what it was meant to
    /// be so that its value and what it sets are checked in the same run (since 0.29.2: a
    /// misspelt `method` hid the standard's ratio without `zero`). A file with an unknown key
    /// never loads, so nothing is scored from it.
    private func member(_ key: String) -> JSONMember? {
        members.first { $0.key == key } ?? members.first { m in
            guard case .some(.some(let meant)) = ctx.unknownKeys[path(m.key)] else { return false }
            return meant == key
        }
    }
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    var location: SourceLocation { node.location }

    /// The locations of every key's value, for later checks.
    var fieldLocations: [String: SourceLocation] {
        var d: [String: SourceLocation] = [:]
        for m in members { d[m.key] = m.value.location }
        return d
    }

    func origin() -> Origin { Origin(location: node.location, path: path, fields: fieldLocations) }

    /// Whether an unknown key here is the one misspelling of `key` (`piont` for `points`): it
    /// already got "unknown key, did you mean …?"; "missing `points`" would only repeat it. Not
    /// when it is as near to another allowed key (`kid` to `id` and `kind`): no hint named
    /// either, so each missing one is said.
    /// (`finish(allowed:)` must have run first.)
    func hasMisspelling(of key: String) -> Bool {
        members.contains { m in
            guard case .some(.some(let meant)) = ctx.unknownKeys[path(m.key)] else { return false }
            return meant == key
        }
    }

    private func missing(_ key: String, _ expected: Localized) {
        if hasMisspelling(of: key) { return }
        ctx.error(.missingKey, RulesMessages.missingKey(what, key, expected), at: node.location, path: path,
                  hint: RulesMessages.addKey(key))
    }

    private func wrongType(_ key: String, _ v: JSONNode, _ expected: Localized) {
        ctx.error(.wrongType, RulesMessages.wrongType(key, expected, v), at: v.location, path: path(key))
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let v = value(key) else {
            if required { missing(key, RulesMessages.text) }
            return nil
        }
        guard let s = v.stringValue else { wrongType(key, v, RulesMessages.quotedText); return nil }
        if nonEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty {
            ctx.error(.emptyValue, RulesMessages.emptyValue(key), at: v.location, path: path(key))
            return nil
        }
        if ctx.limitsText, let limit = Self.textLimits[key] {
            let count = s.unicodeScalars.count
            if count > limit {
                ctx.error(.textTooLong, RulesMessages.tooLong(key, s, count: count, limit: limit), at: v.location, path: path(key),
                          hint: key == "criteria" || key == "note" ? RulesMessages.tooLongCriteriaHint
                              : key == "id" ? RulesMessages.tooLongIDHint : RulesMessages.tooLongNameHint)
            }
        }
        return s
    }

    /// At most this many characters (Unicode scalars) in the strings that papers and the
    /// workbook show, by key (since 0.23.2): a title, an issuer, a version, a name or a metric's unit 200, as a
    /// unit's name in the units file; an id 64, as there; criteria and a note 2 000 (the
    /// bundled rules' longest criteria are 85). A name of 40 000 characters pasted in by
    /// mistake reached every paper and passed the 32 767 characters an Excel cell holds.
    static let textLimits: [String: Int] = ["title": 200, "issuer": 200, "version": 200, "name": 200, "unit": 200, "id": 64,
                                            "criteria": 2000, "note": 2000]

    /// An id. A metric's id (`metric: true`) is read by formulas, where `a-b` is a subtraction,
    /// so it may not contain `-`, nor be a word formulas read as their own (`if`, `min`, `true`:
    /// before 0.29.2 such a metric was accepted, and each formula reading it failed with a
    /// message about something else).
    /// - Parameter named: ids by the names people know them by, with what they are (`依法维权`:
    ///   area `rights`): a name written for an id is answered with the id.
    func id(_ key: String, required: Bool = true, metric: Bool = false, named: [String: (id: String, what: Localized)] = [:]) -> String? {
        guard let s = string(key, required: required) else { return nil }
        if metric, IDSyntax.isValid(s), s.contains("-") {
            ctx.error(.invalidID, RulesMessages.metricIDWithMinus(s),
                      at: value(key)!.location, path: path(key),
                      hint: RulesMessages.writeInstead(s.replacingOccurrences(of: "-", with: "_")))
            return nil
        }
        if metric, Token.reserved.contains(s) {
            ctx.error(.invalidID, RulesMessages.reservedMetricID(s, function: BuiltinFunction.named(s) != nil),
                      at: value(key)!.location, path: path(key), hint: RulesMessages.pickAnotherID(s))
            return nil
        }
        guard IDSyntax.isValid(s) else {
            let meant = named[s.trimmingSpaces()]
            ctx.error(.invalidID, RulesMessages.invalidID(s),
                      at: value(key)!.location, path: path(key),
                      hint: meant.map { ValidationMessages.useID($0.id, name: s.trimmingSpaces(), $0.what) } ?? RulesMessages.invalidIDHint(s))
            return nil
        }
        return s
    }

    /// `meaning`: what the number counts, so that one written as text (`"30%"`) is answered
    /// with what to write in this field (`30`, `0.3` or `30` points).
    func number(_ key: String, required: Bool = true, nonNegative: Bool = false, meaning: NumberMeaning) -> Rational? {
        guard let v = value(key) else {
            if required { missing(key, RulesMessages.aNumber) }
            return nil
        }
        return ObjectReader.number(v, key: key, path: path(key), nonNegative: nonNegative, meaning: meaning, ctx: ctx)
    }

    static func number(_ v: JSONNode, key: String, path: String, nonNegative: Bool, meaning: NumberMeaning, ctx: DecodeContext) -> Rational? {
        guard case .number(let text) = v.value else {
            let hint = v.stringValue.flatMap { meaning.hint(key: key, text: $0) }
            ctx.error(.wrongType, RulesMessages.mustBeNumber(key, v), at: v.location, path: path, hint: hint)
            return nil
        }
        // Points too large are said as points, whatever the size (`1e308` was given the hint of a
        // data value, 12 digits and 万元, where `2000000` got the cap of a million points).
        func beyond(_ problem: NumberLimits.Problem) {
            if problem == .tooLarge && key == "points" {
                ctx.error(.rulesNumberBeyondLimits, RulesNumberMessages.pointsBeyondLimit(key, text), at: v.location, path: path,
                          hint: RulesNumberMessages.pointsHint)
            } else {
                ctx.error(.rulesNumberBeyondLimits, RulesNumberMessages.beyondLimits(key, problem, text), at: v.location, path: path,
                          hint: problem == .tooLarge && meaning == .points ? RulesNumberMessages.pointsHint : RulesNumberMessages.hint(problem))
            }
        }
        guard let r = Rational(decimal: text) else {
            if let problem = NumberLimits.check(unreadableLiteral: Substring(text)) {
                beyond(problem)
            } else {
                ctx.error(.wrongType, RulesMessages.notExact(text), at: v.location, path: path)
            }
            return nil
        }
        // The same limits as data values (docs/rules.md, *Numbers*).
        if let problem = NumberLimits.check(r) {
            beyond(problem)
            return nil
        }
        if key == "points" && r.magnitude > NumberLimits.largestPoints {
            ctx.error(.rulesNumberBeyondLimits, RulesNumberMessages.pointsBeyondLimit(key, text), at: v.location, path: path,
                      hint: RulesNumberMessages.pointsHint)
            return nil
        }
        if nonNegative && r.isNegative {
            ctx.error(.negativePoints, RulesMessages.negative(key, text), at: v.location, path: path)
            return nil
        }
        return r
    }

    func integer(_ key: String, required: Bool = true, range: ClosedRange<Int>) -> Int? {
        guard let v = value(key) else {
            if required { missing(key, RulesMessages.wholeNumber) }
            return nil
        }
        guard case .number(let text) = v.value, let n = Int(text) else {
            if case .number(let text) = v.value {
                // `2.5`: "must be a whole number, not a number" said nothing; the value is named.
                ctx.error(.wrongType, RulesMessages.notWhole(key, text), at: v.location, path: path(key))
            } else {
                wrongType(key, v, RulesMessages.wholeNumber)
            }
            return nil
        }
        guard range.contains(n) else {
            ctx.error(.outOfRange, RulesMessages.outOfRange(key, range, n),
                      at: v.location, path: path(key))
            return nil
        }
        return n
    }

    func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v.value else { wrongType(key, v, RulesMessages.trueOrFalse); return nil }
        return b
    }

    /// One of a fixed set of words.
    /// - Parameter words: what people call the options (`公式计算` for `expression`, as `rules
    ///   show` prints it; `降序` for `desc`): one of them is answered with its option.
    func choice(_ key: String, _ options: [String], required: Bool = true, words: [String: String] = [:]) -> String? {
        guard let v = value(key) else {
            if required { missing(key, RulesMessages.oneOf(options)) }
            return nil
        }
        guard let s = v.stringValue else {
            wrongType(key, v, RulesMessages.oneOf(options))
            return nil
        }
        guard options.contains(s) else {
            ctx.error(.invalidValue, RulesMessages.invalidChoice(s, key, options),
                      at: v.location, path: path(key), hint: RulesMessages.choiceHint(s, among: options, words: words))
            return nil
        }
        return s
    }

    func object(_ key: String, what: Localized, required: Bool = false) -> ObjectReader? {
        guard let v = value(key) else {
            if required { missing(key, RulesMessages.anObject) }
            return nil
        }
        return ObjectReader(v, path: path(key), what: what, ctx: ctx)
    }

    func array(_ key: String, required: Bool = true) -> [JSONNode]? {
        guard let v = value(key) else {
            if required { missing(key, RulesMessages.aList) }
            return nil
        }
        guard let a = v.elements else {
            ctx.error(.wrongType, RulesMessages.mustBeList(key, v), at: v.location, path: path(key),
                      hint: v.members != nil ? RulesMessages.putInList : nil)
            return nil
        }
        return a
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func finish(allowed: [String]) {
        let set = Set(allowed)
        for m in members where !set.contains(m.key) {
            let meant = Suggestion.only(to: m.key, among: allowed)
            ctx.unknownKeys[path(m.key)] = .some(meant)
            ctx.error(.unknownKey, RulesMessages.unknownKey(m.key, what), at: m.keyLocation, path: path(m.key),
                      hint: meant.map { CommandMessages.didYouMean($0, for: m.key) })
        }
    }
}
