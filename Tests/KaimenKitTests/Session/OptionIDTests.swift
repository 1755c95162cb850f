import Foundation
import Testing
@testable import KaimenKit

/// Ids typed on the command line as secretaries type them: with a space after (copied from a
/// cell), or in full-width characters. The hint says which it is.
@Suite("Ids in options: a space around one, or full-width characters, each named for what it is", .serialized)
struct OptionIDTests {
    @Test("`--rep \"R05 \"`: the hint is about the space; `--rep Ｒ０５`: about half-width characters")
    func hints() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterConflictingX02()
        func resolve(_ rep: String) -> String {
            s.run("resolve", ["--rep", rep, "--unit", "X02", "--standard", "rights.ballot", "--score", "3", "--reason", "原表", "--by", "王"]).err
        }
        let spaced = resolve("R05 ")
        #expect(spaced.contains("编号前后不能有空格：是不是 `R05`？"), "\(spaced)")
        #expect(!spaced.contains("半角"))
        let wide = resolve("Ｒ０５")
        #expect(wide.contains("编号要用半角字符：是不是 `R05`？"), "\(wide)")
    }
}
