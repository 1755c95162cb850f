import Foundation
import Testing
@testable import KaimenKit

/// The mistakes of a user trial of tuning a copy of the shipped Xicheng file: each gets one
/// error, at its place, with a hint that leads to a right file (not to one that loads and
/// means something else).
@Suite("Mistakes made while tuning a rules file get one error each, with a hint that fits")
struct TuningMistakesTests {
    static let xicheng = (try? String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)) ?? ""

    /// The errors of the Xicheng file with `old` replaced by `new` (each exactly once).
    static func errors(edits: [(old: String, new: String)]) -> [Diagnostic] {
        var text = xicheng
        for e in edits {
            #expect(text.components(separatedBy: e.old).count == 2, "`\(e.old)` is not in the file exactly once")
            text = text.replacingOccurrences(of: e.old, with: e.new)
        }
        do {
            _ = try memoryLoader(["/r/x.jsonc": text]).load("/r/x.jsonc")
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    static func errors(_ old: String, _ new: String) -> [Diagnostic] { errors(edits: [(old, new)]) }

    // MARK: A. Hints that fit the field

    @Test("\"quota\": \"30%\" is answered with 30, not 0.3 (quota is a percentage)")
    func quotaAsText() throws {
        let e = Self.errors(#""quota": 30"#, #""quota": "30%""#)
        #expect(e.map(\.code) == ["wrong-type"])
        #expect(e.first?.hintText == Localized(zh: "`quota` 是百分数，只写数：30% 写 30，不带引号和 %",
                                               en: "`quota` is a percentage, written as its number: 30 for 30%, without quotes or %"))
    }

    @Test("\"capTotal\": \"59%\" is answered with 59 points, not 0.59")
    func capTotalAsText() throws {
        let e = Self.errors(#""capTotal": 59"#, #""capTotal": "59%""#)
        #expect(e.map(\.code) == ["wrong-type"])
        #expect(e.first?.hintText == Localized(zh: "`capTotal` 是分数，不是比率：写 59（分），不带引号和 %",
                                               en: "`capTotal` is in points, not a ratio: write 59 (points), without quotes or %"))
    }

    @Test("a metric written by its name in a formula is answered with its id, the longest name the text holds")
    func metricNameInFormula() throws {
        // 重大安全生产责任事故起数 (major_accidents) holds 安全生产责任事故起数 (accidents): the longer is meant.
        let e = Self.errors(#""when": "major_accidents > 0""#, #""when": "重大安全生产责任事故起数 > 0""#)
        #expect(e.map(\.code) == ["expression-syntax"])
        #expect(e.first?.hintText == Localized(zh: "公式里的指标写编号，不写名称：把“重大安全生产责任事故起数”写作 `major_accidents`",
                                               en: "a formula reads a metric by its id, not its name: write `major_accidents` for “重大安全生产责任事故起数”"))
        // Any other syntax error keeps its own hint.
        #expect(Self.errors(#""when": "major_accidents > 0""#, #""when": "major_accidents > ０""#).first?.hintText?.zh.contains("指标写编号") == false)
    }

    @Test("a bare 30% after quota or capTotal gets the same hint as the quoted one")
    func barePercent() throws {
        let quota = Self.errors(#""quota": 30"#, #""quota": 30%"#)
        #expect(quota.map(\.code) == ["json-syntax"])
        #expect(quota.first?.hintText?.zh == "`quota` 是百分数，只写数：30% 写 30，不带引号和 %")
        let cap = Self.errors(#""capTotal": 59"#, #""capTotal": 59％"#)
        #expect(cap.first?.hintText?.zh == "`capTotal` 是分数，不是比率：写 59（分），不带引号和 %")
        // A threshold, bare: the parser cannot know whether its metric is a rate or a count (a
        // review found "写 0.05" told for a count's band), so the hint gives both.
        let rate = Self.errors(#"{ "min": 0.99, "points": 3 }"#, #"{ "min": 99%, "points": 3 }"#)
        #expect(rate.first?.hintText?.zh == "`min` 不带 %：比较比率（如签订率）时写小数 0.99，比较人数、金额等数量时写数本身")
        // `0.99%`: 99% written as its fraction with a % too (a rules author's trial followed
        // `写 0.0099` alone and set a threshold a hundred times too low).
        let fraction = Self.errors(#"{ "min": 0.99, "points": 3 }"#, #"{ "min": 0.99%, "points": 3 }"#)
        #expect(fraction.first?.hintText?.zh == "`min` 不带 %：比较比率（如签订率）时写小数 0.0099，比较人数、金额等数量时写数本身；若要的是 99%，写 0.99")
        let quoted = Self.errors(#"{ "min": 0.99, "points": 3 }"#, #"{ "min": "0.99%", "points": 3 }"#)
        #expect(quoted.first?.hintText?.zh == "比率写成不带引号的小数：0.99% 写 0.0099；若要的是 99%，写 0.99", "\(quoted)")
    }

    @Test("each field written as text is answered with what that field takes",
          arguments: [
            // rights.contracts reads a ratio; 0.9 is 90%.
            (#"{ "min": 0.99, "points": 3 }"#, #"{ "min": "99%", "points": 3 }"#, "比率写成不带引号的小数：99% 写 0.99"),
            // A grade's min is a total in points.
            (#"{ "name": "良好", "min": 80 }"#, #"{ "name": "良好", "min": "80%" }"#, "`min` 是分数，不是比率：写 80（分），不带引号和 %"),
            (#""bonusCap": 3"#, #""bonusCap": "3%""#, "`bonusCap` 是分数，不是比率：写 3（分），不带引号和 %"),
            (#""legal_aid_cases", "perUnit": 0.5"#, #""legal_aid_cases", "perUnit": "0.5""#, "去掉引号：写 0.5"),
          ])
    func fieldHints(old: String, new: String, hint: String) {
        let e = Self.errors(old, new)
        #expect(e.map(\.code) == ["wrong-type"])
        #expect(e.first?.hintText?.zh == hint)
    }

    @Test("a quota below 1 (0.3 for 30%) warns that it is 0.3%, and says what 30% is written as")
    func quotaFraction() throws {
        let text = Self.xicheng.replacingOccurrences(of: #""quota": 30"#, with: #""quota": 0.3"#)
        let rules = try memoryLoader(["/r/x.jsonc": text]).load("/r/x.jsonc").rules
        let w = QuotaCheck.rulesWarnings(rules)
        #expect(w.map(\.code) == ["quota-allows-none"])
        #expect(w.first?.hintText == Localized(zh: "`quota` 是百分数：0.3 是 0.3%；要 30% 就写 30",
                                               en: "`quota` is a percentage: 0.3 is 0.3%; for 30% write 30"))
    }

    @Test("a Chinese name where an id belongs is answered with the id it names")
    func namesForIDs() {
        let area = Self.errors(#""id": "rights.legal_aid", "area": "rights""#, #""id": "rights.legal_aid", "area": "依法维权""#)
        #expect(area.map(\.code) == ["unknown-area"])
        #expect(area.first?.hintText == Localized(zh: "“依法维权”是方面的名称，这里要写编号：用编号 `rights`",
                                                  en: "“依法维权” is the area's name; an id belongs here: use the id `rights`"))
        let metric = Self.errors(#""metric": "legal_aid_cases""#, #""metric": "办结法律援助案件数""#)
        #expect(metric.map(\.code) == ["unknown-metric"])
        #expect(metric.first?.hintText?.zh == "“办结法律援助案件数”是指标的名称，这里要写编号：用编号 `legal_aid_cases`")
        // A test's expectation naming a standard by its name.
        let standard = Self.errors(#""rights.mediation": 3, "rights.legal_aid": 2, "rights.ballot": 4,"#,
                                   #""rights.mediation": 3, "法律援助": 2, "rights.ballot": 4,"#)
        #expect(standard.map(\.code) == ["test-unknown-id"])
        #expect(standard.first?.hintText?.zh == "“法律援助”是标准的名称，这里要写编号：用编号 `rights.legal_aid`")
    }

    @Test("a grade named short of its name (良 for 良好) gets a did-you-mean")
    func nearGrade() {
        let veto = Self.errors(#""when": "major_accidents > 0", "grade": "不合格""#, #""when": "major_accidents > 0", "grade": "良""#)
        #expect(veto.map(\.code) == ["unknown-grade"])
        #expect(veto.first?.hintText == Localized(zh: "是不是 `良好`？", en: "did you mean `良好`?"))
        // Two grades hold 合: no guess.
        #expect(ReferenceHint.grade("合", among: ["优秀", "良好", "合格", "不合格"]) == nil)
        #expect(ReferenceHint.grade("优", among: ["优秀", "良好", "合格", "不合格"]) == "优秀")
    }

    // MARK: B. One mistake, one error

    @Test("a mistake inside a standard is reported once: the tests that name it say nothing",
          arguments: [
            (#""metric": "legal_aid_cases", "perUnit": 0.5"#, #""metric": "legal_aid_cases", "perunit": 0.5"#, "unknown-key"),
            (#""points": 2, "method": "count", "metric": "legal_aid_cases""#, #""points": "1", "method": "count", "metric": "legal_aid_cases""#, "wrong-type"),
            (#""points": 2, "method": "count", "metric": "legal_aid_cases""#, #""points": 2, "method": "band", "metric": "legal_aid_cases""#, "invalid-value"),
            (#"3 * min(1, disputes_mediated / disputes / 0.55)"#, #"3 * min(1, disputes_mediatd / disputes / 0.55)"#, "unknown-metric"),
            (#"{ "min": 0.99, "points": 3 }"#, #"{ "min": "95%", "points": 3 }"#, "wrong-type"),
          ])
    func mistakeInStandard(old: String, new: String, code: String) {
        let e = Self.errors(old, new)
        #expect(e.map(\.code) == [code], "\(e.map(\.description))")
    }

    @Test("an area's ballot standard that cannot be read: the tests' ballots for the area say nothing")
    func areaBallot() {
        let e = Self.errors(#""id": "publicity.ballot", "area": "publicity""#, #""id": "publicity.ballot", "area": "publicity", "aggregate": "avg""#)
        #expect(e.map(\.code) == ["invalid-value"], "\(e.map(\.description))")
    }

    @Test("a grade's min that cannot be read is not also a grade without min")
    func gradeMin() {
        let e = Self.errors(#"{ "name": "良好", "min": 80 }"#, #"{ "name": "良好", "min": "85分" }"#)
        #expect(e.map(\.code) == ["wrong-type"])
        #expect(e.first?.hintText?.zh == "分数写成不带引号的数，不写“分”：写 85")
    }

    @Test("a test naming a standard that truly is not there is still an error")
    func realUnknown() {
        let e = Self.errors(#""rights.mediation": 3, "rights.legal_aid": 2, "rights.ballot": 4,"#,
                            #""rights.mediation": 3, "rights.legalaid": 2, "rights.ballot": 4,"#)
        #expect(e.map(\.code) == ["test-unknown-id"])
        #expect(e.first?.hint == "did you mean `rights.legal_aid`?")
    }

    // MARK: D. What an extending file removed

    static let dongcheng = (try? String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/dongcheng-2019.jsonc"), encoding: .utf8)) ?? ""

    /// The errors of the Dongcheng file with `old` replaced by `new`, over the shipped Xicheng file.
    static func extendingErrors(_ old: String, _ new: String) -> [Diagnostic] {
        extendingErrorsAll([(old, new)])
    }

    /// The errors of the Dongcheng file with each `old` replaced by its `new`.
    static func extendingErrorsAll(_ changes: [(old: String, new: String)]) -> [Diagnostic] {
        var child = dongcheng
        for (old, new) in changes {
            #expect(child.components(separatedBy: old).count == 2)
            child = child.replacingOccurrences(of: old, with: new)
        }
        do {
            _ = try memoryLoader(["/r/d.jsonc": child, "/r/xicheng-2014.jsonc": xicheng]).load("/r/d.jsonc")
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test("an area removed while base standards are still in it is reported once, at the child's remove entry")
    func removedAreaInUse() {
        let e = Self.extendingErrors(#""metrics": ["station_stars", "signature_activities"]"#,
                                     #""metrics": ["station_stars", "signature_activities"], "areas": ["models"]"#)
        #expect(e.map(\.code) == ["unknown-area"], "\(e.map(\.description))")
        // dongcheng line 38: the `"models"` after `"areas": [`.
        #expect(e.first?.location?.file == "/r/d.jsonc" && e.first?.location?.line == 38)
        #expect(e.first?.path == "remove.areas[0]")
        #expect(e.first?.text.zh.hasPrefix("`remove.areas` 删除了方面 `models`，但标准 `models.") == true)
        #expect(e.first?.text.zh.contains("（xicheng-2014.jsonc 第 ") == true && e.first?.text.zh.contains("还属于它；另外还有标准 `models.") == true)
        #expect(e.first?.hintText?.zh == "保留这个方面（从 `remove.areas` 中删去它），或把属于它的标准也列入 `remove.standards`；标准和加分、扣分项也可以用 `override` 改到别的方面")
    }

    @Test("an area removed that only a kept tie-break names is reported at the remove entry, not in the tie-break")
    func removedAreaInTieBreak() {
        // Xicheng's `audit` area with its standards removed, while the child breaks ties by it.
        let audit = Self.xicheng.components(separatedBy: "\n").compactMap { line -> String? in
            guard let r = line.range(of: #""id": "audit\.[a-z_]+""#, options: .regularExpression) else { return nil }
            return String(line[r].dropFirst(7).dropLast())
        }
        #expect(!audit.isEmpty)
        let standards = audit.map { "\"\($0)\"" }.joined(separator: ", ")
        let removing = Self.extendingErrorsAll(
            [(#"{ "by": "area", "id": "rights" },"#, #"{ "by": "area", "id": "audit" },"#),
             (#""metrics": ["station_stars", "signature_activities"]"#,
              #""metrics": ["station_stars", "signature_activities"], "areas": ["audit"], "deductions": ["deduct.audit_violations"], "#),
             (#""standards": ["organization.station", "publicity.signature"]"#,
              #""standards": ["organization.station", "publicity.signature", \#(standards)]"#)])
        let areaErrors = removing.filter { $0.code == "unknown-area" }
        #expect(areaErrors.count == 1, "\(removing.map(\.description))")
        #expect(areaErrors.first?.path == "remove.areas[0]")
        #expect(areaErrors.first?.hintText?.zh == "保留这个方面（从 `remove.areas` 中删去它），或在扩展文件的 `ranking.tieBreak` 里改用别的同分比较条件")
        #expect(areaErrors.first?.text.zh.contains("同分比较条件（d.jsonc 第 230 行）还按它比较") == true, "\(areaErrors.map(\.text.zh))")
    }

    @Test("a standard removed while the child's tie-break still names it is reported at the remove entry")
    func removedStandardInTieBreak() {
        let e = Self.extendingErrors(#"{ "by": "area", "id": "rights" },"#, #"{ "by": "standard", "id": "publicity.signature" },"#)
        #expect(e.map(\.code) == ["unknown-standard"], "\(e.map(\.description))")
        #expect(e.first?.path == "remove.standards[1]" && e.first?.location?.line == 36)
        #expect(e.first?.text.zh == "`remove.standards` 删除了 `publicity.signature`，但同分比较条件（d.jsonc 第 230 行）还按它比较")
        #expect(e.first?.hintText?.zh == "保留它（从 `remove.standards` 中删去它），或在扩展文件的 `ranking.tieBreak` 里改用别的同分比较条件")
    }

    @Test("a removed standard or area reported at the remove entry does not silence the areas' sums")
    func removedKeepsSums() {
        // Dongcheng's publicity area is 6 points; written as 5, its sum no longer agrees.
        let points = (#"{ "id": "publicity", "points": 6 }"#, #"{ "id": "publicity", "points": 5 }"#)
        #expect(Self.extendingErrorsAll([points]).map(\.code) == ["points-mismatch"])
        let tieBreak = (#"{ "by": "area", "id": "rights" },"#, #"{ "by": "standard", "id": "publicity.signature" },"#)
        #expect(Self.extendingErrorsAll([points, tieBreak]).map(\.code).sorted() == ["points-mismatch", "unknown-standard"])
        let area = (#""metrics": ["station_stars", "signature_activities"]"#, #""metrics": ["station_stars", "signature_activities"], "areas": ["models"]"#)
        #expect(Self.extendingErrorsAll([points, area]).map(\.code).sorted() == ["points-mismatch", "unknown-area"])
    }

    @Test("a metric removed while a base standard still reads it is reported at the child's remove entry")
    func removedMetricInUse() {
        let e = Self.extendingErrors(#""standards": ["organization.station", "publicity.signature"]"#, #""standards": ["organization.station"]"#)
        #expect(e.map(\.code) == ["unknown-metric"], "\(e.map(\.description))")
        // dongcheng line 38: `    "metrics": ["station_stars", "signature_activities"]`: the second id at column 34.
        #expect(e.first?.location == KaimenKit.SourceLocation(file: "/r/d.jsonc", line: 38, column: 34))
        #expect(e.first?.path == "remove.metrics[1]")
        #expect(e.first?.text.zh == "`remove.metrics` 删除了指标 `signature_activities`，但标准 `publicity.signature`（xicheng-2014.jsonc 第 222 行）还在用它")
        #expect(e.first?.hintText?.zh == "保留这个指标（从 `remove.metrics` 中删去它），或把用到它的标准也列入 `remove.standards`")
    }

    @Test("a misspelt standard in remove is the one error: its metric, removed too, is not reported again")
    func misspeltRemove() {
        let e = Self.extendingErrors(#""standards": ["organization.station", "publicity.signature"]"#, #""standards": ["organization.stations", "publicity.signature"]"#)
        #expect(e.map(\.code) == ["remove-unknown-id"])
        #expect(e.first?.hint == "did you mean `organization.station`?")
    }

    @Test("removing a metric many standards read: one error, counting the others; the child's tests that give it say nothing")
    func removedMetricManyUsers() {
        let e = Self.extendingErrors(#""metrics": ["station_stars", "signature_activities"]"#, #""metrics": ["station_stars", "signature_activities", "members"]"#)
        #expect(e.map(\.code) == ["unknown-metric"], "\(e.map(\.description))")
        #expect(e.first?.location?.file == "/r/d.jsonc" && e.first?.path == "remove.metrics[2]")
        #expect(e.first?.message == "`remove.metrics` removes the metric `members`, but standard `organization.membership` (xicheng-2014.jsonc, line 177) still reads it; also standard `democracy.review`")
    }

    @Test("a misspelt remove silences only the sum of the area it meant; another mistake is still found in the same run")
    func misspeltRemoveKeepsOtherChecks() {
        let e = Self.extendingErrorsAll([
            (#""standards": ["organization.station", "publicity.signature"]"#, #""standards": ["organization.stations", "publicity.signature"]"#),
            (#"{ "id": "publicity", "points": 6 }"#, #"{ "id": "publicity", "points": 5 }"#)])
        #expect(e.map(\.code).sorted() == ["points-mismatch", "remove-unknown-id"], "\(e.map(\.description))")
    }

    @Test("an area sum a child's remove upset is reported at the remove entry, with the points to write; an area left empty likewise")
    func removedUpsetsSum() {
        let e = Self.extendingErrors(#""standards": ["organization.station", "publicity.signature"]"#,
                                     #""standards": ["organization.station", "publicity.signature", "safety.volunteers"]"#)
        #expect(e.map(\.code) == ["points-mismatch"], "\(e.map(\.description))")
        #expect(e.first?.location?.file == "/r/d.jsonc" && e.first?.location?.line == 36 && e.first?.path == "remove.standards[2]")
        #expect(e.first?.text.zh.hasPrefix("删除标准 `safety.volunteers` 之后，方面 `safety`（安全生产）的标准合计 6 分，但该方面是 8 分") == true)
        #expect(e.first?.hintText?.zh == #"在扩展文件的 `override.areas` 里写 `{ "id": "safety", "points": 6 }`，或不删除这条标准"#)
        // With the child's own points for the area, the sum agrees again: nothing to say.
        let fixed = Self.extendingErrorsAll([
            (#""standards": ["organization.station", "publicity.signature"]"#, #""standards": ["organization.station", "publicity.signature", "safety.volunteers"]"#),
            (#"{ "id": "publicity", "points": 6 }"#, #"{ "id": "publicity", "points": 6 }, { "id": "safety", "points": 6 }"#)])
        #expect(fixed.filter { $0.code == "points-mismatch" }.isEmpty, "\(fixed.map(\.description))")
        // Every standard of an area removed, the area kept: said at the remove entry.
        let safety = #""safety.ankang", "safety.volunteers", "safety.accidents", "safety.ballot""#
        let empty = Self.extendingErrors(#""standards": ["organization.station", "publicity.signature"]"#,
                                         #""standards": ["organization.station", "publicity.signature", \#(safety)]"#)
        #expect(empty.contains { $0.code == "empty-area" && $0.location?.file == "/r/d.jsonc" && $0.hintText?.zh == "把方面 `safety` 也列入 `remove.areas`，或不删除它的全部标准" },
                "\(empty.map(\.description))")
    }

    @Test("an entry removed from the wrong collection is told where it belongs, and what it was in says nothing more")
    func removedFromWrongCollection() {
        let audit = #""audit.committee", "audit.third_party", "audit.rectification", "audit.ballot""#
        let e = Self.extendingErrorsAll([
            (#""metrics": ["station_stars", "signature_activities"]"#, #""metrics": ["station_stars", "signature_activities"], "areas": ["audit"]"#),
            (#""standards": ["organization.station", "publicity.signature"]"#,
             #""standards": ["organization.station", "publicity.signature", \#(audit), "deduct.audit_violations"]"#)])
        let removal = e.filter { $0.code != "test-unknown-id" }
        #expect(removal.map(\.code) == ["remove-unknown-id"], "\(e.map(\.description))")
        #expect(removal.first?.hintText?.zh == "`deduct.audit_violations` 是扣分项：列入 `remove.deductions`")
        #expect(removal.first?.hintText?.en == "`deduct.audit_violations` is a deduction item: list it under `remove.deductions`")
    }
}
