import Foundation
import Testing
@testable import KaimenKit

/// An input that another program saves while the checked readers read it (`InputFile.read`):
/// what was read may be parts of two versions, and was scored as if it were one. Found in
/// session 41, looking at 0.26.1's known gaps: the byte readers looked for a change, the
/// checked readers (every session under a few thousand units, and `--engine exact`) did not.
@Suite("A file changed while the checked readers read it")
struct ChangedWhileReadTests {
    static func file(_ s: ScratchFolder, _ text: String = "id,name\nU1,甲\nU2,乙\n") throws -> String {
        let path = s.url.appendingPathComponent("units.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func expectChanged(_ path: String, change: @escaping () -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try InputFile.read(path, afterFirstRead: change)
            Issue.record("a file changed while it was read was read as one", sourceLocation: sourceLocation)
        } catch {
            #expect(error.changed, sourceLocation: sourceLocation)
            let d = UnreadableFile.diagnostic("units.csv", error)
            #expect(d.code == "input-changed-during-run", sourceLocation: sourceLocation)
            #expect(d.rendered(.zh).contains("错误：输入文件 `units.csv` 在读取过程中被改动了（大小或修改时间变了）"), "\(d.rendered(.zh))", sourceLocation: sourceLocation)
            #expect(d.rendered(.zh).contains("等写入这个文件的程序（Excel、同步盘等）保存完毕"), sourceLocation: sourceLocation)
            #expect(d.rendered(.en).contains("error: the input file `units.csv` changed while it was read"), "\(d.rendered(.en))", sourceLocation: sourceLocation)
        }
    }

    @Test("appended to, cut short, or rewritten at the same size while read: changed, with the message saying so")
    func changed() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = try Self.file(s)
        Self.expectChanged(path) {
            let h = FileHandle(forWritingAtPath: path)!
            h.seekToEndOfFile()
            h.write(Data("U3,丙\n".utf8))
            h.closeFile()
        }
        let cut = try Self.file(s)
        Self.expectChanged(cut) { _ = truncate(cut, 8) }
        let same = try Self.file(s)
        Self.expectChanged(same) {
            // The same size, another time of change (as a save that rewrites in place).
            var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, same, &times, 0)
        }
    }

    @Test("left alone, the file is read whole; the hook really runs")
    func leftAlone() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = try Self.file(s)
        let ran = Locked(false)
        let data = try InputFile.read(path, afterFirstRead: { ran.withLock { $0 = true } })
        #expect(String(decoding: data, as: UTF8.self) == "id,name\nU1,甲\nU2,乙\n")
        #expect(ran.withLock { $0 })
    }

    @Test("a rules file read as it changed is the same error, at the rules loader")
    func rulesFile() {
        let loader = RulesLoader(readFile: { path in
            throw InputFile.Unreadable(cause: ReaderMessages.inputChanged(path, .changedWhileRead), hint: ReaderMessages.waitUntilSaved,
                                       exists: true, changed: true)
        })
        do {
            _ = try loader.load("rules.jsonc")
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["input-changed-during-run"])
            #expect(error.diagnostics.first?.rendered(.zh).contains("`rules.jsonc` 在读取过程中被改动了") == true)
        }
    }
}
