import Foundation
import Testing
@testable import KaimenKit

/// Three copies of "is this a Chinese character" said three things (the units reader's left out
/// 〇 and extension H, the reading of GBK bytes in a UTF-8 file the planes 2 and 3 and 〇 too);
/// now one, `Han`, for the units reader, the GBK reading and the HTML tables' line breaks.
@Suite("Chinese characters: one definition")
struct HanTests {
    @Test("the ranges: unified ideographs and their extensions, compatibility ideographs, 〇; not punctuation, full-width forms, radicals",
          arguments: [("一", true), ("\u{9FFF}", true), ("㐀", true), ("\u{4DBF}", true), ("豈", true), ("\u{FAFF}", true),
                      ("\u{20000}", true), ("\u{2A6DF}", true), ("\u{2F800}", true), ("\u{31350}", true), ("\u{323AF}", true), ("〇", true),
                      ("\u{323B0}", false), ("\u{33FF}", false), ("\u{FB00}", false), ("、", false), ("，", false), ("〡", false),
                      ("Ｘ", false), ("１", false), ("⺀", false), ("A", false), ("々", false)])
    func ranges(text: String, han: Bool) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(Han.isHan(scalar) == han)
        #expect(Han.isHan(Character(text)) == han)
    }

    @Test("a character is Han by its first scalar, marks after it included; counted by scalars")
    func characters() {
        #expect(Han.isHan(Character("一\u{301}")))
        #expect(!Han.isHan(Character("a\u{301}")))
        #expect(Han.count(in: "二〇一四年度X01") == 6)
        #expect(Han.count(in: "𠀀𠀁") == 2)
    }

    @Test("GBK bytes of 〇 in a UTF-8 file are said as what they read: 〇 was no Chinese character there")
    func gbkZero() throws {
        // The Xicheng units (UTF-8) with 西 of 西城区德胜 replaced by 〇 in GBK (A9 96), as CSVReaderTests' pastedGBK does with 西.
        let sample = Array(try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/units.csv")))
        let name = Array("西城区德胜".utf8)
        let at = try #require((0 ..< sample.count - name.count).first { Array(sample[$0 ..< $0 + name.count]) == name })
        var bytes = sample
        bytes.replaceSubrange(at ..< at + 3, with: [0xA9, 0x96])
        let d = try #require(CSVReader.read(bytes: bytes, fileName: "units.csv").diagnostics.first)
        #expect(d.code == "csv-encoding")
        #expect(d.text.zh == "`units.csv` 是 UTF-8 文本，但第 3 行这里有 2 个字节不是 UTF-8（按 GBK 读是“〇”，多半是从另一个文件粘贴来的）", "\(d.text.zh)")
    }

    @Test("〇 counts toward a name in an id cell, as in the HTML tables' pairs")
    func zeroInIDs() {
        // 二〇一四年度 is six Chinese characters with 〇, among ids without any: a name by its length.
        #expect(KaimenKit.Unit.namesInIDCells(ids: ["二〇一四年度", "X02"], names: ["甲工会", "乙工会"]) == [0: .looksLikeName])
        #expect(HTMLTableBuilder.pairs("二〇一四年度") == "二〇<wbr>一四<wbr>年度")
    }
}
