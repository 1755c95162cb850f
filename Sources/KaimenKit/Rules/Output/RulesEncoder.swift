/// Writes effective rules back out in the rules-file format (with `extends` resolved), so
/// `rules show --format json` prints a complete, loadable file and `rules diff` can compare
/// two files entry by entry.
public enum RulesEncoder {
    public static func encode(_ rules: Rules) -> JSONOut {
        var top: [String: JSONOut] = [
            "format": .num(1),
            "id": .string(rules.metadata.id),
            "title": .string(rules.metadata.title),
            "issuer": .string(rules.metadata.issuer),
            "version": .string(rules.metadata.version),
            "locale": .string(rules.metadata.locale),
            "effective": .object(["from": .string(rules.metadata.effectiveFrom)].merging(
                rules.metadata.effectiveTo.map { ["to": .string($0)] } ?? [:]) { a, _ in a }),
            "metrics": .array(rules.metrics.map(encode)),
            "areas": .array(rules.areas.map(encode)),
            "standards": .array(rules.standards.map(encode)),
            "grades": .array(rules.grades.map(encode)),
            "bonuses": .array(rules.bonuses.map(encode)),
            "deductions": .array(rules.deductions.map(encode)),
            "vetoes": .array(rules.vetoes.map(encode)),
            "ranking": encode(rules.ranking),
            "ballots": encode(rules.ballots),
            "notAssessable": .string(rules.notAssessable.description),
        ]
        if let cap = rules.bonusCap { top["bonusCap"] = .num(cap) }
        if rules.publishRepresentatives { top["publishRepresentatives"] = .bool(true) }
        // Every test the effective rules hold, a base file's too: the printed file extends nothing.
        if !rules.tests.isEmpty { top["tests"] = .array(rules.tests.map(encode)) }
        return .object(top)
    }

    /// A test case as written: a metric value that reads as a number stays one, text (`91.5%`,
    /// `是`) a string.
    static func encode(_ t: RulesTest) -> JSONOut {
        var expect: [String: JSONOut] = [:], standards: [String: JSONOut] = [:], areas: [String: JSONOut] = [:]
        for e in t.expectations {
            switch e.target {
            case .standard(let id): standards[id] = e.points.map { .num($0) } ?? .null
            case .area(let id): areas[id] = e.points.map { .num($0) } ?? .null
            case .bonus: expect["bonus"] = e.points.map { .num($0) } ?? .null
            case .total: expect["total"] = e.points.map { .num($0) } ?? .null
            case .grade: expect["grade"] = e.grade.map(JSONOut.string) ?? .null
            }
        }
        if !standards.isEmpty { expect["standards"] = .object(standards) }
        if !areas.isEmpty { expect["areas"] = .object(areas) }
        var o: [String: JSONOut] = ["name": .string(t.name), "expect": .object(expect)]
        if !t.metrics.isEmpty {
            o["metrics"] = .object(Dictionary(t.metrics.map { m in (m.metric, !m.text.hasPrefix("+") && Rational(decimal: m.text) != nil ? JSONOut.number(m.text) : .string(m.text)) },
                                              uniquingKeysWith: { a, _ in a }))
        }
        if !t.ballots.isEmpty {
            o["ballots"] = .object(Dictionary(t.ballots.map { ($0.item, JSONOut.array($0.scores.map { .num($0) })) }, uniquingKeysWith: { a, _ in a }))
        }
        return .object(o)
    }

    static func encode(_ m: MetricDefinition) -> JSONOut {
        var o: [String: JSONOut] = ["id": .string(m.id), "name": .string(m.name), "kind": .string(m.kind.rawValue),
                                    "missing": .string(m.missing.rawValue)]
        if let u = m.unit { o["unit"] = .string(u) }
        return .object(o)
    }

    static func encode(_ a: Area) -> JSONOut {
        var o: [String: JSONOut] = ["id": .string(a.id), "name": .string(a.name), "points": .num(a.points), "order": .num(a.order)]
        if a.capped { o["capped"] = .bool(true) }
        return .object(o)
    }

    static func encode(_ s: Standard) -> JSONOut {
        var o: [String: JSONOut] = ["id": .string(s.id), "name": .string(s.name), "criteria": .string(s.criteria),
                                    "points": .num(s.points), "method": .string(s.method.name)]
        if let a = s.area { o["area"] = .string(a) }
        if let p = s.precondition {
            var pre: [String: JSONOut] = ["when": .string(p.when.text)]
            if let n = p.note { pre["note"] = .string(n) }
            o["precondition"] = .object(pre)
        }
        if let na = s.notAssessable {
            if case .points(let p) = na { o["notAssessable"] = .num(p) } else { o["notAssessable"] = .string(na.description) }
        }
        for (k, v) in s.method.rule.encoded() { o[k] = v }
        return .object(o)
    }

    static func encode(_ g: Grade) -> JSONOut {
        var o: [String: JSONOut] = ["name": .string(g.name)]
        if let m = g.min { o["min"] = .num(m) }
        if let q = g.quotaPercent { o["quota"] = .num(q) }
        return .object(o)
    }

    static func encode(_ v: Veto) -> JSONOut {
        var o: [String: JSONOut] = ["id": .string(v.id), "name": .string(v.name), "when": .string(v.when.text)]
        if let c = v.criteria { o["criteria"] = .string(c) }
        if let g = v.grade { o["grade"] = .string(g) }
        if let c = v.capTotal { o["capTotal"] = .num(c) }
        return .object(o)
    }

    static func encode(_ r: RankingPolicy) -> JSONOut {
        .object(["precision": .num(r.precision), "tieBreak": .array(r.tieBreak.map(encode))])
    }

    /// One tie-break as the rules file writes it: `{"by": "area", "id": "rights", "order": "desc"}`.
    static func encode(_ t: RankingPolicy.TieBreak) -> JSONOut {
        var o: [String: JSONOut] = ["order": .string(t.descending ? "desc" : "asc")]
        switch t.key {
        case .ballots: o["by"] = .string("ballots")
        case .bonus: o["by"] = .string("bonus")
        case .area(let id): o["by"] = .string("area"); o["id"] = .string(id)
        case .standard(let id): o["by"] = .string("standard"); o["id"] = .string(id)
        case .metric(let id): o["by"] = .string("metric"); o["id"] = .string(id)
        }
        return .object(o)
    }

    static func encode(_ b: BallotPolicy) -> JSONOut {
        var o: [String: JSONOut] = ["aggregate": .string(b.aggregate.rawValue),
                                    "trim": .object(["k": .num(b.trim.k), "minBallots": .num(b.trim.minBallots)]),
                                    "minBallots": .num(b.minBallots), "insufficient": .string(b.insufficient.rawValue)]
        if let s = b.scoreStep { o["scoreStep"] = .num(s) }
        if b.corridor != .default { o["corridor"] = .object(["points": .num(b.corridor.points), "share": .num(b.corridor.share)]) }
        switch b.combine {
        case .sum: o["combine"] = .object(["mode": .string("sum")])
        case .weighted(let bw, let mw): o["combine"] = .object(["mode": .string("weighted"), "ballots": .num(bw), "metrics": .num(mw)])
        }
        return .object(o)
    }
}
