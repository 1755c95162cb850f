/// The unknown ids a ballots file names, in the order met (the first few kept with where they
/// are), for the one error a file gets when none of its ids is known: another district's or
/// another year's ballots, given with this session's units or roster, were 267 errors of
/// 是不是 `X01`？ for `D01` (a secretary's test).
struct OrderedIDs {
    private(set) var count = 0
    private(set) var first: [String] = []
    private(set) var at: SourceLocation?
    private var seen = Set<String>()
    /// Ids kept to be named, and ids remembered to count (a file of millions of unknown ids
    /// is counted up to this).
    static let named = 5, counted = 100_000

    mutating func insert(_ id: String, at place: @autoclosure () -> SourceLocation) {
        guard count < Self.counted, seen.insert(id).inserted else { return }
        count += 1
        if first.count < Self.named { first.append(id) }
        if at == nil { at = place() }
    }

    /// `diagnostics` with every error of `code` replaced by one that says no id of the file's
    /// is known, when it names two ids or more (one unknown id is an ordinary mistake) and
    /// none of the first has a mistake of its own to tell (`explained`: full-width `Ｘ０１`,
    /// `x01` for `X01`, a name for an id), which is this file's, to mend cell by cell.
    static func noneKnown(_ ids: OrderedIDs, code: DiagnosticCode, in diagnostics: [Diagnostic], units: Bool,
                          explained: (String) -> Bool) -> [Diagnostic] {
        guard ids.count >= 2, let at = ids.at, !ids.first.contains(where: explained) else { return diagnostics }
        let listed = ids.first.map { "`\(Echo.cell($0))`" }
        let more = ids.count >= counted ? "\(counted)+" : "\(ids.count)"
        let zhList = listed.joined(separator: "、") + (ids.count > listed.count ? " 等 \(more) 个" : "")
        let enList = listed.joined(separator: ", ") + (ids.count > listed.count ? " and others, \(more) in all" : "")
        let message = units
            ? Localized(zh: "选票里的单位编号没有一个在单位文件里（\(zhList)）：这像是另一场考核（另一个区或另一年）的选票",
                        en: "no unit the ballots name is in the units file (\(enList)): these look like another assessment's ballots (another district or year)")
            : Localized(zh: "选票里的投票人没有一个在代表名单上（\(zhList)）：这像是另一场考核（另一个区或另一年）的选票",
                        en: "no one who cast these ballots is on the roster (\(enList)): these look like another assessment's ballots (another district or year)")
        let hint = units
            ? Localized(zh: "核对选票和单位文件是不是同一场考核的", en: "check that the ballots and the units file are the same assessment's")
            : Localized(zh: "核对选票和代表名单是不是同一场考核的", en: "check that the ballots and the roster are the same assessment's")
        var out = diagnostics.filter { $0.code != code.rawValue }
        out.append(.error(code, message, at: at, path: units ? "unit" : "representative", hint: hint))
        return out
    }
}
