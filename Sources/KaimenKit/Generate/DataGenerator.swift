import Foundation

/// Writes a deterministic synthetic session for any rules file, at any size: units with
/// plausible metrics and categories, a roster in groups of seven, and about seven ballots per
/// unit and ballot standard (wide, as typed from paper sheets), with a few recusal
/// violations, vetoes, surveys below the participation threshold, and natural ties; and, with
/// `edges`, units at the edges of the rules that reach every scoring path.
public struct DataGenerator {
    /// How many groups hear `units` units, `perGroup` each (the last may hear fewer).
    static func groups(units: Int, perGroup: Int) -> Int { max(1, (units + perGroup - 1) / perGroup) }

    public let rules: Rules
    public let units: Int
    public let seed: UInt64
    /// Representatives per group; each group hears about `unitsPerGroup` units.
    public var groupSize = 7
    public var unitsPerGroup = 50
    /// Percent of units drawn at the edges of the rules (see `EdgeUnits.swift`); with 0 every
    /// unit is typical, and the data is what earlier versions generated for the same seed.
    public var edges = 0

    public init(rules: Rules, units: Int, seed: UInt64) {
        self.rules = rules
        self.units = units
        self.seed = seed
    }

    static let categories: [(String, Int)] = [("企业", 60), ("事业单位", 15), ("机关", 15), ("街道", 10)]
    /// The kinds of workplace of each category, each a whole union's name after the place (one
    /// draw, as before): `陶然亭第136号街道总工会工会`, a 企业, named neither a union nor its category.
    static let sectors: [String: [String]] = [
        "企业": ["集团有限公司工会", "科技有限公司工会", "物业管理有限公司工会", "商贸有限公司工会", "银行支行工会", "建筑工程有限公司工会"],
        "事业单位": ["医院工会", "中学工会", "图书馆工会"],
        "机关": ["局机关工会", "委员会机关工会"],
        "街道": ["社区工会联合会", "街道机关工会"],
    ]
    static let places = ["德胜", "什刹海", "西长安街", "新街口", "月坛", "展览路", "金融街", "广安门", "白纸坊", "陶然亭", "椿树", "大栅栏", "天桥", "牛街", "菜市口"]

    public struct Output {
        public var units: [UInt8]
        public var roster: [UInt8]
        public var ballots: [UInt8]
    }

    /// The unit id of the `i`-th unit: `U0000001`.
    func unitID(_ i: Int) -> String {
        let digits = max(4, String(units).count)
        let s = String(i + 1)
        return "U" + String(repeating: "0", count: digits - s.count) + s
    }

    public func generate() -> Output {
        var rng = SplitMix64(seed: seed)
        let metrics = rules.metrics
        // Roles of metrics, read from the rules: denominators, numerators, survey parts, veto inputs.
        let roles = MetricRoles(rules)
        let denominators = roles.denominators
        let metricIndex = Dictionary(metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Denominators first, so numerators can stay below them.
        let order = metrics.indices.sorted { (denominators.contains(metrics[$0].id) ? 0 : 1, $0) < (denominators.contains(metrics[$1].id) ? 0 : 1, $1) }

        var unitsCSV: [UInt8] = [0xEF, 0xBB, 0xBF]
        unitsCSV.reserveCapacity(units * (40 + metrics.count * 5))
        unitsCSV.append(contentsOf: ("id,name,category," + metrics.map(\.id).joined(separator: ",") + "\r\n").utf8)
        var values = [Int64](repeating: 0, count: metrics.count)
        var text = [String](repeating: "", count: metrics.count)
        let categoryTotal = DataGenerator.categories.reduce(0) { $0 + $1.1 }
        var quality = [Int](repeating: 0, count: units)
        var edge = [Bool](repeating: false, count: edges > 0 ? units : 0)
        for u in 0..<units {
            var pick = rng.below(categoryTotal)
            var category = DataGenerator.categories[0].0
            for (name, weight) in DataGenerator.categories { if pick < weight { category = name; break }; pick -= weight }
            let sectors = DataGenerator.sectors[category]!
            let name = DataGenerator.places[rng.below(DataGenerator.places.count)] + "第\(u + 1)号" + sectors[rng.below(sectors.count)]
            quality[u] = rng.between(55, 100)  // how well the unit does overall, in percent
            if edges > 0 && rng.below(100) < edges {
                edge[u] = true
                edgeMetrics(&rng, roles: roles, order: order, index: metricIndex, quality: quality[u], values: &values, text: &text)
            } else {
                naturalMetrics(&rng, roles: roles, order: order, index: metricIndex, quality: quality[u], values: &values, text: &text)
            }
            unitsCSV.append(contentsOf: "\(unitID(u)),\(name),\(category),".utf8)
            for m in metrics.indices {
                if m > 0 { unitsCSV.append(UInt8(ascii: ",")) }
                unitsCSV.append(contentsOf: text[m].utf8)
            }
            unitsCSV.append(contentsOf: "\r\n".utf8)
        }

        // Roster: groups of `groupSize`; one in twenty representatives belongs to a unit their group hears.
        let groups = Self.groups(units: units, perGroup: unitsPerGroup)
        var own = [Int?](repeating: nil, count: groups * groupSize)
        var rosterCSV: [UInt8] = [0xEF, 0xBB, 0xBF]
        rosterCSV.append(contentsOf: "id,name,group,units,role\r\n".utf8)
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = ["建国", "秀英", "志强", "桂英", "海燕", "文华", "国庆", "丽娟", "明", "静"]
        let roleNames = ["职工代表", "职工代表", "职工代表", "劳动模范", "工会主席"]
        let repDigits = max(4, String(groups * groupSize).count)
        func repID(_ r: Int) -> String { let s = String(r + 1); return "R" + String(repeating: "0", count: repDigits - s.count) + s }
        for r in 0..<(groups * groupSize) {
            let g = r / groupSize
            let firstUnit = g * unitsPerGroup
            if rng.chance(0.05), firstUnit < units { own[r] = firstUnit + rng.below(min(unitsPerGroup, units - firstUnit)) }
            let name = String(surnames[rng.below(surnames.count)]) + given[rng.below(given.count)]
            rosterCSV.append(contentsOf: "\(repID(r)),\(name),第\(g + 1)组,\(own[r].map(unitID) ?? ""),\(roleNames[rng.below(roleNames.count)])\r\n".utf8)
        }

        // Ballots, wide: each representative scores every unit their group hears, except their own
        // (but one in fifty of those who belong to a unit forget, and kaimen must set it aside).
        let items = BallotItem.items(of: rules)
        let step = rules.ballots.scoreStep ?? Rational(1, 2)
        var ballotsCSV: [UInt8] = [0xEF, 0xBB, 0xBF]
        ballotsCSV.reserveCapacity(units * groupSize * (20 + items.count * 4))
        guard !items.isEmpty else {
            // No ballot standard: an empty long-form ballots file.
            ballotsCSV.append(contentsOf: "representative,unit,standard,score\r\n".utf8)
            return Output(units: unitsCSV, roster: rosterCSV, ballots: ballotsCSV)
        }
        ballotsCSV.append(contentsOf: ("representative,unit," + items.map(\.key).joined(separator: ",") + "\r\n").utf8)
        // Whole steps from 0 to the standard's points (rounded down: a 2.5-point standard with a step of 1 goes to 2).
        let steps = items.map { item in item.max.divided(by: step).map { Int($0.numerator / $0.denominator) } ?? 0 }
        var plans = [EdgeBallots](repeating: EdgeBallots(voters: 0, flat: nil), count: items.count)
        for u in 0..<units {
            let g = u / unitsPerGroup
            let isEdge = !edge.isEmpty && edge[u]
            if isEdge { for i in items.indices { plans[i] = EdgeBallots.draw(&rng, groupSize: groupSize, steps: steps[i]) } }
            for r in (g * groupSize)..<((g + 1) * groupSize) {
                if own[r] == u && !rng.chance(0.02) { continue }
                ballotsCSV.append(contentsOf: "\(repID(r)),\(unitID(u))".utf8)
                for (i, _) in items.enumerated() {
                    ballotsCSV.append(UInt8(ascii: ","))
                    let k: Int
                    if isEdge {
                        guard r - g * groupSize < plans[i].voters else { continue }  // an empty cell: no ballot
                        k = plans[i].flat ?? rng.between(0, steps[i])
                    } else {
                        let mean = steps[i] * quality[u] / 100
                        k = min(steps[i], max(0, mean + rng.between(-2, 2)))
                    }
                    ballotsCSV.append(contentsOf: (step * Rational(k)).plainText().utf8)
                }
                ballotsCSV.append(contentsOf: "\r\n".utf8)
            }
        }
        return Output(units: unitsCSV, roster: rosterCSV, ballots: ballotsCSV)
    }
}
