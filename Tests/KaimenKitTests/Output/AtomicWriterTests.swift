import Foundation
import Testing
@testable import KaimenKit

@Suite("AtomicWriter: a whole file or nothing")
struct AtomicWriterTests {
    @Test("writes a new file, creating its folder, and leaves no temporary file")
    func writesNew() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let url = s.url.appendingPathComponent("sub/dir/结果.csv")
        try AtomicWriter.write(Data("得分\n".utf8), to: url)
        #expect(s.read("sub/dir/结果.csv") == "得分\n")
        #expect(s.allNames() == ["sub", "sub/dir", "sub/dir/结果.csv"])
    }

    @Test("replaces existing content completely")
    func replaces() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let url = s.url.appendingPathComponent("r.csv")
        try AtomicWriter.write(Data(String(repeating: "old content\n", count: 100).utf8), to: url)
        try AtomicWriter.write(Data("new".utf8), to: url)
        #expect(s.read("r.csv") == "new")
        #expect(s.allNames() == ["r.csv"])
    }

    @Test("a failure throws a readable error and leaves nothing behind")
    func failure() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        // The destination is an existing folder: the rename fails after the temp file is written.
        try FileManager.default.createDirectory(at: s.url.appendingPathComponent("taken/inner"), withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try AtomicWriter.write(Data("x".utf8), to: s.url.appendingPathComponent("taken"))
        }
        // The parent "folder" is a file: the folder cannot be created.
        try Data("f".utf8).write(to: s.url.appendingPathComponent("plain"))
        do {
            try AtomicWriter.write(Data("x".utf8), to: s.url.appendingPathComponent("plain/x.csv"))
            Issue.record("expected an error")
        } catch let error as OutputError {
            #expect(error.description.contains("could not create the folder"))
        }
        #expect(s.allNames() == ["plain", "taken", "taken/inner"])
    }

    @Test("temporary names are hidden, unique and short enough")
    func temporaryNames() {
        let a = AtomicWriter.temporaryName(for: "x.csv")
        let b = AtomicWriter.temporaryName(for: "x.csv")
        #expect(a.hasPrefix(".x.csv.tmp-\(getpid())-"))
        #expect(a != b)
        #expect(AtomicWriter.temporaryName(for: String(repeating: "单", count: 85)).utf8.count <= 255)
    }
}
