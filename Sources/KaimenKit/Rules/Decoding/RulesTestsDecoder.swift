/// Reads the `tests` list of a rules file: the shape of each case here; whether the ids it
/// names exist is `RulesTestChecker`'s (an error for a file's own tests, a failure at run
/// time for a base file's tests, whose standards the extending file may have removed).
struct RulesTestsDecoder {
    let ctx: DecodeContext

    static let testKeys = ["name", "metrics", "ballots", "expect"]
    static let expectKeys = ["standards", "areas", "bonus", "total", "grade"]

    func decode(_ nodes: [JSONNode]) -> [RulesTest] {
        var tests: [RulesTest] = []
        for (i, node) in nodes.enumerated() {
            let path = "tests[\(i)]"
            guard let r = ObjectReader(node, path: path, what: Localized(zh: "测试用例", en: "a test"), ctx: ctx) else { continue }
            r.finish(allowed: RulesTestsDecoder.testKeys)
            let name = r.string("name") ?? ""
            var metrics: [RulesTest.MetricEntry] = []
            if let m = r.object("metrics", what: RulesMessages.testPart("metrics", name)), let members = m.node.members {
                for member in members {
                    let text: String?
                    switch member.value.value {
                    case .number(let n): text = n
                    case .string(let s): text = s
                    case .bool(let b): text = b ? "1" : "0"
                    default: text = nil
                    }
                    guard let text else {
                        ctx.error(.wrongType, RulesMessages.testMetricType(member.key, name, member.value),
                                  at: member.value.location, path: m.path(member.key), hint: RulesMessages.testMetricHint)
                        continue
                    }
                    metrics.append(.init(metric: member.key, text: text, location: member.value.location))
                }
            }
            var ballots: [RulesTest.BallotEntry] = []
            if let b = r.object("ballots", what: RulesMessages.testPart("ballots", name)), let members = b.node.members {
                for member in members {
                    guard let list = member.value.elements else {
                        ctx.error(.wrongType, RulesMessages.testBallotsType(member.key, name, member.value),
                                  at: member.value.location, path: b.path(member.key), hint: RulesMessages.testBallotsHint)
                        continue
                    }
                    let scores = list.enumerated().compactMap { k, v in
                        ObjectReader.number(v, key: member.key, path: "\(b.path(member.key))[\(k)]", nonNegative: true, meaning: .points, ctx: ctx)
                    }
                    guard scores.count == list.count else { continue }
                    ballots.append(.init(item: member.key, scores: scores, location: member.value.location))
                }
            }
            var expectations: [RulesTest.Expectation] = []
            if let e = r.object("expect", what: RulesMessages.testPart("expect", name), required: true) {
                e.finish(allowed: RulesTestsDecoder.expectKeys)
                for (key, make) in [("standards", RulesTest.Target.standard), ("areas", RulesTest.Target.area)] {
                    guard let o = e.object(key, what: RulesMessages.testPart("expect.\(key)", name)), let members = o.node.members else { continue }
                    for member in members {
                        if let p = ObjectReader.number(member.value, key: member.key, path: o.path(member.key), nonNegative: false, meaning: .points, ctx: ctx) {
                            expectations.append(.init(target: make(member.key), points: p, grade: nil, location: member.value.location))
                        }
                    }
                }
                for (key, target) in [("bonus", RulesTest.Target.bonus), ("total", .total)] {
                    if let p = e.number(key, required: false, meaning: .points) {
                        expectations.append(.init(target: target, points: p, grade: nil, location: e.value(key)!.location))
                    }
                }
                if let g = e.string("grade", required: false) {
                    expectations.append(.init(target: .grade, points: nil, grade: g, location: e.value("grade")!.location))
                }
                if e.keys.isEmpty {
                    ctx.error(.emptyCollection, Localized(zh: "测试 `\(name)` 的 expect 是空的，什么也没有检查", en: "test `\(name)` expects nothing"),
                              at: e.location, path: e.path,
                              hint: Localized(zh: "在 expect 中写上 \"standards\"、\"areas\"、\"bonus\"、\"total\" 或 \"grade\"",
                                              en: "add \"standards\", \"areas\", \"bonus\", \"total\" or \"grade\""))
                }
            }
            tests.append(RulesTest(name: name, metrics: metrics, ballots: ballots, expectations: expectations, location: node.location))
        }
        return tests
    }
}
