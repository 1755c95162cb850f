/// The messages about careless or hostile input, in Chinese and English, together so they can
/// join the catalogue: control characters, `extends` that names something other than a rules
/// file or goes too deep, and the count that ends a long list of problems of one kind.
///
/// User text is quoted through ``Echo/cell(_:)``: never a control character, never more than a
/// readable length.
enum InputMessages {
    // MARK: Rules files

    /// `not-rules-file`: a file read as rules that is not a JSON
    /// object, or a base file that is an object but has none of a rules file's keys.
    static func notRulesFile(_ path: String, referencedBy: (location: SourceLocation, file: String)?) -> Diagnostic {
        let name = Echo.cell(PathText.lastComponent(path))
        if let referencedBy {
            return .error("not-rules-file",
                          Localized(zh: "`extends` 指向的 `\(name)` 不是考核细则文件，其内容未读取",
                                    en: "`extends` names `\(name)`, which is not a rules file; nothing of it is used"),
                          at: referencedBy.location, path: "extends",
                          hint: Localized(zh: "`extends` 只能指向另一份考核细则（以 `{` 开头、含 `format`、`standards` 等键的 .jsonc 文件）",
                                          en: "`extends` must name another rules file (a .jsonc file that starts with `{` and has keys such as `format` and `standards`)"))
        }
        return .error("not-rules-file",
                      Localized(zh: "`\(name)` 不是考核细则文件：细则文件是一个以 `{` 开头的 JSON 对象",
                                en: "`\(name)` is not a rules file: a rules file is one JSON object, starting with `{`"),
                      at: SourceLocation(file: path, line: 1, column: 1),
                      hint: Localized(zh: "检查 --rules 指定的文件是否正确", en: "check the file given as the rules"))
    }

    /// `extends-not-rules`: `extends` names a file that does not end in `.jsonc` or `.json`.
    static func extendsNotRulesName(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("extends-not-rules",
               Localized(zh: "`extends` 只能指向 .jsonc 或 .json 细则文件，`\(Echo.cell(name))` 不是",
                         en: "`extends` may only name a .jsonc or .json rules file, not `\(Echo.cell(name))`"),
               at: location, path: "extends",
               hint: Localized(zh: "写上被继承细则的文件名，例如 \"extends\": \"xicheng-2014.jsonc\"",
                               en: "name the rules file this one builds on, e.g. \"extends\": \"xicheng-2014.jsonc\""))
    }

    /// `extends-too-deep`: a chain of more than `RulesLoader.maxExtendsDepth` files.
    static func extendsTooDeep(at location: SourceLocation) -> Diagnostic {
        let n = RulesLoader.maxExtendsDepth
        return .error("extends-too-deep",
                      Localized(zh: "`extends` 层层继承超过 \(n) 个文件", en: "`extends` goes more than \(n) files deep"),
                      at: location, path: "extends",
                      hint: Localized(zh: "把中间的细则合并，使继承链不超过 \(n) 层",
                                      en: "merge some of the files in between, so the chain is at most \(n) files long"))
    }

    // MARK: Control characters

    /// `control-character`: NUL, ESC, DEL or another control character in a file's text.
    static func controlCharacter(_ scalar: Unicode.Scalar, at location: SourceLocation, column: String?) -> Diagnostic {
        let name = controlName(scalar)
        let bidi = Echo.isBidiControl(scalar)
        if scalar == "\u{FEFF}" {
            return .error("control-character",
                          Localized(zh: "这里有字节顺序标记 \(name)：看不见，只能在文件开头；在这里它成了单元格文字的一部分（多是把两个文件接在一起时带进来的）",
                                    en: "byte order mark \(name) here: invisible, it belongs only at a file's start; here it is part of the cell's text (it usually comes from joining two files)"),
                          at: location, path: column,
                          hint: Localized(zh: "删去这个看不见的字符：把这个单元格的文字删掉再重新输入",
                                          en: "delete this invisible character: clear the cell and type its text again"))
        }
        return .error("control-character",
                      bidi ? Localized(zh: "这里有双向文字控制字符 \(name)（看不见，却会颠倒其后文字的显示顺序），文件中不能有控制字符",
                                       en: "bidirectional control \(name) here (invisible, it reorders the text after it); input files must not hold control characters")
                           : Localized(zh: "这里有控制字符 \(name)，文件中不能有控制字符",
                                       en: "control character \(name) here; input files must not hold control characters"),
                      at: location, path: column,
                      hint: bidi ? Localized(zh: "删去这个看不见的字符（多来自从网页或其他文档复制的文字）",
                                             en: "delete this invisible character (it usually comes with text copied from a web page or another document)")
                                 : Localized(zh: "删去这个看不见的字符（多来自复制粘贴或其他程序的导出）",
                                             en: "delete this invisible character (it usually comes from copying and pasting, or from another program's export)"))
    }

    /// `control-character`: a tab or line break in an id, or in a text cell not in quotes.
    static func layoutInCell(_ scalar: Unicode.Scalar, in what: Localized, text: String, at location: SourceLocation,
                             path: String, isID: Bool) -> Diagnostic {
        let name = controlName(scalar)
        let quoted = Echo.cell(text)
        return .error("control-character",
                      Localized(zh: "\(what.zh) `\(quoted)` 中有\(scalar == "\t" ? "制表符" : "换行符")（\(name)）",
                                en: "\(what.en) `\(quoted)` holds a \(scalar == "\t" ? "tab" : "line break") (\(name))"),
                      at: location, path: path,
                      hint: isID
                        ? Localized(zh: "编号是一个词，不能有制表符或换行：删去它", en: "an id is one word, without tabs or line breaks: delete it")
                        : Localized(zh: "只有用英文双引号括起的文字单元格可以有制表符或换行；删去它，或给整个单元格加上引号",
                                    en: "only a text cell in double quotes may hold a tab or line break; delete it, or quote the whole cell"))
    }

    /// `text-line-break`: a quoted name, category or group holding a line break (Alt+Enter in
    /// Excel), taken but shown differently by each paper.
    static func lineBreakInText(_ what: Localized, text: String, oneLine: String, at location: SourceLocation, path: String) -> Diagnostic {
        let (quoted, shown) = (Echo.cell(text), Echo.cell(oneLine))
        return .warning(.textLineBreak,
                        Localized(zh: "\(what.zh) `\(quoted)` 的单元格里有换行（Excel 里的 Alt+Enter）：报告网页和终端里它显示为 `\(shown)`，工作簿里分成两行，CSV 里是引号中的换行，同一个名称在各份结果里样子不同",
                                  en: "\(what.en) `\(quoted)` holds a line break in its cell (Alt+Enter in Excel): the report page and the terminal show it as `\(shown)`, the workbook on two lines, a CSV with a line break in quotes, so the same name looks different on every paper"),
                        at: location, path: path,
                        hint: Localized(zh: "在这个单元格里删去换行，让它写在一行上", en: "delete the line break in this cell, so that it is written on one line"))
    }

    /// `text-too-long`: an id or a name longer than `TextCellCheck` allows, quoted cut short.
    static func tooLong(_ what: Localized, text: String, count: Int, limit: Int, at location: SourceLocation, path: String) -> Diagnostic {
        let quoted = Echo.cell(text)
        return .error("text-too-long",
                      Localized(zh: "\(what.zh) `\(quoted)` 有 \(count) 个字符，超过上限 \(limit) 个",
                                en: "\(what.en) `\(quoted)` has \(count) characters, more than the \(limit) allowed"),
                      at: location, path: path,
                      hint: Localized(zh: "看看这一格是不是误粘贴了别的内容", en: "check whether something else was pasted into this cell"))
    }

    /// `id-lookalike-letter`: an id of Latin letters or digits with a letter of another script
    /// drawn like a Latin one (`Х01` with the Cyrillic `Х`).
    static func lookalikeLetter(_ what: Localized, id: String, letter: Unicode.Scalar, looksLike: Character, at location: SourceLocation,
                                path: String) -> Diagnostic {
        let (quoted, fixed, named) = (Echo.cell(id), Echo.cell(ScriptLookalikes.latinized(id)), ScriptLookalikes.named(letter))
        return .error("id-lookalike-letter",
                      Localized(zh: "\(what.zh) `\(quoted)` 里的 `\(letter)` 是\(named.zh)，样子像拉丁字母 `\(looksLike)`：看起来是 `\(fixed)`，却是另一个编号，写 `\(fixed)` 的选票和名单都对不上它",
                                en: "\(what.en) `\(quoted)` holds \(named.en), drawn like the Latin `\(looksLike)`: it looks like `\(fixed)` but is another id, which ballots and rosters writing `\(fixed)` do not match"),
                      at: location, path: path,
                      hint: Localized(zh: "切换到英文输入法重新输入这个编号，不要从别处复制（照样子应是 `\(fixed)`，核对它是不是想写的编号）",
                                      en: "type the id again on an English keyboard layout, not copied from elsewhere (by its look `\(fixed)`: check that this is the id meant)"))
    }

    /// `U+001B（ESC）` / `U+001B (ESC)`: a control character named for people.
    static func controlName(_ scalar: Unicode.Scalar) -> String {
        let v = Int(scalar.value)
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
                     "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
        let bidi: [UInt32: String] = [0x061C: "ALM", 0x200E: "LRM", 0x200F: "RLM", 0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF",
                                      0x202D: "LRO", 0x202E: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI"]
        let short = v < 0x20 ? names[v] : (v == 0x7F ? "DEL" : v == 0xFEFF ? "BOM" : (bidi[scalar.value] ?? "C1"))
        return "\(Echo.codePoint(scalar)) \(short)"
    }

    // MARK: Long lists

    /// The line that closes a long list of problems of one kind: "… and 4,999,800 more errors
    /// like this (`duplicate-ballot`)". It carries the kind's code, at the place of the first
    /// one left out (the code names its section in docs/diagnostics.md).
    static func more(_ count: Int, code: String, severity: Diagnostic.Severity) -> Localized {
        let zhKind = severity == .error ? "错误" : (severity == .warning ? "警告" : "提示")
        let enKind = severity == .error ? "error" : (severity == .warning ? "warning" : "note")
        return Localized(zh: "……另有 \(count) 条同类\(zhKind)（代码 \(code)，说明见 docs/diagnostics.md）未列出，从这里起",
                         en: "… and \(grouped(count)) more \(enKind)\(count == 1 ? "" : "s") like this (`\(code)`) not listed, from here on")
    }

    /// `4999800` as `4,999,800`.
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n.magnitude))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits + out)
    }
}
