import Foundation
import Testing
@testable import KaimenKit

@Suite("CSVWriter: files Excel and WPS open safely")
struct CSVWriterTests {
    func body(_ w: CSVWriter) -> String {
        String(decoding: w.bytes.dropFirst(3), as: UTF8.self)
    }

    @Test("output starts with the UTF-8 byte order mark and ends rows with CRLF")
    func bomAndCRLF() {
        var w = CSVWriter()
        w.row(texts: ["单位", "得分"])
        w.row([.text("机关工会"), .number("92.50")])
        #expect(Array(w.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(body(w) == "单位,得分\r\n机关工会,92.50\r\n")
        var plain = CSVWriter(byteOrderMark: false)
        plain.row(texts: ["a"])
        #expect(plain.bytes == Array("a\r\n".utf8))
    }

    @Test("text that a spreadsheet would run as a formula gets a leading quote")
    func formulaInjection() {
        var w = CSVWriter()
        w.row([.text("=1+2"), .text("-3"), .text("+86"), .text("@SUM(A1)"), .text("\t=1"), .text("a=b")])
        #expect(body(w) == "'=1+2,'-3,'+86,'@SUM(A1),'\t=1,a=b\r\n")
        #expect(CSVWriter.neutralised("=cmd") == "'=cmd")
        #expect(CSVWriter.neutralised("工会") == "工会")
        #expect(CSVWriter.neutralised("") == "")
    }

    @Test("numbers we formatted ourselves are written as they are, minus sign included")
    func numbers() {
        var w = CSVWriter()
        w.row([.number("-1.50"), .number("+2"), .text("-1.50")])
        #expect(body(w) == "-1.50,+2,'-1.50\r\n")
    }

    @Test("commas, quotes, line breaks and edge spaces are quoted, inner quotes doubled")
    func quoting() {
        var w = CSVWriter()
        w.row([.text("a,b"), .text("他说\"好\""), .text("两\n行"), .text("x\ry"), .text(" 张三 "), .text("末尾 "), .text("")])
        #expect(body(w) == "\"a,b\",\"他说\"\"好\"\"\",\"两\n行\",\"x\ry\",\" 张三 \",\"末尾 \",\r\n")
        var f = CSVWriter()
        f.row([.text("=HYPERLINK(\"http://x\",\"y\")"), .text("\r1")])
        #expect(body(f) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'\r1\"\r\n")
    }

    @Test("what the writer writes, the reader reads back")
    func roundTrip() throws {
        let rows: [[String]] = [["名称", "备注", "分"], ["甲", "a,\"b\"\r\nc", "1"], [" 乙", "", "2"]]
        var w = CSVWriter()
        for row in rows { w.row(texts: row) }
        let r = CSVReader.read(w.data, fileName: "out.csv")
        #expect(r.diagnostics.isEmpty)
        #expect(r.encoding == .utf8WithBOM)
        let t = try #require(r.table)
        #expect(t.header == rows[0])
        #expect(t.rows == Array(rows.dropFirst()))
    }
}
