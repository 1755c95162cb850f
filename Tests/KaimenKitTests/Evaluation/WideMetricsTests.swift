import Foundation
import Testing
@testable import KaimenKit

/// A unit whose metrics are legal but large (twelve digits, six places): a hostile test in
/// session 41 found the exact form, `explain` and the score sheets at 79.28 and the fast form
/// and the summary at 79.30, both in one `--out` set. `Rational(wide:)` rounded a fraction near
/// 10^36 to one decimal (RationalTests has the arithmetic). The right total, from Python's
/// fractions (the five standards whose fractions grow, the others as the rules give them):
///
///     from fractions import Fraction as F
///     mediation = 3 * min(1, F(499999999999, 999999999999) / F("0.55"))
///     membership = 3 * (F(6, 7) - F("0.8")) / F("0.16")
///     card = 3 * (F("0.899999") - F("0.8")) / F("0.2")
///     funds = 4 * (F("791507501920.846") / F("827727446384.767866") - F("0.8")) / F("0.2")
///     audit = 3 * F(2429, 2531)
///     areas = [2 + mediation + F("0.5") + 2, 2 + membership + 3 + 1, F("6.5"), 4, F("8.5"), 8, 10,
///              1 + 2 + card + 2, funds + 4 + F("1.5"), 5 + audit + 2]
///     float(sum(areas)), float(sum(areas) + 3)   # 76.3026195041004, 79.3026195041004 → 79.30
@Suite("Large metric values: every engine and every paper agrees")
struct WideMetricsTests {
    static let header = "id,name,category,enterprises,enterprises_unionised,workers,members,stations,social_workers_full,station_stars,contracts_signed,disputes,disputes_mediated,legal_aid_cases,training_sessions,legal_campaign,signature_activities,ankang_cup,safety_volunteers,accidents,major_accidents,congress_held,open_affairs,survey_satisfied,survey_basic,survey_dissatisfied,model_awards,model_activities,commendation_held,hardship_households,hardship_lifted,festival_visits,six_survey,six_project,six_plan,six_publicity,six_organization,six_guarantee,org_info_rate,member_info_rate,card_application_rate,card_issuance_rate,funds_due,funds_collected,funds_remitted,centralised_accounting,rule_spending,rule_assets,rule_expenses,rule_review,audit_committee,third_party_audit,audit_issues,audit_issues_fixed,audit_violations,serious_violations,five_good_union,model_home,honours,late_reports"
    /// Its survey is 2 + 0 + 2 respondents of 6 members (since 0.29.6 more than 6 is an error in
    /// the data; it was 2 + 5 + 3): 3 × (2 + 0.6 × 0) / 4 = 1.5 points, as 3 × (2 + 0.6 × 5) / 10 was.
    static let unit = "U1,甲工会,企业,59,57,7,6,3,1,3,55,999999999999,499999999999,1,1,1,2,1,2,9,0,1,1,2,0,2,2,9,1,999999999989,949999999989,1,1,1,1,1,1,1,1,0.9471,0.8845,89.9999%,827727446384.767866,791507501920.846,1,1,1,1,1,0,1,1,2531,2429,0,0,1,1,10,0"

    /// Xicheng's rules, `units` (rows under `header`), seven representatives in one group, and
    /// each of them scoring every unit `scores` (a row of the eight ballot standards' scores).
    static func session(in s: ScratchFolder, units: [String] = [unit], scores: String = "2,2,2,2,2,2,2,2") throws -> [String] {
        try Data((([header] + units).joined(separator: "\n") + "\n").utf8).write(to: s.url.appendingPathComponent("units.csv"))
        let reps = (1 ... 7).map { "R\($0)" }
        try Data((["id,name,group,units,role"] + reps.map { "\($0),代表\($0.dropFirst()),第1组,,职工代表" }).joined(separator: "\n").utf8)
            .write(to: s.url.appendingPathComponent("roster.csv"))
        let ids = units.map { $0.prefix { $0 != "," } }
        let ballots = ["representative,unit,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot"]
            + ids.flatMap { u in reps.map { "\($0),\(u),\(scores)" } }
        try Data(ballots.joined(separator: "\n").utf8).write(to: s.url.appendingPathComponent("ballots.csv"))
        let folder = s.url.path
        return ["--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path, "--units", "\(folder)/units.csv",
                "--roster", "\(folder)/roster.csv", "--ballots", "\(folder)/ballots.csv"]
    }

    @Test("the total is 79.30 by the fast form, the exact form and explain")
    func engines() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let inputs = try Self.session(in: s)
        for engine in ["fast", "exact"] {
            let r = EndToEndTests.run(["score"] + inputs + ["--engine", engine, "--format", "csv", "--quiet"])
            #expect(r.code == .success, "\(r.err)")
            let row = try #require(r.out.split(whereSeparator: \.isNewline).last).split(separator: ",")
            #expect(row[2] == "U1" && row[5] == "79.30", "\(engine): \(row)")
        }
        let explained = EndToEndTests.run(["explain", "U1"] + inputs + ["--lang", "en"])
        #expect(explained.out.contains("sum: areas 76.30262… + bonus 3 = 79.30262…, rounded half away from zero to 2 places: 79.30"), "\(explained.out)")
    }

    @Test("one --out set says 79.30 in the summary and in the unit's score sheet")
    func papers() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let inputs = try Self.session(in: s)
        let out = s.url.appendingPathComponent("out").path
        let r = EndToEndTests.run(["score"] + inputs + ["--out", out, "--quiet", "--format", "none"])
        #expect(r.code == .success, "\(r.err)")
        let summary = try #require(s.read("out/summary.json")), sheet = try #require(s.read("out/sheets/U1.json"))
        #expect(summary.contains("\"total\": 79.3"), "\(summary.prefix(600))")
        #expect(sheet.contains("\"total\": 79.3"), "\(sheet.prefix(600))")
        #expect(!summary.contains("79.28") && !sheet.contains("79.28"))
    }

    /// `a * b / a / b * 100` is 100 for any a, b > 0. Where a × b passes 2⁶³ − 1
    /// (9 223 372 036 854 775 807), the fractions cannot hold it: the value was clamped and the
    /// formula went on (57.65 for a = b = 4·10⁹, 0.00 for twelve nines; a hostile test, session
    /// 41). 3037000499² = 9 223 372 030 926 249 001 fits; 3.1·10⁹² = 9.61·10¹⁸ does not.
    @Test("a formula whose value on the way passes 9.2·10¹⁸ leaves its standard not assessed, with a warning; by both engines")
    func formulaBeyondRange() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let rules = """
        { "format": 1, "id": "probe", "title": "测试细则", "issuer": "测试区总工会", "version": "1",
          "effective": { "from": "2026-01-01" },
          "metrics": [ { "id": "a", "name": "甲", "kind": "amount" }, { "id": "b", "name": "乙", "kind": "amount" } ],
          "areas": [ { "id": "x", "name": "方面", "points": 100 } ],
          "standards": [ { "id": "x.e1", "area": "x", "name": "公式一", "criteria": "测试。", "points": 100, "method": "expression",
                           "formula": "a * b / a / b * 100" } ],
          "grades": [ { "name": "优秀", "min": 90 }, { "name": "不合格" } ] }
        """
        try Data(rules.utf8).write(to: s.url.appendingPathComponent("rules.jsonc"))
        try Data("id,name,category,a,b\nU1,一,企业,3037000499,3037000499\nU2,二,企业,3100000000,3100000000\nU5,五,企业,999999999999,999999999999\n".utf8)
            .write(to: s.url.appendingPathComponent("units.csv"))
        try Data("id,name,group,units,role\nR1,代表,第1组,,职工代表\n".utf8).write(to: s.url.appendingPathComponent("roster.csv"))
        try Data("representative,unit,standard,score\n".utf8).write(to: s.url.appendingPathComponent("ballots.csv"))
        let f = s.url.path
        let inputs = ["--rules", "\(f)/rules.jsonc", "--units", "\(f)/units.csv", "--roster", "\(f)/roster.csv", "--ballots", "\(f)/ballots.csv"]
        for engine in ["fast", "exact"] {
            let r = EndToEndTests.run(["score"] + inputs + ["--engine", engine, "--format", "csv"])
            #expect(r.code == .success, "\(r.err)")
            let rows = r.out.split(whereSeparator: \.isNewline).dropFirst(2).map { $0.split(separator: ",").map(String.init) }
            #expect(rows.map { [$0[2], $0[5]] } == [["U1", "100.00"], ["U2", "0.00"], ["U5", "0.00"]], "\(engine): \(rows)")
            #expect(r.err.contains("无法考核：x.e1 公式一：公式中的值超出了能精确计算的范围（绝对值须小于 9.2×10¹⁸），按规则计 0 分（满分 100 分）——U2、U5"), "\(r.err)")
        }
        let en = EndToEndTests.run(["explain", "U2"] + inputs + ["--lang", "en"])
        #expect(en.out.contains("a value in the formula is beyond what kaimen computes exactly (its magnitude must be below 9.2·10¹⁸)"), "\(en.out)")
    }

    /// A total a hair below a rounding point (a hostile test, session 41): U1's exact total is
    /// 89.995 − 2.005·10⁻¹⁸, so 89.99 and 良好 (the quota's one 优秀 needs 90); its area sum does
    /// not fit 64 bits, and rounded half away from zero at 10⁻¹⁷ it was exactly 89.995, then
    /// 90.00 and 优秀. Rounded to odd it stays below. From Python:
    ///
    ///     from fractions import Fraction as F
    ///     a, b = F("899749999999.999999"), F("999999999999.999999")
    ///     t = 88 + 4 * (a / b - F(4, 5)) / F(1, 5)     # funds.collection on 88 points of the rest
    ///     float(t - F("89.995"))                         # -2.005e-18
    @Test("a total a hair below 89.995 is 89.99 and 良好 by both engines, not 90.00 and 优秀")
    func doubleRounding() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let unit = { (i: Int, collected: String) in
            "U\(i),单位\(i)工会,企业,5000,4900,100,96,1,1,5,4851,20,11,4,4,0,2,0,10,0,0,1,1,60,0,0,2,4,1,2,1,1,1,1,1,1,1,1,1,1,0.9,1,999999999999.999999,\(collected),0,0,1,1,1,1,1,1,0,0,0,0,0,0,0,0"
        }
        let inputs = try Self.session(in: s, units: [unit(1, "899749999999.999999"), unit(2, "0"), unit(3, "0"), unit(4, "0")],
                                      scores: "4,2,2,2,2,4,2,2")
        for engine in ["fast", "exact"] {
            let r = EndToEndTests.run(["score"] + inputs + ["--engine", engine, "--format", "csv", "--quiet"])
            #expect(r.code == .success, "\(r.err)")
            let rows = r.out.split(whereSeparator: \.isNewline).dropFirst(2).map { $0.split(separator: ",").map(String.init) }
            #expect(rows.first.map { [$0[2], $0[5], $0[6]] } == ["U1", "89.99", "良好"], "\(engine): \(rows)")
        }
    }
}
