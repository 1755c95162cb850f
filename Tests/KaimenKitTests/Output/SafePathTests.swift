import Foundation
import Testing
@testable import KaimenKit

@Suite("SafePath: ids from data never escape the output folder")
struct SafePathTests {
    @Test("hostile ids become one harmless file-name component")
    func hostile() {
        #expect(SafePath.fileName(for: "../../etc/passwd") == "___.__etc_passwd")
        #expect(SafePath.fileName(for: "a/b") == "a_b")
        #expect(SafePath.fileName(for: "a\\b") == "a_b")
        #expect(SafePath.fileName(for: "a\u{0}b") == "a_b")
        #expect(SafePath.fileName(for: "C:\\x") == "C__x")
        #expect(SafePath.fileName(for: "") == "_")
        #expect(SafePath.fileName(for: ".") == "_")
        #expect(SafePath.fileName(for: "..") == "__")
        #expect(SafePath.fileName(for: "...") == "___")
        #expect(SafePath.fileName(for: ".hidden") == "_hidden")
        #expect(SafePath.fileName(for: "end.") == "end_")
        #expect(SafePath.fileName(for: "a b\tc\n") == "a_b_c_")
        #expect(SafePath.fileName(for: "x*?<>|\"") == "x______")
        for id in ["../../etc/passwd", "a/b", "..", "/", "\\\\server\\share", "a/../..", "\u{0}"] {
            let name = SafePath.fileName(for: id)
            #expect(!name.contains("/") && !name.contains("\\") && !name.contains("..") && !name.hasPrefix("."))
            #expect(!name.utf8.contains(0))
        }
    }

    @Test("Windows device names get a prefix, in any case and with an extension")
    func windowsDevices() {
        #expect(SafePath.fileName(for: "CON") == "_CON")
        #expect(SafePath.fileName(for: "con.txt") == "_con.txt")
        #expect(SafePath.fileName(for: "Lpt1") == "_Lpt1")
        #expect(SafePath.fileName(for: "COM0") == "COM0")
        #expect(SafePath.fileName(for: "CONSOLE") == "CONSOLE")
    }

    @Test("Chinese and other scripts stay readable; accents keep their marks")
    func scripts() {
        #expect(SafePath.fileName(for: "机关工会-01_甲.csv") == "机关工会-01_甲.csv")
        #expect(SafePath.fileName(for: "张 三") == "张_三")
        #expect(SafePath.fileName(for: "e\u{301}quipe") == "e\u{301}quipe")
        #expect(SafePath.fileName(for: "第①组") == "第①组")
        #expect(SafePath.fileName(for: "工会（一）") == "工会_一_")
    }

    @Test("long ids are cut at 100 bytes between characters")
    func long() {
        let name = SafePath.fileName(for: String(repeating: "单", count: 200))
        #expect(name.utf8.count == 99)
        #expect(name == String(repeating: "单", count: 33))
        #expect(SafePath.fileName(for: String(repeating: "a", count: 500)).utf8.count == 100)
    }

    @Test("ids that map to the same name, ignoring case, are told apart")
    func unique() {
        #expect(SafePath.uniqueFileNames(for: ["a/b", "a:b", "A_B", "c"]) == ["a_b", "a_b~2", "A_B~3", "c"])
        #expect(SafePath.uniqueFileNames(for: ["r.csv", "r.csv"]) == ["r.csv", "r~2.csv"])
        let long = String(repeating: "x", count: 300)
        let names = SafePath.uniqueFileNames(for: [long, long])
        #expect(names[0] != names[1])
        #expect(names.allSatisfy { $0.utf8.count <= 100 })
    }

    @Test("relative paths resolve inside the folder")
    func resolveInside() throws {
        let dir = URL(fileURLWithPath: "/tmp/kaimen-out")
        #expect(try SafePath.resolve("units/甲.csv", under: dir).path == "/tmp/kaimen-out/units/甲.csv")
        #expect(try SafePath.resolve("./a//b.json", under: dir).path == "/tmp/kaimen-out/a/b.json")
        #expect(try SafePath.resolve("report.csv", under: URL(fileURLWithPath: "/tmp/kaimen-out/")).path == "/tmp/kaimen-out/report.csv")
    }

    @Test("paths that could leave the folder are refused")
    func resolveRefuses() {
        let dir = URL(fileURLWithPath: "/tmp/kaimen-out")
        for bad in ["", "../x", "a/../../x", "a/..", "/etc/passwd", "~/x", "a\\b", "..\\x", "C:x", "a\u{0}b", ".", "./"] {
            #expect(throws: OutputError.self, "\(bad.debugDescription) should be refused") {
                try SafePath.resolve(bad, under: dir)
            }
        }
        #expect(throws: OutputError.unsafePath(path: "../x", reason: Localized(zh: "其中有 `..`", en: "it contains `..`"))) {
            try SafePath.resolve("../x", under: dir)
        }
    }
}
