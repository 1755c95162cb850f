import Foundation
import Testing
@testable import KaimenKit

/// docs/json.md lists each JSON output's keys in a fenced `keys NAME` block; these tests run
/// each output on the Xicheng sample and compare the keys it writes (recursively, `[]` for an
/// array's items) with the block, so a key added to the code and not the page, or to the page
/// and not the code, fails here.
@Suite("docs/json.md lists exactly the keys each JSON output writes")
struct JSONShapesDocTests {
    /// One documented output: every key path, and which of them may be absent (`?`).
    struct Shape {
        var keys: Set<String> = []
        var optional: Set<String> = []
    }

    /// The page's `keys` blocks by name. A path ending in `.*` stands for any key of that object.
    static func documented() throws -> [String: Shape] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var shapes: [String: Shape] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let name = current {
                if line.hasPrefix("```") { current = nil; continue }
                let key = line.trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty else { continue }
                if key.hasSuffix("?") {
                    shapes[name, default: Shape()].keys.insert(String(key.dropLast()))
                    shapes[name, default: Shape()].optional.insert(String(key.dropLast()))
                } else {
                    shapes[name, default: Shape()].keys.insert(key)
                }
            } else if line.hasPrefix("```keys ") {
                current = String(line.dropFirst("```keys ".count))
            }
        }
        return shapes
    }

    /// The key paths of `value`: `a.b` for an object's key, `a[]` for an array's items; the keys
    /// of an object whose path plus `.*` is documented are written as `*`.
    static func keys(of value: Any, documented: Set<String>) -> Set<String> {
        var out: Set<String> = []
        func walk(_ v: Any, _ path: String) {
            if let o = v as? [String: Any] {
                let wild = documented.contains(path + ".*")
                for (k, x) in o {
                    let p = (path.isEmpty ? "" : path + ".") + (wild ? "*" : k)
                    out.insert(p)
                    walk(x, p)
                }
            } else if let a = v as? [Any] {
                for x in a { walk(x, path + "[]") }
            }
        }
        walk(value, "")
        return out
    }

    func check(_ json: String, against name: String) throws {
        let shape = try #require(try Self.documented()[name], "docs/json.md has no ```keys \(name) block")
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let written = Self.keys(of: value, documented: shape.keys)
        #expect(written.subtracting(shape.keys).sorted() == [], "\(name): written but not in docs/json.md")
        #expect(shape.keys.subtracting(shape.optional).subtracting(written).sorted() == [], "\(name): in docs/json.md but not written")
    }

    @Test("summary.json, score --format json, a score sheet's JSON and the manifest")
    func scoreOutputs() throws {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        let args = ["score"] + EndToEndTests.sample("xicheng-2014", rules: "xicheng-2014")
        let out = scratch.url.appendingPathComponent("out").path
        #expect(EndToEndTests.run(args + ["--out", out, "--format", "none"]).code == .success)
        let printed = EndToEndTests.run(args + ["--format", "json"])
        #expect(printed.code == .success)
        let summary = try #require(scratch.read("out/summary.json"))
        #expect(printed.out == summary)
        try check(summary, against: "summary.json")
        try check(try #require(scratch.read("out/sheets/X08.json")), against: "sheets/<unit>.json")
        try check(try #require(scratch.read("out/manifest.json")), against: "manifest.json")
    }

    @Test("session status --format json")
    func sessionStatus() throws {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        let dir = scratch.url.appendingPathComponent("2014-mid").path
        let s = "samples/xicheng-2014/"
        #expect(EndToEndTests.run(["session", "init", dir, "--rules", "rules/xicheng-2014.jsonc", "--units", s + "units.csv",
                                   "--roster", s + "roster.csv", "--schedule", s + "schedule.csv", "--period", "2014年年中", "--by", "王秘书"]).code == .success)
        for (file, by) in [("typed-a.csv", "录入员甲"), ("typed-b.csv", "录入员乙")] {
            _ = EndToEndTests.run(["session", "enter", dir, s + file, "--by", by])
        }
        let status = EndToEndTests.run(["session", "status", dir, "--format", "json"])
        try check(status.out, against: "session status")
    }

    @Test("a key the page does not list is found, and one it lists that is not written")
    func drift() throws {
        let listed: Set<String> = ["a", "a[].b", "m", "m.*"]
        let written = Self.keys(of: ["a": [["b": 1, "c": 2]], "m": ["x.y": 1, "z": 2]], documented: listed)
        #expect(written == ["a", "a[].b", "a[].c", "m", "m.*"])
    }
}
