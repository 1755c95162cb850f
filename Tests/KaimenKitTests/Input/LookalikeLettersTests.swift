import Foundation
import Testing
@testable import KaimenKit

/// An id with a Cyrillic or Greek letter drawn like a Latin one (`Х03` with the Cyrillic `Х`)
/// was accepted without a word (a hostile-input test, session 25): the ballots typed `X03`
/// then found no such unit, and the hint asked 是不是 `Х03`？, the same to the eye.
@Suite("Ids with letters of another script drawn like Latin ones")
struct LookalikeLettersTests {
    static let cyrillicX = "\u{0425}"  // Х
    static let cyrillicR = "\u{0420}"  // Р, drawn like P

    @Test("a units file's id with a Cyrillic Х: id-lookalike-letter at its cell, by either engine; the ballots' X03 is told why")
    func unitsID() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, units: { $0.replacingOccurrences(of: "X03,", with: Self.cyrillicX + "03,") })
        for engine in ["exact", "fast"] {
            let r = EndToEndTests.run(["score"] + args + ["--engine", engine])
            #expect(r.code == .failure)
            #expect(r.err.contains("units.csv 第 4 行 A 列（id）：错误：单位编号 `Х03` 里的 `Х` 是西里尔字母 Х（U+0425），样子像拉丁字母 `X`："
                                   + "看起来是 `X03`，却是另一个编号，写 `X03` 的选票和名单都对不上它；切换到英文输入法重新输入这个编号，不要从别处复制（照样子应是 `X03`，核对它是不是想写的编号）"), "\(r.err)")
            // The ballots that write X03: not 是不是 `Х03`？, which shows the same thing twice.
            #expect(r.err.contains("选票打分的单位 `X03` 不在单位文件里（同样的问题另有 55 处：第 107、108、109、110、111… 行）；"
                                   + "与 `Х03` 看起来一样，却不是同一个编号：`Х03` 里的 `Х` 是西里尔字母 Х（U+0425）；改正写错的那一处"), "\(r.err)")
            #expect(!r.err.contains("是不是 `Х03`"), "\(r.err)")
        }
    }

    /// The review and the secretary's test: the roster's own-unit column asked 是否指 `Х03`？
    /// and 请写单位编号 `Х03`, telling the secretary to copy the Cyrillic id into the roster.
    @Test("a roster's own unit alike to the eye to a unit's id: the letter is named, not the same look twice")
    func rosterOwnUnit() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let units = try TextLimitsTests.files(in: folder, units: { $0.replacingOccurrences(of: "X03,", with: Self.cyrillicX + "03,") })
        let r = EndToEndTests.run(["score"] + units)
        #expect(r.err.contains("roster.csv 第 11 行 D 列（units）：错误：代表 R10（周海燕）的所在单位写作 `X03`，不是任何被考核单位的编号或全称：若指的是 `Х03`（北京广安门物业管理集团有限公司工会），回避将被漏掉；"
                               + "与 `Х03` 看起来一样，却不是同一个编号：`Х03` 里的 `Х` 是西里尔字母 Х（U+0425）；改正写错的那一处"), "\(r.err)")
        let roster = try TextLimitsTests.files(in: folder, roster: { $0.replacingOccurrences(of: ",第一组,X02,", with: ",第一组," + Self.cyrillicX + "02,") })
        let own = EndToEndTests.run(["score"] + roster)
        #expect(own.err.contains("的所在单位写作 `Х02`，不是任何被考核单位的编号或全称：若指的是 `X02`")
                && own.err.contains("其中的 `Х` 是西里尔字母 Х（U+0425），不是拉丁字母：是不是 `X02`？"), "\(own.err)")
        #expect(!own.err.contains("请写单位编号 `Х02`"))
    }

    @Test("a roster's id with a Cyrillic Р is said to look like P05, by either engine")
    func rosterID() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, roster: { $0.replacingOccurrences(of: "R05,", with: Self.cyrillicR + "05,") })
        for engine in ["exact", "fast"] {
            let r = EndToEndTests.run(["score"] + args + ["--engine", engine, "--lang", "en"])
            #expect(r.code == .failure)
            #expect(r.err.contains("roster.csv row 6, column A (id): error: the representative id `Р05` holds the Cyrillic letter Р (U+0420), drawn like the Latin `P`: "
                                   + "it looks like `P05` but is another id, which ballots and rosters writing `P05` do not match; type the id again on an English keyboard layout"), "\(r.err)")
        }
    }

    @Test("a ballot typed with a Cyrillic Х: which letter, and the id meant")
    func typedInBallots() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, ballots: { text in
            guard let r = text.range(of: ",X04,") else { return text }
            return text.replacingCharacters(in: r, with: "," + Self.cyrillicX + "04,")
        })
        let r = EndToEndTests.run(["score"] + args)
        #expect(r.code == .failure)
        #expect(r.err.contains("B 列（unit）：错误：选票打分的单位 `Х04` 不在单位文件里；其中的 `Х` 是西里尔字母 Х（U+0425），不是拉丁字母：是不是 `X04`？（切换到英文输入法再输入）"), "\(r.err)")
    }

    /// Found by a secretary's test: `R08` with a zero-width space was asked "did you mean `R08`?".
    @Test("an id with an invisible character: which one, and to type the id again")
    func invisibleCharacter() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, ballots: { text in
            guard let r = text.range(of: "R08,") else { return text }
            return text.replacingCharacters(in: r, with: "R08\u{200B},")
        })
        let r = EndToEndTests.run(["score"] + args)
        #expect(r.code == .failure)
        #expect(r.err.contains("其中有看不见的字符（U+200B，多半是从网页或聊天中复制来的）：清空这一格，重新输入 `R08`"), "\(r.err)")
    }

    /// Found by a secretary's test: a workbook's cell in a percentage format read as `500%`, and
    /// was told only that it was no number.
    @Test("a score written as a percentage: the cell's format is named, with the value it holds")
    func scoreAsPercent() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, ballots: { text in
            guard let r = text.range(of: "R01,X01,rights.ballot,3.5\n") else { return text }
            return text.replacingCharacters(in: r, with: "R01,X01,rights.ballot,350%\n")
        })
        let r = EndToEndTests.run(["score"] + args)
        #expect(r.code == .failure)
        #expect(r.err.contains("上的分数 `350%` 不是数字；分数不用百分数：多半是单元格设成了百分比格式（350% 即 3.5）；把这一列的单元格格式改为“常规”或“数值”，按纸质评分表重新输入；这条标准满分 4 分"),
                "\(r.err)")
    }

    @Test("what counts: mixed with ASCII letters or digits; a word wholly in another script, and Chinese, do not")
    func detection() {
        #expect(ScriptLookalikes.first(in: "Х03")?.looksLike == "X")
        #expect(ScriptLookalikes.first(in: "ΑB1")?.looksLike == "A")  // Greek Α
        #expect(ScriptLookalikes.first(in: "Москва") == nil)
        #expect(ScriptLookalikes.first(in: "东城01") == nil)
        #expect(ScriptLookalikes.first(in: "X03") == nil)
        #expect(ScriptLookalikes.latinized("Х0З") == "X0З")  // Cyrillic З (Ze) is not folded: drawn like 3, not a letter
        #expect(ScriptLookalikes.named(Unicode.Scalar(0x03A7)!).zh == "希腊字母 Χ（U+03A7）")
        // The byte readers hand over on the lead bytes of these scripts, never on Chinese.
        for (text, expected) in [("Х03", true), ("东城工会01", false), ("X03", false), ("Ω1", true)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { TextCellCheck.mayHoldLookalike($0.baseAddress!, $0.count) } == expected, "\(text)")
        }
    }

    @Test("a session's copies are read as they were accepted: no id-lookalike-letter")
    func sessionCopies() throws {
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let sample = try String(contentsOf: TextLimitsTests.sample.appendingPathComponent("units.csv"), encoding: .utf8)
        let csv = sample.replacingOccurrences(of: "X03,", with: Self.cyrillicX + "03,")
        var reader = UnitsReader(rules: rules)
        #expect(reader.read(Data(csv.utf8), fileName: "units.csv").diagnostics.contains { $0.code == "id-lookalike-letter" })
        reader.limitsText = false
        #expect(!reader.read(Data(csv.utf8), fileName: "units.csv").diagnostics.contains { $0.code == "id-lookalike-letter" })
    }
}
