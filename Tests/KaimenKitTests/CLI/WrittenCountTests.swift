import Foundation
import Testing
@testable import KaimenKit

/// `score --out` said 已写入 23 个文件 for a folder of 24 (manifest.json was not counted), where
/// `session status`, `verify` and `close` count it (found beside the session's interrupted
/// close).
@Suite("score --out counts every file it wrote")
struct WrittenCountTests {
    @Test("the count said is the files in the folder, manifest.json included, with and without --summary-only")
    func count() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        for (name, extra) in [("all", [String]()), ("summary", ["--summary-only"])] {
            let out = folder.url.appendingPathComponent(name)
            let r = EndToEndTests.run(["score"] + EndToEndTests.sample("xicheng-2014", rules: "xicheng-2014")
                                      + ["--out", out.path, "--format", "none"] + extra)
            #expect(r.code == .success, "\(r.err)")
            let onDisk = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { path in
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &folder) && !folder.boolValue
            }
            #expect(onDisk.contains("manifest.json"))
            #expect(r.err.contains("已写入 \(onDisk.count) 个文件到 \(out.path)"), "\(onDisk.count) files: \(r.err)")
        }
    }
}
