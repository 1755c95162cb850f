import Foundation
import Testing
@testable import KaimenKit

/// Loads rules from memory: file name → text.
func memoryLoader(_ files: [String: String]) -> RulesLoader {
    RulesLoader(readFile: { path in
        guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return text
    })
}

@Suite("The rules loader decodes, merges and checks rules files")
struct RulesLoaderTests {
    static let small = Fixtures.path("rules/valid/small.jsonc")
    static let tuned = Fixtures.path("rules/valid/tuned.jsonc")

    func load(_ path: String) throws -> Rules { try RulesLoader().load(path).rules }

    @Test("small.jsonc: metadata, metrics, areas")
    func smallMetadata() throws {
        let r = try load(Self.small)
        #expect(r.metadata == RulesMetadata(id: "small", title: "测试细则", issuer: "测试区总工会", version: "1",
                                           effectiveFrom: "2014-01-01", effectiveTo: "2014-12-31", locale: "zh-CN"))
        #expect(r.metrics.count == 16)
        #expect(r.metric("members")?.unit == "人")
        #expect(r.metric("members")?.kind == .count)
        #expect(r.metric("disputes")?.missing == .zero)
        #expect(r.metric("congress")?.kind == .flag)
        #expect(r.metric("congress")?.missing == .error)
        #expect(r.areas.map(\.id) == ["rights", "org"])
        #expect(r.areas.map(\.points) == [10, 10])
        #expect(r.areas.map(\.order) == [1, 2])
        #expect(r.totalPoints == 20)
        #expect(r.sourceFiles == [Self.small])
    }

    @Test("small.jsonc: each scoring method with its parameters")
    func smallMethods() throws {
        let r = try load(Self.small)
        #expect(r.standards.map(\.id) == ["rights.contracts", "rights.aid", "rights.mediation", "rights.ballot",
                                          "org.members", "org.six", "org.congress", "org.survey"])
        guard case .bands(let b)? = r.standard("rights.contracts")?.method else { Issue.record("not bands"); return }
        #expect(b.input == .ratio(Ratio(numerator: "contracts", denominator: "enterprises", zero: .points(0), maxOne: true)))
        #expect(b.direction == .atLeast)
        #expect(b.bands.map(\.threshold) == [Rational(99, 100), Rational(9, 10), Rational(4, 5)])
        #expect(b.bands.map(\.points) == [3, 2, 1])
        #expect(b.otherwise == 0)

        #expect(r.standard("rights.aid")?.method == .count(Count(metric: "aid_cases", perUnit: Rational(1, 2))))
        guard case .expression(let f)? = r.standard("rights.mediation")?.method else { Issue.record("not expression"); return }
        #expect(f.text == "if disputes = 0 then 2 else 2 * mediated / disputes")
        #expect(Set(f.metricIDs) == ["disputes", "mediated"])
        #expect(r.standard("rights.ballot")?.method == .ballot(BallotScoring(target: .standard, aggregate: nil, trim: nil, minBallots: nil)))
        guard case .linear(let l)? = r.standard("org.members")?.method else { Issue.record("not linear"); return }
        #expect(l.input == .metric("new_members") && l.floor == 0 && l.target == 50)
        guard case .checklist(let items)? = r.standard("org.six")?.method else { Issue.record("not checklist"); return }
        #expect(items.map(\.id) == ["survey", "plan"])
        #expect(items.map(\.metric) == ["six_survey", "six_plan"])
        #expect(items.map(\.points) == [1, 1])
        #expect(r.standard("org.congress")?.method == .presence(metric: "congress"))
        guard case .survey(let s)? = r.standard("org.survey")?.method else { Issue.record("not survey"); return }
        #expect([s.satisfied, s.basic, s.dissatisfied] == ["s_yes", "s_basic", "s_no"])
        #expect(s.weights.satisfied == 1 && s.weights.basic == Rational(3, 5) && s.weights.dissatisfied == 0)
        #expect(s.participation == Survey.Participation(population: "members", min: Rational(3, 5)))
        #expect(r.standard("org.survey")?.notAssessable == .zero)
        #expect(r.standard("org.congress")?.notAssessable == nil)
    }

    @Test("small.jsonc: grades, bonuses, deductions, vetoes, ranking and ballots")
    func smallPolicies() throws {
        let r = try load(Self.small)
        #expect(r.grades.map(\.name) == ["优秀", "良好", "合格", "不合格"])
        #expect(r.grades.map(\.min) == [18, 16, 12, nil])
        #expect(r.grades.map(\.quotaPercent) == [30, nil, nil, nil])
        #expect(r.bonusCap == 2)
        #expect(r.bonuses.map(\.id) == ["bonus.five_good"])
        #expect(r.bonuses.first?.area == nil && r.bonuses.first?.role == .bonus)
        #expect(r.deductions.first?.area == "org" && r.deductions.first?.points == 1)
        #expect(r.vetoes.first?.when.text == "accidents > 0")
        #expect(r.vetoes.first?.grade == "不合格" && r.vetoes.first?.capTotal == 11)
        #expect(r.ranking.precision == 2)
        #expect(r.ranking.tieBreak.map(\.key) == [.ballots, .area("rights"), .metric("members")])
        #expect(r.ranking.tieBreak.map(\.descending) == [true, true, true])
        #expect(r.ballots == BallotPolicy(aggregate: .trimmedMean, trim: .init(k: 1, minBallots: 5), minBallots: 3,
                                          insufficient: .notAssessable, scoreStep: Rational(1, 2), combine: .sum))
        #expect(r.notAssessable == .zero)
        #expect(r.methodsUsed == ScoringMethod.allNames)
        // Every method is named in words in one place, which the papers and `rules diff` read.
        #expect(ScoringMethod.allNames == ["bands", "linear", "count", "checklist", "presence", "ballot", "survey", "expression"])
        #expect(RulesDiffMessages.method("presence") == Localized(zh: "有无核对（presence）", en: "presence"))
        #expect(ScoringMethod.Kind.count.words == Localized(zh: "按数量计分", en: "by count"))
    }

    @Test("tuned.jsonc removes, overrides and adds, and merges `ballots` key by key")
    func tuned() throws {
        let r = try load(Self.tuned)
        #expect(r.metadata.id == "tuned" && r.metadata.version == "2")
        #expect(r.metadata.effectiveFrom == "2019-01-01" && r.metadata.effectiveTo == nil)
        #expect(r.sourceFiles == [Self.tuned, Self.small])
        #expect(r.standard("rights.aid") == nil)
        #expect(r.standards.count == 7)
        let contracts = try #require(r.standard("rights.contracts"))
        #expect(contracts.points == 5)
        guard case .bands(let b) = contracts.method else { Issue.record("not bands"); return }
        #expect(b.bands.map(\.threshold) == [Rational(99, 100), Rational(95, 100)])
        #expect(b.bands.map(\.points) == [5, 3])
        // Keys not overridden stay the base's.
        #expect(b.input == .ratio(Ratio(numerator: "contracts", denominator: "enterprises", zero: .points(0), maxOne: true)))
        #expect(contracts.criteria == "签订率99%以上得3分，90%以上得2分，80%以上得1分。")
        guard case .linear(let l)? = r.standard("org.members")?.method else { Issue.record("not linear"); return }
        #expect(l.target == 40 && l.floor == 0)
        #expect(r.ballots.aggregate == .median)
        #expect(r.ballots.scoreStep == Rational(1, 2))
        #expect(r.ballots.minBallots == 3)
        #expect(r.grades.map(\.name) == ["优秀", "良好", "合格", "不合格"])
    }

    static let base = """
        {
          "format": 1, "id": "c", "title": "丙", "issuer": "丙区", "version": "1",
          "effective": { "from": "2014-01-01" },
          "metrics": [ { "id": "congress", "name": "职代会", "kind": "flag" }, { "id": "members", "name": "会员", "kind": "count" } ],
          "areas": [ { "id": "rights", "name": "依法维权", "points": 10 } ],
          "standards": [
            { "id": "rights.congress", "area": "rights", "name": "职代会", "criteria": "召开得10分。", "points": 10,
              "method": "presence", "metric": "congress" },
          ],
          "grades": [ { "name": "合格", "min": 6 }, { "name": "不合格" } ],
          "ranking": { "precision": 1 },
        }
        """

    @Test("nested extends: a extends b extends c; each level applies in turn")
    func nestedExtends() throws {
        let b = """
            { "format": 1, "extends": "c.jsonc", "id": "b", "title": "乙", "issuer": "乙区", "version": "2",
              "effective": { "from": "2015-01-01" },
              "override": { "areas": [ { "id": "rights", "points": 12 } ] },
              "standards": [ { "id": "rights.members", "area": "rights", "name": "会员", "criteria": "满100人得2分。", "points": 2,
                               "method": "linear", "metric": "members", "floor": 0, "target": 100 } ],
              "ranking": { "tieBreak": [ { "by": "metric", "id": "members" } ] },
            }
            """
        let a = """
            { "format": 1, "extends": "sub/b.jsonc", "id": "a", "title": "甲", "issuer": "甲区", "version": "3",
              "effective": { "from": "2016-01-01" },
              "override": { "standards": [ { "id": "rights.members", "target": 50 } ] },
            }
            """
        let loader = memoryLoader(["/r/a.jsonc": a, "/r/sub/b.jsonc": b, "/r/sub/c.jsonc": Self.base])
        let r = try loader.load("/r/a.jsonc").rules
        #expect(r.metadata.id == "a" && r.metadata.title == "甲")
        #expect(r.sourceFiles == ["/r/a.jsonc", "/r/sub/b.jsonc", "/r/sub/c.jsonc"])
        #expect(r.area("rights")?.points == 12)
        #expect(r.standards.map(\.id) == ["rights.congress", "rights.members"])
        guard case .linear(let l)? = r.standard("rights.members")?.method else { Issue.record("not linear"); return }
        #expect(l.target == 50)
        // `ranking` merged key by key over two levels.
        #expect(r.ranking.precision == 1)
        #expect(r.ranking.tieBreak.map(\.key) == [.metric("members")])
        // Each entry remembers the file that wrote it.
        #expect(r.standard("rights.congress")?.origin.location.file == "/r/sub/c.jsonc")
        #expect(r.standard("rights.members")?.origin.location.file == "/r/sub/b.jsonc")
    }

    @Test("an error in a merged file points into the file that wrote the value")
    func errorLocationsAcrossFiles() {
        // The child re-weights the area to 12 without adding standards: the sum no longer
        // matches, reported at the child's `points`. The base's standard has a bad `perUnit`
        // only the base wrote.
        let child = """
            { "format": 1, "extends": "c.jsonc", "id": "b", "title": "乙", "issuer": "乙区", "version": "2",
              "effective": { "from": "2015-01-01" },
              "override": { "areas": [ { "id": "rights", "points": 12 } ] },
            }
            """
        let loader = memoryLoader(["/r/b.jsonc": child, "/r/c.jsonc": Self.base])
        #expect {
            try loader.load("/r/b.jsonc")
        } throws: { error in
            guard let e = error as? DiagnosticsError, e.diagnostics.count == 1, let d = e.diagnostics.first else { return false }
            // line 3: `  "override": { "areas": [ { "id": "rights", "points": 12 } ] },` — `12` at column 56.
            return d.code == "points-mismatch" && d.location == SourceLocation(file: "/r/b.jsonc", line: 3, column: 56)
        }
    }

    @Test("a base's own mistake is reported in the base file")
    func errorInBase() {
        let base = Self.base.replacingOccurrences(of: #""method": "presence", "metric": "congress""#,
                                                  with: #""method": "presence", "metric": "congres""#)
        let child = #"{ "format": 1, "extends": "c.jsonc", "id": "b", "title": "乙", "issuer": "乙区", "version": "2", "effective": { "from": "2015-01-01" } }"#
        let loader = memoryLoader(["/r/b.jsonc": child, "/r/c.jsonc": base])
        #expect {
            try loader.load("/r/b.jsonc")
        } throws: { error in
            guard let d = (error as? DiagnosticsError)?.diagnostics.first else { return false }
            // base line 8: `      "method": "presence", "metric": "congres" },` — the value at column 39.
            return d.code == "unknown-metric" && d.location == SourceLocation(file: "/r/c.jsonc", line: 8, column: 39)
                && d.hint == "did you mean `congress`?"
        }
    }

    @Test("a capped area may have standards adding up to more than its points")
    func cappedArea() throws {
        let text = Self.base.replacingOccurrences(of: #""points": 10 } ],"#, with: #""points": 8, "capped": true } ],"#)
        let r = try memoryLoader(["/r/c.jsonc": text]).load("/r/c.jsonc").rules
        #expect(r.area("rights")?.capped == true)
        #expect(r.area("rights")?.points == 8)
        #expect(r.standard("rights.congress")?.points == 10)
    }

    @Test("an uncapped area with the same standards does not load")
    func uncappedArea() {
        let text = Self.base.replacingOccurrences(of: #""points": 10 } ],"#, with: #""points": 8 } ],"#)
        #expect(throws: DiagnosticsError.self) { try memoryLoader(["/r/c.jsonc": text]).load("/r/c.jsonc") }
    }

    @Test("a metric id may use `_` but not `-`; other ids may use `-`")
    func metricIDs() throws {
        let ok = Self.base.replacingOccurrences(of: #""id": "c","#, with: #""id": "dongcheng-2019","#)
            .replacingOccurrences(of: "\"congress\"", with: "\"congress_held\"")
        let r = try memoryLoader(["/r/c.jsonc": ok]).load("/r/c.jsonc").rules
        #expect(r.metadata.id == "dongcheng-2019")
        #expect(r.metric("congress_held") != nil)

        let dashed = Self.base.replacingOccurrences(of: "\"congress\"", with: "\"congress-held\"")
        #expect {
            try memoryLoader(["/r/c.jsonc": dashed]).load("/r/c.jsonc")
        } throws: { error in
            let ds = (error as? DiagnosticsError)?.diagnostics ?? []
            return ds.count == 1 && ds[0].code == "invalid-id" && ds[0].hint == "write `congress_held` instead"
        }
    }

    @Test("`rules show --format json` output loads again to the same rules")
    func roundTrip() throws {
        for path in [Self.small, Self.tuned] {
            let original = try load(path)
            let console = BufferConsole()
            #expect(CLI.run(["rules", "show", path, "--format", "json"], console: console) == .success)
            let reloaded = try memoryLoader(["/r/effective.json": console.stdout]).load("/r/effective.json").rules
            #expect(RulesEncoder.encode(reloaded) == RulesEncoder.encode(original))
            #expect(reloaded.metadata == original.metadata)
            #expect(reloaded.ballots == original.ballots)
            #expect(reloaded.ranking.tieBreak.map(\.key) == original.ranking.tieBreak.map(\.key))
            #expect(reloaded.tests.map(\.name) == original.tests.map(\.name))
            #expect(zip(reloaded.tests, original.tests).allSatisfy { $0.expectations.map(\.target) == $1.expectations.map(\.target) })
        }
    }

    @Test("`rules show --format json` keeps the rules' tests, which run again from the printed file")
    func roundTripTests() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        let console = BufferConsole()
        #expect(CLI.run(["rules", "show", path, "--format", "json"], console: console) == .success)
        let reloaded = try memoryLoader(["/r/effective.json": console.stdout]).load("/r/effective.json").rules
        // The Xicheng file carries six tests (its `tests` list, counted by hand).
        #expect(reloaded.tests.count == 6)
        #expect(reloaded.tests.map(\.name) == (try load(path)).tests.map(\.name))
    }

    @Test("a missing file is reported without a location")
    func missingFile() {
        #expect {
            try memoryLoader([:]).load("/r/none.jsonc")
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.code) == ["file-not-found"]
        }
    }
}
