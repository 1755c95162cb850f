/// The texts of an id that names no one: a name where the id belongs, full-width or spaced ids,
/// a near miss, the range the ids run over.
extension ReaderMessages {
    // MARK: A name where an id belongs

    enum NamedKind { case representative, unit }
    /// Where the id was asked for: a file's column, or a command's option (`--rep`).
    enum IDPlace { case column, option(String), argument }

    /// What follows “not on the roster” when the text is the name of `ids` (one, or several
    /// sharing the name): `：`王秀兰` 是代表 `R02` 的姓名，这一列请填代表编号 `R02``.
    static func nameForID(_ text: String, ids: [String], of kind: NamedKind, in place: IDPlace) -> L {
        let (who, whoEN, nameWord, idWord, measure) = kind == .representative
            ? ("代表", "representative", "姓名", "代表编号", "位")
            : ("单位", "unit", "名称", "单位编号", "个")
        let (whereZH, whereEN): (String, String)
        switch place {
        case .column: (whereZH, whereEN) = ("这一列", "this column")
        case .option(let name): (whereZH, whereEN) = ("`\(name)` ", "`\(name)`")
        case .argument: (whereZH, whereEN) = ("这里", "the command")
        }
        let quoted = ids.map { "`\($0)`" }
        if ids.count == 1 {
            return L(zh: "：`\(text)` 是\(who) \(quoted[0]) 的\(nameWord)，\(whereZH)请填\(idWord) \(quoted[0])",
                     en: "; `\(text)` is the name of \(whoEN) \(quoted[0]); \(whereEN) takes the id \(quoted[0])")
        }
        return L(zh: "：\(who) \(quoted.joined(separator: "、")) 都叫 `\(text)`，\(whereZH)请填其中一\(measure)的\(idWord)，选所指的那一\(measure)",
                 en: "; \(whoEN)s \(quoted.joined(separator: ", ")) are all named `\(text)`; \(whereEN) takes the id of one of them: pick the one meant")
    }
    /// What follows "no such unit" when the text is part of the names of `units` (one, or a few):
    /// `：\`德胜商贸\` 是单位 \`X02\`（…）名称中的一段，这一列请填单位编号 \`X02\``.
    static func partOfName(_ text: String, units: [(id: String, name: String)], in place: IDPlace) -> L {
        let (whereZH, whereEN): (String, String)
        switch place {
        case .column: (whereZH, whereEN) = ("这一列", "this column")
        case .option(let name): (whereZH, whereEN) = ("`\(name)` ", "`\(name)`")
        case .argument: (whereZH, whereEN) = ("这里", "the command")
        }
        if units.count == 1, let u = units.first {
            return L(zh: "：`\(text)` 是单位 `\(u.id)`（\(Echo.cell(u.name))）名称中的一段，\(whereZH)请填单位编号 `\(u.id)`",
                     en: "; `\(text)` is part of the name of unit `\(u.id)` (\(Echo.cell(u.name))); \(whereEN) takes the id `\(u.id)`")
        }
        let shown = units.prefix(5).map { "`\($0.id)`（\(Echo.cell($0.name))）" }.joined(separator: "、")
        let shownEN = units.prefix(5).map { "`\($0.id)` (\(Echo.cell($0.name)))" }.joined(separator: ", ")
        let more = units.count > 5 ? (zh: " 等 \(units.count) 个", en: " and \(units.count - 5) more") : (zh: "", en: "")
        return L(zh: "：名称中含 `\(text)` 的单位有 \(shown)\(more.zh)，\(whereZH)请填所指那个单位的编号",
                 en: "; units whose names hold `\(text)`: \(shownEN)\(more.en); \(whereEN) takes the id of the one meant")
    }

    /// An id typed in full-width characters (`Ｒ０５`) whose half-width form is an id.
    static func fullWidthID(_ id: String) -> L {
        L(zh: "编号要用半角字符：是不是 `\(id)`？（切换到英文输入法再输入）", en: "ids are written in half-width characters: did you mean `\(id)`?")
    }
    /// An id typed with spaces around it (`R05 `) whose text alone is an id.
    static func spacesAroundID(_ id: String) -> L {
        L(zh: "编号前后不能有空格：是不是 `\(id)`？", en: "an id has no spaces around it: did you mean `\(id)`?")
    }
    /// The file an id is looked up in, for ``writtenWide(_:as:in:)``.
    enum IDFile { case units, roster }
    /// An id the units file or the roster writes with full-width characters (`Ｘ02`) where the
    /// ballots write it half-width (`X02`): the ids are not the same text, so nothing matched
    /// and the message had no hint (a hostile test, session 41).
    static func writtenWide(_ half: String, as written: String, in file: IDFile) -> L {
        let (zh, en) = file == .units ? ("单位文件", "the units file") : ("代表名单", "the roster")
        return L(zh: "\(zh)里这个编号写作 `\(written)`，用了全角字符：编号要用半角字符，两处都写 `\(half)`",
                 en: "\(en) writes this id `\(written)`, in full-width characters: ids are written in half-width characters, `\(half)` in both files")
    }
    /// The hint for an unknown id: its half-width form when that is an id, the id as the other
    /// file writes it when only their full-width forms differ (`writtenAs`: the id of that file
    /// whose half-width form is the one given, if any), else a near miss.
    static func unknownIDHint(_ typed: String, known: (String) -> Bool, nearMiss: () -> L?,
                              writtenAs: ((String) -> String?)? = nil, in file: IDFile = .units) -> L? {
        let half = UnitMatcher.normalized(typed)
        if let written = writtenAs?(half), written != typed, !known(half) {
            return writtenWide(half, as: written, in: file)
        }
        // `X01` here and `x01` in the units file (or the roster): said as such, not as a near
        // miss among others (a secretary's test).
        if half == typed, let other = [typed.lowercased(), typed.uppercased()].first(where: { $0 != typed && known($0) }) {
            return caseOnly(typed, other)
        }
        // `R08` and a zero-width space pasted from a web page or a chat: it looks like `R08`, so
        // "did you mean `R08`?" alone would puzzle (a secretary's test); say what is in it.
        let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
        if let hidden = typed.unicodeScalars.first(where: { invisible.contains($0.value) }) {
            let cleaned = String(String.UnicodeScalarView(typed.unicodeScalars.filter { !invisible.contains($0.value) }))
            if known(cleaned) || known(UnitMatcher.normalized(cleaned)) {
                let code = Echo.codePoint(hidden)
                return L(zh: "其中有看不见的字符（\(code)，多半是从网页或聊天中复制来的）：清空这一格，重新输入 `\(cleaned)`",
                         en: "it holds an invisible character (\(code), most likely copied from a web page or a chat): empty the cell and type `\(cleaned)` again")
            }
        }
        // `Х01` with the Cyrillic `Х`: the same to the eye as `X01`, so "did you mean `X01`?"
        // alone would puzzle; say which letter is not what it looks like.
        if let (letter, _) = ScriptLookalikes.first(in: typed), case let fixed = ScriptLookalikes.latinized(typed), known(fixed) {
            let named = ScriptLookalikes.named(letter)
            return L(zh: "其中的 `\(letter)` 是\(named.zh)，不是拉丁字母：是不是 `\(fixed)`？（切换到英文输入法再输入）",
                     en: "its `\(letter)` is \(named.en), not a Latin letter: did you mean `\(fixed)`?")
        }
        guard half != typed && known(half) else { return nearMiss() }
        // `R05 ` typed with a space: not a matter of half-width characters.
        return typed.trimmingSpaces() == half ? spacesAroundID(half) : fullWidthID(half)
    }

    /// Ids of one prefix and numbers of one width (`R01`–`R27`): the prefix, the width, the
    /// lowest and the highest.
    struct IDSpan: Sendable {
        let prefix: String, width: Int, low: String, high: String

        /// The span of `ids`; `nil` for fewer than three ids or any other shape.
        init?(_ ids: [String]) {
            guard ids.count >= 3, let shape = Self.split(ids[0]) else { return nil }
            var low = ids[0], high = ids[0]
            for id in ids {
                guard let s = Self.split(id), s.prefix == shape.prefix, s.digits.count == shape.digits.count else { return nil }
                if id < low { low = id }
                if id > high { high = id }
            }
            (prefix, width, self.low, self.high) = (String(shape.prefix), shape.digits.count, low, high)
        }

        static func split(_ id: String) -> (prefix: Substring, digits: Substring)? {
            guard id.utf8.allSatisfy({ $0 < 0x80 }), let first = id.firstIndex(where: { $0.isASCII && $0.isNumber }),
                  id[first...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return (id[..<first], id[first...])
        }

        /// Whether `typed` has the shape and lies between the lowest and the highest.
        func within(_ typed: String) -> Bool {
            guard let t = Self.split(typed), t.prefix == prefix, t.digits.count == width else { return false }
            return typed >= low && typed <= high
        }
    }

    /// What the ids are (`R01`–`R27`), for an unknown id with no one nearest; `nil` without a
    /// span, or for a `typed` inside it (`R15` left out of the roster would read as one of it).
    static func idRange(_ span: IDSpan?, typed: String, units: Bool) -> L? {
        guard let span, !span.within(typed) else { return nil }
        let (low, high) = (span.low, span.high)
        return units ? L(zh: "单位编号从 `\(low)` 到 `\(high)`", en: "the unit ids run from `\(low)` to `\(high)`")
                     : L(zh: "名单上的代表编号从 `\(low)` 到 `\(high)`", en: "the roster's ids run from `\(low)` to `\(high)`")
    }

    /// Only the case differs. Which side is wrong is not known here (a units file, a typed
    /// sheet, the command line), so the hint says only that they must agree.
    static func caseOnly(_ typed: String, _ other: String) -> L {
        L(zh: "是不是 `\(other)`？编号只差大小写，各处要写得一模一样",
          en: "did you mean `\(other)`? The ids differ only in case, and must be written alike everywhere")
    }
}
