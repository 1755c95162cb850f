import Foundation

/// Reads the keys of one JSON object of a rules file, reporting wrong types, missing keys and
/// values out of range; `finish(allowed:)` then reports every key it was not asked for, with a
/// "did you mean" suggestion.
struct ObjectReader {
    let node: JSONNode
    let path: String
    /// How the object is named in messages: "standard `rights.contracts`", "the area", …
    let what: String
    let ctx: DecodeContext
    private let members: [JSONMember]

    /// `nil` (and an error) when `node` is not an object.
    init?(_ node: JSONNode, path: String, what: String, ctx: DecodeContext) {
        guard let members = node.members else {
            ctx.error("wrong-type", "\(what) must be an object `{ … }`, not \(node.typeDescription)",
                      at: node.location, path: path)
            return nil
        }
        self.node = node
        self.path = path
        self.what = what
        self.ctx = ctx
        self.members = members
    }

    var keys: [String] { members.map(\.key) }
    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
    func value(_ key: String) -> JSONNode? { members.first { $0.key == key }?.value }
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    var location: SourceLocation { node.location }

    /// The locations of every key's value, for later checks.
    var fieldLocations: [String: SourceLocation] {
        var d: [String: SourceLocation] = [:]
        for m in members { d[m.key] = m.value.location }
        return d
    }

    func origin() -> Origin { Origin(location: node.location, path: path, fields: fieldLocations) }

    /// Whether an unknown key here looks like a misspelling of `key` (`piont` for `points`).
    /// It already got "unknown key, did you mean …?"; "missing `points`" would only repeat it.
    /// (`finish(allowed:)` must have run first.)
    func hasMisspelling(of key: String) -> Bool {
        members.contains { ctx.unknownKeys.contains(path($0.key)) && Suggestion.closest(to: $0.key, among: [key]) != nil }
    }

    private func missing(_ key: String, _ expected: String) {
        if hasMisspelling(of: key) { return }
        ctx.error("missing-key", "\(what) is missing the key `\(key)` (\(expected))", at: node.location, path: path,
                  hint: "add \"\(key)\": …")
    }

    private func wrongType(_ key: String, _ v: JSONNode, _ expected: String) {
        ctx.error("wrong-type", "`\(key)` must be \(expected), not \(v.typeDescription)", at: v.location, path: path(key))
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let v = value(key) else {
            if required { missing(key, "text") }
            return nil
        }
        guard let s = v.stringValue else { wrongType(key, v, "text in double quotes"); return nil }
        if nonEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty {
            ctx.error("empty-value", "`\(key)` must not be empty", at: v.location, path: path(key))
            return nil
        }
        return s
    }

    /// An id. A metric's id (`metric: true`) is read by formulas, where `a-b` is a subtraction,
    /// so it may not contain `-`.
    func id(_ key: String, required: Bool = true, metric: Bool = false) -> String? {
        guard let s = string(key, required: required) else { return nil }
        if metric, IDSyntax.isValid(s), s.contains("-") {
            ctx.error("invalid-id", "`\(s)` is not a valid metric id: formulas would read `-` as a minus sign",
                      at: value(key)!.location, path: path(key),
                      hint: "write `\(s.replacingOccurrences(of: "-", with: "_"))` instead")
            return nil
        }
        guard IDSyntax.isValid(s) else {
            ctx.error("invalid-id", "`\(s)` is not a valid id: ids are ASCII letters, digits, `_`, `-` and `.`, starting with a letter",
                      at: value(key)!.location, path: path(key), hint: "keep Chinese text for `name`")
            return nil
        }
        return s
    }

    func number(_ key: String, required: Bool = true, nonNegative: Bool = false) -> Rational? {
        guard let v = value(key) else {
            if required { missing(key, "a number") }
            return nil
        }
        return ObjectReader.number(v, key: key, path: path(key), nonNegative: nonNegative, ctx: ctx)
    }

    static func number(_ v: JSONNode, key: String, path: String, nonNegative: Bool, ctx: DecodeContext) -> Rational? {
        guard case .number(let text) = v.value else {
            var hint: String?
            if let s = v.stringValue, Rational(decimal: s.replacingOccurrences(of: "%", with: "")) != nil {
                hint = s.hasSuffix("%") ? "write rates as fractions without quotes, e.g. 0.9 for 90%" : "remove the quotes"
            }
            ctx.error("wrong-type", "`\(key)` must be a number, not \(v.typeDescription)", at: v.location, path: path, hint: hint)
            return nil
        }
        guard let r = Rational(decimal: text) else {
            ctx.error("wrong-type", "`\(text)` is not a number kaimen can hold exactly", at: v.location, path: path)
            return nil
        }
        if nonNegative && r.isNegative {
            ctx.error("negative-points", "`\(key)` must not be negative, but is \(text)", at: v.location, path: path)
            return nil
        }
        return r
    }

    func integer(_ key: String, required: Bool = true, range: ClosedRange<Int>) -> Int? {
        guard let v = value(key) else {
            if required { missing(key, "a whole number") }
            return nil
        }
        guard case .number(let text) = v.value, let n = Int(text) else {
            wrongType(key, v, "a whole number")
            return nil
        }
        guard range.contains(n) else {
            ctx.error("out-of-range", "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), not \(n)",
                      at: v.location, path: path(key))
            return nil
        }
        return n
    }

    func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v.value else { wrongType(key, v, "true or false"); return nil }
        return b
    }

    /// One of a fixed set of words.
    func choice(_ key: String, _ options: [String], required: Bool = true) -> String? {
        guard let v = value(key) else {
            if required { missing(key, "one of " + options.map { "`\($0)`" }.joined(separator: ", ")) }
            return nil
        }
        guard let s = v.stringValue else {
            wrongType(key, v, "one of " + options.map { "`\($0)`" }.joined(separator: ", "))
            return nil
        }
        guard options.contains(s) else {
            ctx.error("invalid-value", "`\(s)` is not a valid `\(key)`; use one of " + options.map { "`\($0)`" }.joined(separator: ", "),
                      at: v.location, path: path(key), hint: String.didYouMean(s, among: options))
            return nil
        }
        return s
    }

    func object(_ key: String, what: String, required: Bool = false) -> ObjectReader? {
        guard let v = value(key) else {
            if required { missing(key, "an object") }
            return nil
        }
        return ObjectReader(v, path: path(key), what: what, ctx: ctx)
    }

    func array(_ key: String, required: Bool = true) -> [JSONNode]? {
        guard let v = value(key) else {
            if required { missing(key, "a list `[ … ]`") }
            return nil
        }
        guard let a = v.elements else {
            ctx.error("wrong-type", "`\(key)` must be a list `[ … ]`, not \(v.typeDescription)", at: v.location, path: path(key),
                      hint: v.members != nil ? "put the entries in a list: [ { … }, { … } ]" : nil)
            return nil
        }
        return a
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func finish(allowed: [String]) {
        let set = Set(allowed)
        for m in members where !set.contains(m.key) {
            ctx.unknownKeys.insert(path(m.key))
            ctx.error("unknown-key", "unknown key `\(m.key)` in \(what)", at: m.keyLocation, path: path(m.key),
                      hint: String.didYouMean(m.key, among: allowed))
        }
    }
}
