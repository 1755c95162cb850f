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
}
