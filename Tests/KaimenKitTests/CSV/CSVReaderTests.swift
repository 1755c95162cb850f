import Foundation
import Testing
@testable import KaimenKit

@Suite("CSVReader: spreadsheet exports into tables, every problem located")
struct CSVReaderTests {
    func read(_ text: String, file: String = "units.csv") -> CSVReader.Result {
        CSVReader.read(bytes: Array(text.utf8), fileName: file)
    }

    func codes(_ r: CSVReader.Result) -> [String] { r.diagnostics.map(\.code) }

    @Test("a plain file reads into header and rows, with or without a final line end")
    func plain() throws {
        for text in ["名称,得分\n甲,1\n乙,2\n", "名称,得分\n甲,1\n乙,2"] {
            let r = read(text)
            #expect(r.diagnostics.isEmpty)
            #expect(r.encoding == .utf8)
            let t = try #require(r.table)
            #expect(t.header == ["名称", "得分"])
            #expect(t.rows == [["甲", "1"], ["乙", "2"]])
            #expect(t.rowLines == [2, 3])
            #expect(t.headerLine == 1)
            #expect(t.columnIndex(named: "得分") == 1)
        }
    }

    @Test("CRLF, quoted commas, quoted line breaks, doubled quotes and empty lines")
    func rfc4180() throws {
        let text = "\r\n 名称 , 备注\r\n\r\n甲,\"a,b\"\r\n乙,\"第一行\r\n第二行\"\r\n丙,\"他说\"\"好\"\"\"\r\n\n丁,\"\"\r\n"
        let r = read(text)
        #expect(r.diagnostics.isEmpty)
        let t = try #require(r.table)
        #expect(t.header == ["名称", "备注"])
        #expect(t.rows == [["甲", "a,b"], ["乙", "第一行\r\n第二行"], ["丙", "他说\"好\""], ["丁", ""]])
        #expect(t.headerLine == 2)
        #expect(t.rowLines == [4, 5, 7, 9])
    }

    @Test("lone CR line ends (old Mac Excel) and a trailing comma at the end of the file")
    func loneCR() throws {
        let t = try #require(read("a,b\r1,2\r3,").table)
        #expect(t.rows == [["1", "2"], ["3", ""]])
        #expect(t.rowLines == [2, 3])
    }

    @Test("a UTF-8 byte order mark is removed before the first column name")
    func utf8BOM() throws {
        let r = CSVReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("单位,得分\n甲,1\n".utf8), fileName: "bom.csv")
        #expect(r.diagnostics.isEmpty)
        #expect(r.encoding == .utf8WithBOM)
        let t = try #require(r.table)
        #expect(t.header == ["单位", "得分"])
        #expect(t.location(row: 0, column: 1) == SourceLocation(file: "bom.csv", line: 2, column: 3,
                                                                cell: CellPosition(row: 2, column: 1, header: "得分")))
    }

    @Test("GB18030 from Chinese Excel is converted, with a warning saying so")
    func gb18030() throws {
        // python3 -c "print(list('单位,得分\r\n机关工会,92.5\r\n'.encode('gb18030')))"
        let bytes: [UInt8] = [181, 165, 206, 187, 44, 181, 195, 183, 214, 13, 10,
                              187, 250, 185, 216, 185, 164, 187, 225, 44, 57, 50, 46, 53, 13, 10]
        let r = CSVReader.read(Data(bytes), fileName: "gbk.csv")
        #expect(r.encoding == .gb18030)
        #expect(!r.hasErrors)
        #expect(codes(r) == ["gb18030-decoded"])
        #expect(r.diagnostics[0].severity == .warning)
        #expect(r.diagnostics[0].message.contains("`gbk.csv`"))
        let t = try #require(r.table)
        #expect(t.header == ["单位", "得分"])
        #expect(t.rows == [["机关工会", "92.5"]])
        // Columns count characters of the converted text.
        #expect(t.location(row: 0, column: 1) == SourceLocation(file: "gbk.csv", line: 2, column: 6,
                                                                cell: CellPosition(row: 2, column: 1, header: "得分")))
    }

    @Test("bytes that are neither UTF-8 nor GB18030 are refused with the way to save as CSV UTF-8")
    func undecodable() {
        let r = CSVReader.read(bytes: Array("a,b\n1,2\n".utf8) + [0xFF, 0xFF, 0x0A], fileName: "bad.csv")
        #expect(r.table == nil)
        #expect(codes(r) == ["csv-encoding"])
        let d = r.diagnostics[0]
        #expect(d.location == SourceLocation(file: "bad.csv", line: 3, column: 1))
        #expect(d.message.contains("`bad.csv` is not UTF-8"))
        #expect(d.hint?.contains("CSV UTF-8") == true)
    }

    @Test("a GB18030 file with one damaged byte is refused at that byte, not at its first Chinese character")
    func damagedGB18030() {
        // python3 -c "print(list('单位,得分\r\n机关工会,92.5\r\n西城区工会,88\r\n'.encode('gb18030')))", then 0xFF put
        // after 西城 (line 3, the third character).
        var bytes: [UInt8] = [181, 165, 206, 187, 44, 181, 195, 183, 214, 13, 10, 187, 250, 185, 216, 185, 164, 187, 225, 44, 57, 50, 46, 53, 13, 10,
                              206, 247, 179, 199, 199, 248, 185, 164, 187, 225, 44, 56, 56, 13, 10]
        bytes.insert(0xFF, at: 30)
        let r = CSVReader.read(bytes: bytes, fileName: "gbk.csv")
        #expect(r.table == nil)
        #expect(codes(r) == ["csv-encoding"])
        let d = r.diagnostics[0]
        #expect(d.location == SourceLocation(file: "gbk.csv", line: 3, column: 3))
        #expect(d.text.zh.contains("看来是 GB18030 编码") && d.text.zh.contains("第 3 行"), "\(d.text.zh)")
        #expect(d.hint?.contains("CSV UTF-8") == true)
        // A four-byte character (U+20000, 95 32 82 36) before the damage is read past as one character.
        let four: [UInt8] = Array("a,b\n".utf8) + [0x95, 0x32, 0x82, 0x36, 181, 165, 0xFF, 0x2C, 0x31, 0x0A]
        let f = CSVReader.read(bytes: four, fileName: "gbk.csv")
        #expect(f.diagnostics.first?.location == SourceLocation(file: "gbk.csv", line: 2, column: 3))
        #expect(TextEncodingDetection.firstInvalidGB18030(four) == 10)
    }

    @Test("a UTF-8 file whose first Chinese character is damaged is shown where UTF-8 breaks, not taken for GB18030")
    func damagedUTF8() {
        // 北 is E5 8C 97: cut to its first byte, the rest of the line is UTF-8 again.
        var bytes = Array("id,name\nU1,北京市工会\nU2,上海\n".utf8)
        bytes.removeSubrange(12 ..< 14)
        let r = CSVReader.read(bytes: bytes, fileName: "u.csv")
        #expect(codes(r) == ["csv-encoding"])
        #expect(r.diagnostics.first?.location == SourceLocation(file: "u.csv", line: 2, column: 4))
        // Since 0.23.1 said to be UTF-8 with a byte that is not, not "neither UTF-8 nor GB18030".
        #expect(r.diagnostics.first?.text.zh == "`u.csv` 是 UTF-8 文本，但第 2 行这里有 1 个字节不是 UTF-8", "\(r.diagnostics.first?.text.zh ?? "")")
        // The Xicheng sample without its byte order mark, its first name's first character cut short.
        let sample = Array((try? Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/units.csv"))) ?? Data())
        var units = Array(sample.dropFirst(3))
        let at = units.firstIndex(of: 0x0A)! + 5  // `X01,` then the name
        units.removeSubrange(at + 1 ..< at + 3)
        let s = CSVReader.read(bytes: units, fileName: "units.csv")
        #expect(s.diagnostics.first?.location == SourceLocation(file: "units.csv", line: 2, column: 5))
        // 顾 (E9 A1 BE) short of its last byte.
        let roster = Array("id,name\nR01,".utf8) + [0xE9, 0xA1] + Array("尚礼\nR02,王秀兰\n".utf8)
        #expect(CSVReader.read(bytes: roster, fileName: "r.csv").diagnostics.first?.location == SourceLocation(file: "r.csv", line: 2, column: 5))
        // A character cut short is not read as GBK (E9 A1 would be 椤).
        #expect(CSVReader.read(bytes: roster, fileName: "r.csv").diagnostics.first?.text.zh == "`r.csv` 是 UTF-8 文本，但第 2 行这里有 2 个字节不是 UTF-8")
    }

    @Test("a UTF-8 file with one name pasted from a GBK file: the place, and what the bytes read as in GBK")
    func pastedGBK() throws {
        // 西 of 西城区德胜商贸集团 in GBK (CE F7), the rest of the Xicheng units UTF-8.
        let sample = Array(try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/units.csv")))
        let name = Array("西城区德胜".utf8)
        let at = try #require((0 ..< sample.count - name.count).first { Array(sample[$0 ..< $0 + name.count]) == name })
        var bytes = sample
        bytes.replaceSubrange(at ..< at + 3, with: [0xCE, 0xF7])
        for bom in [true, false] {
            let r = CSVReader.read(bytes: bom ? bytes : Array(bytes.dropFirst(3)), fileName: "units.csv")
            #expect(codes(r) == ["csv-encoding"])
            let d = try #require(r.diagnostics.first)
            #expect(d.location == SourceLocation(file: "units.csv", line: 3, column: 5))
            #expect(d.rendered(.zh) == "units.csv:3:5: 错误：`units.csv` 是 UTF-8 文本，但第 3 行这里有 2 个字节不是 UTF-8（按 GBK 读是“西”，多半是从另一个文件粘贴来的）；删去这几个字重新输入，再保存（Excel 或 WPS 中选“CSV UTF-8（逗号分隔）”）", "\(d.rendered(.zh))")
            #expect(d.rendered(.en).contains("2 bytes here on line 3 are not UTF-8 (read as GBK they are “西”, most likely pasted from another file)"))
        }
    }

    @Test("a GB18030 file whose first name happens to be valid UTF-8 is still placed at its damaged byte")
    func damagedGB18030AfterUTF8LookAlike() throws {
        // 郑 is D6 A3 in GB18030, which is also a well-formed UTF-8 character (U+05A3).
        let text = "id,name,group\nR01,郑玉琴,第一组\nR02,王秀兰,第一组\nR03,李建国,第一组\nR04,张丽华,第一组\n"
        var bytes = try #require(text.data(using: TextEncodingDetection.gb18030)).map { $0 }
        #expect(Array(bytes[18 ..< 20]) == [0xD6, 0xA3])
        let at = try #require(bytes.firstIndex(of: 0x34)) + 2  // `R04,` then 张
        bytes[at] = 0xFF
        let r = CSVReader.read(bytes: bytes, fileName: "g.csv")
        #expect(r.diagnostics.first?.location == SourceLocation(file: "g.csv", line: 5, column: 5))
    }

    @Test("an old .xls workbook, a damaged .xlsx or a file with NUL bytes is refused")
    func notText() {
        let xls = CSVReader.read(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], fileName: "units.xls")
        #expect(codes(xls) == ["csv-encoding"])
        #expect(xls.diagnostics[0].message.contains("old Excel workbook (.xls)"))
        #expect(xls.diagnostics[0].location == .whole("units.xls"))
        let xlsx = CSVReader.read(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], fileName: "units.xlsx")
        #expect(codes(xlsx) == ["workbook-unreadable"])
        #expect(xlsx.diagnostics[0].message.contains("incomplete or damaged"))
        let nul = CSVReader.read(bytes: Array("a,b\n1".utf8) + [0, 0x32], fileName: "nul.csv")
        #expect(codes(nul) == ["csv-encoding"])
        #expect(nul.diagnostics[0].location == SourceLocation(file: "nul.csv", line: 2, column: 2))
    }

    @Test("UTF-16 with a byte order mark (Excel “Unicode text”, tab-separated) is converted")
    func utf16() throws {
        let text = "单位\t得分\r\n甲\t1\r\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, encoding) in [(le, TextEncodingDetection.SourceEncoding.utf16LittleEndian), (be, .utf16BigEndian)] {
            let r = CSVReader.read(bytes: bytes, fileName: "u.txt")
            #expect(r.encoding == encoding)
            #expect(codes(r) == ["utf16-decoded"])
            let t = try #require(r.table)
            #expect(t.header == ["单位", "得分"])
            #expect(t.rows == [["甲", "1"]])
        }
        let odd = CSVReader.read(bytes: [0xFF, 0xFE, 0x61], fileName: "odd.txt")
        #expect(codes(odd) == ["csv-encoding"])
    }

    @Test("a tab-separated file in UTF-8 or GB18030 (Excel “文本文件（制表符分隔）”) is read by its tabs")
    func tabSeparated() throws {
        let utf8 = read("单位\t得分\n甲\t1,5\n")
        #expect(utf8.diagnostics.isEmpty)
        #expect(utf8.table?.header == ["单位", "得分"] && utf8.table?.rows == [["甲", "1,5"]])
        // 单位 得分 / 甲 1 in GB18030: B5 A5 CE BB 09 B5 C3 B7 D6 0A BC D7 09 31 0A.
        let gb: [UInt8] = [0xB5, 0xA5, 0xCE, 0xBB, 0x09, 0xB5, 0xC3, 0xB7, 0xD6, 0x0A, 0xBC, 0xD7, 0x09, 0x31, 0x0A]
        let r = CSVReader.read(bytes: gb, fileName: "gb.txt")
        #expect(codes(r) == ["gb18030-decoded"])
        #expect(r.table?.header == ["单位", "得分"] && r.table?.rows == [["甲", "1"]])
        // A header with a comma stays comma-separated: a tab is then part of a cell.
        let comma = read("单位,得\t分\n甲,1\n")
        #expect(comma.table?.header == ["单位", "得\t分"])
        // Blank lines, or lines of spaces, before a tab-separated header do not hide its tabs; a
        // line of a lone tab before a comma header does not make the file tab-separated.
        #expect(read("\n\n单位\t得分\n甲\t1\n").table?.header == ["单位", "得分"])
        #expect(read("   \n单位\t得分\n甲\t1\n").table?.header == ["单位", "得分"])
        #expect(read("\t\n单位,得分\n甲,1\n").table?.header == ["单位", "得分"])
    }

    @Test("an empty file is csv-empty; a header without rows is not an error")
    func empty() throws {
        #expect(codes(read("")) == ["csv-empty"])
        #expect(codes(read("\r\n\n")) == ["csv-empty"])
        #expect(codes(CSVReader.read(bytes: [0xEF, 0xBB, 0xBF], fileName: "e.csv")) == ["csv-empty"])
        let headerOnly = read("名称,得分\n")
        #expect(headerOnly.diagnostics.isEmpty)
        #expect(try #require(headerOnly.table).rows.isEmpty)
    }

    @Test("a row of nothing but spaces is blank whatever its cell count; one with text beyond the header is not")
    func rowsOfSpaces() throws {
        let r = read("名称,得分,备注\n甲,1,ok\n   \n \t , \n  ,  ,  ,  \n乙,2,\n")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
        let t = try #require(r.table)
        #expect(t.rows.filter { !$0.isBlank }.map { $0[0] } == ["甲", "乙"])
        let before = read("  \n , \n名称,得分,备注\n甲,1,ok\n")
        #expect(before.diagnostics.isEmpty)
        #expect(before.table?.header == ["名称", "得分", "备注"])
        #expect(before.table?.headerRow == 3)
        #expect(read("  \n \t \n").diagnostics.map(\.code) == ["csv-empty"])
        let extra = read("名称,得分,备注\n甲,1,ok\n , , ,x\n")
        #expect(extra.diagnostics.map(\.code) == ["csv-ragged-row"])
    }

    @Test("every broken row is reported at its line and column, naming the column")
    func brokenRows() throws {
        let text = """
        名称,得分,备注
        甲,1,ok
        乙,2,x,extra
        丙,3
        丁,4,他说"好"
        戊,5,"x"y
        己,6, "z"
        庚,"7,ok
        """
        let r = read(text, file: "broken.csv")
        let found = r.diagnostics.map { "\($0.code) \($0.location!.line):\($0.location!.column) \($0.path ?? "-")" }
        #expect(found == [
            "csv-ragged-row 3:7 -",
            "csv-ragged-row 4:4 备注",
            "csv-stray-quote 5:7 备注",   // 丁,4,他说 is 6 characters
            "csv-stray-quote 6:7 备注",   // the closing quote after x
            "csv-stray-quote 7:6 备注",
            "csv-unbalanced-quote 8:3 得分",
        ])
        #expect(r.diagnostics.allSatisfy { $0.severity == .error })
        #expect(r.diagnostics[0].message == "row 3 has 4 fields but the header has 3")
        #expect(r.diagnostics[0].hint?.contains("double quotes") == true)
        #expect(r.diagnostics[1].message == "row 4 has 2 fields but the header has 3")
        #expect(r.diagnostics[1].text.zh == "第 4 行有 2 个单元格，但表头有 3 列")
        #expect(r.diagnostics[1].rendered(.zh).hasPrefix("broken.csv 第 4 行 C 列（备注）：错误："))
        #expect(r.diagnostics[1].rendered(.en).hasPrefix("broken.csv row 4, column C (备注): error:"))
        #expect(r.diagnostics[1].hint?.contains("`备注`") == true)
        #expect(r.diagnostics[4].hint == "remove the space before the opening quote")
        // Quote problems are placed as every other cell problem, by row and column letter.
        #expect(r.diagnostics[5].location == SourceLocation(file: "broken.csv", line: 8, column: 3, cell: CellPosition(row: 8, column: 1, header: "得分")))
        #expect(r.diagnostics[5].rendered(.zh).hasPrefix("broken.csv 第 8 行 B 列（得分）：错误：这个引号没有闭合（在文本第 8 行第 3 个字符处）"))
        #expect(r.diagnostics[2].rendered(.zh).hasPrefix("broken.csv 第 5 行 C 列（备注）：错误："))
        // A quoted cell over two lines is one spreadsheet row: the stray quote below it is in row 3, on line 4.
        let multi = read("名称,备注\n甲,\"两\n行\"\n乙,他说\"好\"\n", file: "multi.csv")
        #expect(multi.diagnostics.map(\.code) == ["csv-stray-quote"])
        #expect(multi.diagnostics.first?.location == SourceLocation(file: "multi.csv", line: 4, column: 5, cell: CellPosition(row: 3, column: 1, header: "备注")))
        // The table is still built, every row as wide as the header.
        let t = try #require(r.table)
        #expect(t.rows.count == 7)
        #expect(t.rows.allSatisfy { $0.count == 3 })
        #expect(t.rows[1] == ["乙", "2", "x"])
        #expect(t.rows[2] == ["丙", "3", ""])
        // After the unclosed quote the line is read with the quote as an ordinary character.
        #expect(t.rows[6] == ["庚", "\"7", "ok"])
        #expect(t.location(row: 2, column: 2).line == 4 && t.location(row: 2, column: 2).column == 4)
        #expect(t.location(row: 2, column: 2).cell == CellPosition(row: 4, column: 2, header: "备注"))
        #expect(t.location(row: 6, column: 2).line == 8 && t.location(row: 6, column: 2).column == 6)
        #expect(t.location(row: 6, column: 2).cell == CellPosition(row: 8, column: 2, header: "备注"))
    }

    @Test("an unclosed quote that swallows line breaks points where it opened")
    func unbalancedAcrossLines() throws {
        let r = read("a,b\n1,\"open\n2,3\n4,5\n")
        #expect(codes(r) == ["csv-unbalanced-quote"])
        #expect(r.diagnostics[0].location?.line == 2)
        #expect(r.diagnostics[0].location?.column == 3)
        #expect(r.diagnostics[0].path == "b")
        // Recovered: the rest of the file is still read as rows.
        #expect(try #require(r.table).rows == [["1", "\"open"], ["2", "3"], ["4", "5"]])
    }

    @Test("blank and repeated column names are reported in the header")
    func headerProblems() throws {
        // (A nameless column is said at its first filled cell since 0.29.4: `SpacerColumnTests`.)
        let r = read(" 名称 ,得分,,得分\n甲,1,x,2\n")
        #expect(r.diagnostics.map(\.code) == ["csv-duplicate-header", "csv-empty-header"])
        #expect(r.diagnostics[1].location == SourceLocation(file: "units.csv", line: 2, column: 5, cell: CellPosition(row: 2, column: 2, header: "")))
        #expect(r.diagnostics[1].message == "this cell holds something, but column C has no name in the header (row 1), so what it is a value of is unknown")
        let dup = r.diagnostics[0]
        #expect(dup.location == SourceLocation(file: "units.csv", line: 1, column: 10, cell: CellPosition(row: 1, column: 3, header: "得分")))
        #expect(dup.path == "得分")
        #expect(dup.hint?.contains("columns B and D") == true)
        #expect(try #require(r.table).header == ["名称", "得分", "", "得分"])
    }

    @Test("header names lose surrounding spaces, tabs and ideographic spaces; values keep theirs")
    func trimming() throws {
        let t = try #require(read("\u{3000}名称\t, 得分 \n 甲 ,1\n").table)
        #expect(t.header == ["名称", "得分"])
        #expect(t.rows == [[" 甲 ", "1"]])
    }

    @Test("a table's row makes each cell's text when read, equal to and hashed as the same row of strings")
    func rowsFromTheFile() throws {
        let t = try #require(read("名称,说明,得分\n\"甲\"\"乙\",\"a,b\",1\n丙\n,,\n").table)
        #expect(t.rows.count == 3)
        let quoted: CSVRow = ["甲\"乙", "a,b", "1"]
        #expect(t.rows[0] == quoted && t.rows[0].hashValue == quoted.hashValue)
        #expect(t.rows[0].stored == ["甲\"乙", "a,b", "1"] && t.rows[0][1...] == ["a,b", "1"])
        // A short row reads as filled with empty cells, and equals (and hashes as) the full one.
        #expect(t.rows[1].storedCount == 1 && t.rows[1] == ["丙", "", ""])
        #expect(t.rows[1].hashValue == CSVRow(["丙", "", ""], width: 3).hashValue)
        #expect(t.rows[2].isBlank && !t.rows[1].isBlank)
    }
}

@Suite("CSVParser: records as byte ranges")
struct CSVParserTests {
    @Test("fields are ranges into the buffer; strings are made only when asked")
    func ranges() {
        let text = "id,note\r\n7,\"a \"\"b\"\"\"\r\n8,plain"
        var parser = CSVParser(bytes: Array(text.utf8), fileName: "p.csv")
        let records = parser.readAll()
        #expect(parser.diagnostics.isEmpty)
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records.map(\.fields.count) == [2, 2, 2])
        let quoted = records[1].fields[1]
        #expect(quoted.isQuoted)
        #expect(quoted.hasEscapedQuotes)
        #expect(Array(parser.buffer.rawBytes(quoted)) == Array("a \"\"b\"\"".utf8))
        #expect(parser.buffer.string(quoted) == "a \"b\"")
        let plain = records[2].fields[1]
        #expect(!plain.isQuoted)
        #expect(plain.range == (text.utf8.count - 5)..<text.utf8.count)
        #expect(parser.buffer.string(plain) == "plain")
        #expect(parser.buffer.location(ofByte: quoted.start) == SourceLocation(file: "p.csv", line: 2, column: 3))
    }

    @Test("a table's records, in one list of fields, are the parser's records one by one")
    func flatRecords() throws {
        // Ragged rows, a multi-line quoted cell, an escaped quote, an empty line, a CR line end.
        let text = "a,b,c\n1,\"x\ny\",3\n\n4\r\n5,6,7,8\r\"q\"\"\",,\n"
        var parser = CSVParser(bytes: Array(text.utf8), fileName: "f.csv")
        let one = parser.readAll()
        let table = try #require(CSVReader.read(bytes: Array(text.utf8), fileName: "f.csv").table)
        #expect(table.records.count == one.count - 1)
        for (r, record) in table.records.enumerated() {
            #expect(Array(record.fields) == one[r + 1].fields && record.line == one[r + 1].line && record.end == one[r + 1].end)
        }
        #expect(table.rows == [["1", "x\ny", "3"], ["4", "", ""], ["5", "6", "7"], ["q\"", "", ""]])
        // Lines 1–7 (the lone CR ends line 6); the empty line 4 is a spreadsheet row of its own,
        // the quoted cell's second line is not.
        #expect(table.spreadsheetRows == [2, 4, 5, 6] && table.rowLines == [2, 5, 6, 7])
        #expect(table.isQuoted(row: 0, column: 1) && !table.isQuoted(row: 0, column: 2) && !table.isQuoted(row: 1, column: 2))
        #expect(table.location(row: 1, column: 2) == SourceLocation(file: "f.csv", line: 5, column: 2, cell: CellPosition(row: 4, column: 2, header: "c")))
    }

    @Test("room for records and fields is counted from the file: lines with text, delimiters outside quotes")
    func room() throws {
        let comma = UInt8(ascii: ",")
        // Header and two rows of three fields; a CRLF, an empty line, no line end at the end.
        #expect(CSVRecords.room(Array("a,b,c\r\n1,2,3\n\n\n4,5,6".utf8), delimiter: comma) == (3, 9))
        // A quoted cell's commas and line breaks are its text; `""` inside it is one quote.
        #expect(CSVRecords.room(Array("a,b\n\"x,\ny\"\"z\n,w\",1\n".utf8), delimiter: comma) == (2, 4))
        #expect(CSVRecords.room(Array(repeating: 0x0A, count: 1_000), delimiter: comma) == (0, 0))
        // A file of a million empty lines after its one row: room for two records (a review
        // found 800 million such lines asked for 29 GB and stopped the reader).
        let text = "id,name,n\nU1,甲,1\n" + String(repeating: "\n", count: 1_000_000)
        let table = try #require(CSVReader.read(bytes: Array(text.utf8), fileName: "u.csv").table)
        #expect(table.rows == [["U1", "甲", "1"]])
        #expect(table.records.allFields.capacity < 100)
    }

    @Test("a line of spaces before the header: the parser's messages still name the header's columns")
    func spacesBeforeHeader() throws {
        // Found by review: the column names were taken from the line of spaces.
        let r = CSVReader.read(bytes: Array("  \nid,name\nX01,a\"b\n".utf8), fileName: "u.csv")
        let e = try #require(r.diagnostics.first { $0.code == "csv-stray-quote" })
        #expect(e.location?.rendered(.zh) == "u.csv 第 3 行 B 列（name）")
        #expect(e.path == "name")
    }

    @Test("a field is 16 bytes and gives back its range and flags, at any offset a file can have")
    func fieldLayout() {
        #expect(MemoryLayout<CSVField>.stride == 16)
        for (lower, upper) in [(0, 0), (3, 9), (1 << 40, (1 << 40) + 7), ((1 << 61) - 1, 1 << 61)] {
            for (quoted, escaped) in [(false, false), (true, false), (true, true)] {
                let f = CSVField(range: lower ..< upper, isQuoted: quoted, hasEscapedQuotes: escaped)
                #expect(f.range == lower ..< upper && f.isQuoted == quoted && f.hasEscapedQuotes == escaped)
                #expect(f.start == (quoted ? lower - 1 : lower))
            }
        }
        #expect(CSVField(range: 5 ..< 6, isQuoted: true, hasEscapedQuotes: false) != CSVField(range: 5 ..< 6, isQuoted: false, hasEscapedQuotes: false))
    }

    @Test("another delimiter can be chosen")
    func delimiter() {
        var parser = CSVParser(bytes: Array("a;b\n1;\"x;y\"\n".utf8), fileName: "s.csv", delimiter: UInt8(ascii: ";"))
        let records = parser.readAll()
        #expect(records.map { $0.fields.map(parser.buffer.string) } == [["a", "b"], ["1", "x;y"]])
    }

    @Test("UTF-8 validation rejects overlong forms, surrogates and truncated sequences")
    func utf8Validation() {
        #expect(TextEncodingDetection.firstInvalidUTF8(Array("ok 单位 😀".utf8)) == nil)
        #expect(TextEncodingDetection.firstInvalidUTF8([0x61, 0xC0, 0xAF]) == 1)         // overlong /
        #expect(TextEncodingDetection.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)         // surrogate
        #expect(TextEncodingDetection.firstInvalidUTF8([0x61, 0x62, 0xE5, 0x8D]) == 2)   // cut short
        #expect(TextEncodingDetection.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)   // > U+10FFFF
    }
}
