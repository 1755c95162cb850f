import Foundation

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
