import Foundation
import Testing
@testable import KaimenKit

/// A tester read `explain X07`'s `rights.contracts 集体合同签订率 [分档计分] 0.00/3` as a zero
/// score, while X07's score sheet says 不考核 for the standard its area leaves out (the rule
/// cannot assess it: no unionised enterprises, so no rate; the area is prorated ×12/9).
@Suite("explain says 不考核 for a standard left out of its area, as the score sheet does")
struct ExplainLeftOutTests {
    @Test("X07's rights.contracts: 不考核/3.00, not 0.00/3.00; a standard scored 0 still reads 0.00")
    func leftOut() {
        let args = EndToEndTests.sample("xicheng-2014", rules: "xicheng-2014")
        let zh = EndToEndTests.run(["explain", "X07"] + args)
        #expect(zh.code == .success, "\(zh.err)")
        let lines = zh.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("   rights.contracts 集体合同签订率  [分档计分] 不考核/3.00"), "\(zh.out)")
        // Scored 0 (no legal aid cases): a zero score, said as one.
        #expect(lines.contains("   rights.legal_aid 法律援助  [按数量计分] 0.00/2.00"))
        let en = EndToEndTests.run(["explain", "X07", "--lang", "en"] + args)
        #expect(en.out.contains("rights.contracts 集体合同签订率  [bands] not assessed/3.00"), "\(en.out)")
        // X09's democracy.review cannot be assessed but its rule gives 0 points: scored, so 0.00.
        let x09 = EndToEndTests.run(["explain", "X09"] + args)
        #expect(x09.out.contains("   democracy.review 会员评家满意度测评  [满意度测评] 0.00/3.00\n"), "\(x09.out)")
    }
}
