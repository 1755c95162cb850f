/// The texts of the syntax problems in a JSON-with-comments file, in Chinese and English.
enum JSONCMessages {
    typealias L = Localized

    static let emptyFile = L(zh: "文件是空的；规则文件是一个 JSON 对象 `{ … }`", en: "the file is empty; a rules file is one JSON object `{ … }`")
    static func afterEnd(_ c: String) -> L { L(zh: "文档结束后还有 `\(c)`", en: "unexpected `\(c)` after the end of the document") }
    static let oneValue = L(zh: "一个文件只放一个 JSON 值；是不是多了字符，或少了 `,`？",
                            en: "a file holds one JSON value; is there a stray character or a missing `,`?")
    static func tooManyErrors(_ n: Int) -> L {
        L(zh: "语法错误已有 \(n) 处，后面的部分没有再读", en: "\(n) syntax errors already: the rest of the file was not read")
    }
    static let fixThoseFirst = L(zh: "先改正上面这些，再检查一次", en: "fix those first, then check again")
    static let unclosedComment = L(zh: "`/*` 注释没有结束", en: "a `/*` comment is never closed")
    static let endComment = L(zh: "用 `*/` 结束它", en: "end it with `*/`")
    static let endsEarly = L(zh: "文件在应该有值的地方结束了", en: "the file ends where a value was expected")
    static let singleQuotes = L(zh: "字符串用英文双引号 `\"`，不能用 `'`", en: "strings use double quotes `\"`, not `'`")
    static let writeDoubleQuotes = L(zh: "把 '…' 改成 \"…\"", en: "write \"…\" instead of '…'")
    static func bareWord(_ word: String) -> L {
        L(zh: "意外的词 `\(word)`；文字必须放在双引号里", en: "unexpected word `\(word)`; text must be in double quotes")
    }
    static func write(_ word: String) -> L { L(zh: "写成 \"\(word)\"", en: "write \"\(word)\"") }
    /// `true` or `false` for a word that means yes or no in another case or in Chinese.
    static func yesOrNo(_ word: String) -> Bool? {
        switch word.lowercased() {
        case "true", "yes", "是", "对", "真": return true
        case "false", "no", "否", "不", "错", "假": return false
        default: return nil
        }
    }
    static func writeBool(_ value: Bool) -> L {
        L(zh: "是或否写成 \(value)（小写，不加引号）", en: "write \(value) (lower case, no quotes)")
    }
    static func unexpectedValue(_ c: String) -> L { L(zh: "应该是值的地方出现了 `\(c)`", en: "unexpected `\(c)` where a value was expected") }
    static func tooDeep(_ n: Int) -> L { L(zh: "文档嵌套超过 \(n) 层", en: "the document nests deeper than \(n) levels") }
    static func unclosed(_ object: Bool, line: Int, column: Int) -> L {
        L(zh: "第 \(line) 行第 \(column) 列开始的\(object ? "对象" : "列表")没有结束",
          en: "the \(object ? "object" : "array") opened at line \(line), column \(column) is never closed")
    }
    static func add(_ s: String) -> L { L(zh: "加上 `\(s)`", en: "add `\(s)`") }
    static let commaNotKey = L(zh: "意外的 `,`：这里应该是键", en: "unexpected `,`: a key was expected")
    static let keySingleQuotes = L(zh: "键用英文双引号 `\"`，不能用 `'`", en: "keys use double quotes `\"`, not `'`")
    static let keyQuotes = L(zh: "键必须放在双引号里", en: "keys must be in double quotes")
    static func objectNotClosed(line: Int, column: Int) -> L {
        L(zh: "是不是第 \(line) 行第 \(column) 列开始的对象少了结尾的 `}`？在它的最后一项后面补上 `}`",
          en: "is the object opened at line \(line), column \(column) missing its closing `}`? Add `}` after its last entry")
    }
    static func unexpectedKey(_ c: String) -> L { L(zh: "应该是键或 `}` 的地方出现了 `\(c)`", en: "unexpected `\(c)` where a key or `}` was expected") }
    static func colonAfter(_ key: String) -> L { L(zh: "键 `\(key)` 后面应该是 `:`", en: "expected `:` after the key `\(key)`") }
    static func duplicateKey(_ key: String, line: Int, column: Int) -> L {
        L(zh: "这个对象里键 `\(key)` 写了两次；读取的是第一次（第 \(line) 行第 \(column) 列）写的值",
          en: "the key `\(key)` is written twice in this object; the first, at line \(line), column \(column), is kept")
    }
    static let removeOne = L(zh: "删掉其中一个", en: "remove one of them")
    static func commaOrBrace(_ key: String) -> L { L(zh: "`\(key)` 的值后面应该是 `,` 或 `}`", en: "expected `,` or `}` after the value of `\(key)`") }
    static let commaMissing = L(zh: "是不是少了逗号？", en: "is a comma missing?")
    /// A tuner's `"points": 4 // 原为3分,`: the comma went into the comment that runs to the line's end.
    static let commaInComment = L(zh: "逗号写进了行尾的 `//` 注释里：注释一直到行尾，逗号要写在 `//` 之前",
                                  en: "the comma is inside the `//` comment at the line's end: a comment runs to the end of the line, so put the comma before `//`")
    /// A `"` typed inside a string ended it: `"按"4+4+N"模式"`.
    static func textAfterString(_ rest: String, key: String?) -> L {
        let whose = key.map { L(zh: "`\($0)` 的值", en: "the value of `\($0)`") } ?? L(zh: "列表里的字符串", en: "the string in the array")
        return L(zh: "\(whose.zh)在它前面的 `\"` 处就结束了，后面紧跟着的 `\(rest)` 没有读进去",
                 en: "\(whose.en) ended at the `\"` just before, and `\(rest)` right after it was not read")
    }
    static let quoteInString = L(zh: "文字里的引号用中文引号 `“ ”`，或写成 `\\\"`", en: "write quotes inside the text as `“ ”`, or as `\\\"`")
    static let noQuotesInFormula = L(zh: "公式里不写引号：指标写编号；是/否 指标在公式里是 1 或 0，例如 `congress = 1`",
                                     en: "formulas have no quotes: name a metric by its id; a yes/no metric is 1 or 0 in a formula, e.g. `congress = 1`")
    static let commaNotValue = L(zh: "意外的 `,`：这里应该是值", en: "unexpected `,`: a value was expected")
    /// `,,`: one comma too many (a rules author's trial: no hint said so).
    static let removeComma = FormulaMessages.doubledComma
    static let commaOrBracket = L(zh: "列表里应该是 `,` 或 `]`", en: "expected `,` or `]` in the array")
    static let unclosedString = L(zh: "从这里开始的字符串没有结束", en: "the string starting here is never closed")
    /// A text typed over lines: `"…得1分，⏎ 有企业…最高1分。"`.
    static func stringOverLines(_ first: Int, _ last: Int) -> L {
        L(zh: "这段文字从第 \(first) 行写到了第 \(last) 行：JSON 的字符串里不能直接换行",
          en: "this text runs from line \(first) to line \(last): a JSON string cannot hold a line break")
    }
    static func joinLines(_ first: Int, _ last: Int) -> L {
        L(zh: "把第 \(first)–\(last) 行接成一行（要在文字里换行，写 `\\n`）", en: "join lines \(first)–\(last) into one (for a line break inside the text, write `\\n`)")
    }
    static let closeString = L(zh: "加上结尾的 `\"`", en: "add the closing `\"`")
    static let badUnicodeEscape = L(zh: "`\\u` 转义不是一个字符", en: "`\\u` escape does not name a character")
    static let surrogatePair = L(zh: "代理项 `\\uD800`–`\\uDFFF` 后面必须跟着它的另一半", en: "a surrogate `\\uD800`–`\\uDFFF` must be followed by its pair")
    static func unknownEscape(_ e: String) -> L { L(zh: "字符串里有未知的转义 `\\\(e)`", en: "unknown escape `\\\(e)` in a string") }
    static let backslash = L(zh: "反斜杠写成 `\\\\`", en: "write `\\\\` for a backslash")
    static let tabInString = L(zh: "文字里有一个制表符（Tab，U+0009 TAB）：规则文件引号里的文字不能有制表符",
                               en: "a tab (U+0009 TAB) inside the text: text in quotes in a rules file must not hold tabs")
    static let tabInStringHint = L(zh: "删去它，或换成空格", en: "delete it, or put a space instead")
    static let fourHex = L(zh: "`\\u` 后面必须是四位十六进制数字", en: "`\\u` must be followed by four hex digits")
    static let digitsAfterMinus = L(zh: "`-` 后面要有数字", en: "a number needs digits after `-`")
    static let digitsAfterPoint = L(zh: "小数点后面要有数字", en: "a number needs digits after the decimal point")
    static let exponentDigits = L(zh: "数字的指数部分要有数字", en: "a number's exponent needs digits")
    static func afterNumber(_ c: String, _ text: String) -> L {
        L(zh: "数字 `\(text)` 后面出现了 `\(c)`", en: "unexpected `\(c)` after the number `\(text)`")
    }
    static func unitAfterNumber(_ c: String, _ text: String) -> L {
        L(zh: "数字后面不写单位：去掉 `\(c)`，写 `\(text)`", en: "write no unit after a number: drop `\(c)` and write `\(text)`")
    }
    static func rateFraction(_ number: String, _ fraction: String) -> L {
        L(zh: "比率写成小数：\(number)% 写 \(fraction)", en: "write rates as fractions: \(fraction) for \(number)%")
    }

    // Characters typed in a Chinese input method (full-width and Chinese punctuation).
    static func writeASCII(_ ascii: String, _ c: String) -> L {
        L(zh: "把 `\(c)` 换成英文的 `\(ascii)`", en: "write the ASCII `\(ascii)` instead of `\(c)`")
    }
    static func chineseQuotes(_ word: String?) -> L {
        let write = word.map { (zh: "：写 `\"\($0)\"`", en: ": write `\"\($0)\"`") } ?? (zh: "", en: "")
        return L(zh: "把中文引号 `“ ”` 换成英文的双引号 `\"`\(write.zh)", en: "write ASCII double quotes `\"` instead of Chinese quotes `“ ”`\(write.en)")
    }
    // Numbers written the JavaScript way or in Chinese numerals (`NumberSpellings`).
    static func hexNumber(_ text: String) -> L {
        L(zh: "`\(text)` 是十六进制写法，JSON 的数只用十进制", en: "`\(text)` is hexadecimal; JSON numbers are decimal")
    }
    static func leadingZero(_ text: String) -> L {
        L(zh: "数字 `\(text)` 以 0 开头，JSON 的数不能这样写", en: "the number `\(text)` starts with 0, which JSON does not allow")
    }
    static func plusSign(_ text: String) -> L {
        L(zh: "数字 `\(text)` 前面有 `+`，JSON 的数不写正号", en: "the number `\(text)` has a `+` sign, which JSON does not allow")
    }
    static func barePoint(_ text: String) -> L {
        L(zh: "数字 `\(text)` 的小数点前没有数字，JSON 的数不能这样写", en: "the number `\(text)` has no digit before its point, which JSON does not allow")
    }
    static func chineseNumeral(_ word: String) -> L {
        L(zh: "`\(word)` 是中文数字；JSON 的数用阿拉伯数字写", en: "`\(word)` is in Chinese numerals; JSON numbers are written in digits")
    }
    static func writePlain(_ number: String) -> L { L(zh: "写 \(number)", en: "write \(number)") }
    static func writeNumber(_ number: String) -> L {
        L(zh: "数字用英文（半角）字符写：写 `\(number)`", en: "write the number in ASCII (half-width) characters: `\(number)`")
    }
    static let hashComment = L(zh: "注释以 `//` 开头，不能用 `#`：把 `#` 换成 `//`", en: "comments start with `//`, not `#`: write `//` instead of `#`")
    static let fullWidthSpace = L(zh: "这里是一个全角空格（U+3000）；换成普通空格", en: "this is a full-width space (U+3000); write an ordinary space instead")
}
