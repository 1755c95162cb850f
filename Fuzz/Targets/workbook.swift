import Foundation
import KaimenKit

/// A units file as an Excel workbook, read against the Xicheng rules. The first byte chooses
/// what the input is: the whole file, that byte included (a ZIP's `P` is 0 modulo 4: the ZIP
/// directory, inflating, the parts), or, after the byte, one part's
/// XML put into a workbook that is otherwise whole (the worksheet, the shared strings, the
/// styles), so that the fuzzer reaches the XML and the cells without first finding CRC-32s.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: bytes + 1, count: count - 1))
    let file: [UInt8]
    switch bytes[0] % 4 {
    case 0: file = Array(UnsafeBufferPointer(start: bytes, count: count))
    case 1: file = workbook(sheet: rest, strings: Array("<sst><si><t>X01</t></si></sst>".utf8), styles: Array(styles.utf8))
    case 2: file = workbook(sheet: Array(sheet.utf8), strings: rest, styles: Array(styles.utf8))
    default: file = workbook(sheet: Array(sheet.utf8), strings: Array("<sst><si><t>X01</t></si></sst>".utf8), styles: rest)
    }
    let (_, diagnostics) = UnitsReader(rules: FuzzSession.xicheng.rules).read(Data(file), fileName: "units.xlsx")
    FuzzSession.checkLocated(diagnostics)
    return 0
}

private let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>members</t></is></c></row>"
    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" s=\"1\"><v>0.5</v></c></row></sheetData></worksheet>"
private let styles = "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"

/// A workbook of one worksheet with these parts, stored (not deflated).
private func workbook(sheet: [UInt8], strings: [UInt8], styles: [UInt8]) -> [UInt8] {
    var zip = ZIPArchive()
    zip.add("xl/workbook.xml", text: "<workbook xmlns:r=\"r\"><sheets><sheet name=\"单位\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
    zip.add("xl/_rels/workbook.xml.rels", text: "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>")
    zip.add("xl/worksheets/sheet1.xml", sheet)
    zip.add("xl/sharedStrings.xml", strings)
    zip.add("xl/styles.xml", styles)
    return zip.bytes() ?? []
}
