import Foundation
import Testing
@testable import KaimenKit

/// A fresh folder under the system temporary folder, removed by `cleanUp()`.
struct ScratchFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(at: url) }
    /// Every name in the folder, hidden ones included, recursively.
    func allNames() -> [String] {
        let e = FileManager.default.enumerator(atPath: url.path)
        var names: [String] = []
        while let name = e?.nextObject() as? String { names.append(name) }
        return names.sorted()
    }
    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: url.appendingPathComponent(relative))).map { String(decoding: $0, as: UTF8.self) }
    }
}

@Suite("AtomicWriter and OutputBatch: whole files or nothing")
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

    @Test("a batch writes every file into place")
    func batchCommits() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        try Data("old".utf8).write(to: s.url.appendingPathComponent("ranking.csv"))
        var batch = OutputBatch()
        batch.add(Data("new".utf8), at: "ranking.csv")
        batch.add(Data("甲".utf8), at: "units/\(SafePath.fileName(for: "../甲"))")
        let urls = try batch.commit(into: s.url)
        #expect(urls.map(\.lastPathComponent) == ["ranking.csv", "___甲"])
        #expect(s.read("ranking.csv") == "new")
        #expect(s.read("units/___甲") == "甲")
        #expect(s.allNames() == ["ranking.csv", "units", "units/___甲"])
    }

    @Test("a batch with an unsafe or repeated path writes nothing")
    func batchRefusesPaths() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        var escaping = OutputBatch()
        escaping.add(Data("a".utf8), at: "a.csv")
        escaping.add(Data("b".utf8), at: "../b.csv")
        #expect(throws: OutputError.unsafePath(path: "../b.csv", reason: "it contains `..`")) {
            try escaping.commit(into: s.url)
        }
        var twice = OutputBatch()
        twice.add(Data("a".utf8), at: "a.csv")
        twice.add(Data("A".utf8), at: "./A.csv")
        #expect(throws: OutputError.duplicatePath(path: "./A.csv")) {
            try twice.commit(into: s.url)
        }
        #expect(s.allNames().isEmpty)
    }

    @Test("a batch that fails while writing leaves no new file and no temporary file")
    func batchFailsMidway() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        try Data("old".utf8).write(to: s.url.appendingPathComponent("a.csv"))
        try Data("file".utf8).write(to: s.url.appendingPathComponent("blocker"))
        var batch = OutputBatch()
        batch.add(Data("new".utf8), at: "a.csv")
        batch.add(Data("b".utf8), at: "blocker/b.csv")
        #expect(throws: OutputError.self) { try batch.commit(into: s.url) }
        #expect(s.read("a.csv") == "old")
        #expect(s.allNames() == ["a.csv", "blocker"])
    }
}
