import Foundation

/// Writes a deterministic synthetic session for any rules file, at any size: units with
/// plausible metrics and categories, a roster in groups of seven, and about seven ballots per
/// unit and ballot standard (wide, as typed from paper sheets), with a few recusal
/// violations, vetoes, surveys below the participation threshold, and natural ties.
public struct DataGenerator {
    public let rules: Rules
    public let units: Int
    public let seed: UInt64
    /// Representatives per group; each group hears about `unitsPerGroup` units.
    public var groupSize = 7
    public var unitsPerGroup = 50

    public init(rules: Rules, units: Int, seed: UInt64) {
        self.rules = rules
        self.units = units
        self.seed = seed
    }

    static let categories: [(String, Int)] = [("企业", 60), ("事业单位", 15), ("机关", 15), ("街道", 10)]
    static let sectors = ["集团有限公司", "科技有限公司", "医院", "中学", "物业管理有限公司", "商贸有限公司", "街道总工会", "局机关", "银行支行", "建筑工程有限公司"]
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
        var numeratorOf: [String: String] = [:]
        var denominators = Set<String>()
        var surveys: [Survey] = []
        for s in rules.standards + rules.bonuses + rules.deductions {
            switch s.method {
            case .bands(let b): if case .ratio(let r) = b.input { numeratorOf[r.numerator] = r.denominator; denominators.insert(r.denominator) }
            case .linear(let l): if case .ratio(let r) = l.input { numeratorOf[r.numerator] = r.denominator; denominators.insert(r.denominator) }
            case .survey(let sv): surveys.append(sv)
            default: break
            }
        }
        let surveyParts = Set(surveys.flatMap { [$0.satisfied, $0.basic, $0.dissatisfied] })
        let vetoInputs = Set(rules.vetoes.flatMap { $0.when.metricIDs })
        let deductionInputs = Set(rules.deductions.flatMap { $0.metricIDs })
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
        for u in 0..<units {
            var pick = rng.below(categoryTotal)
            var category = DataGenerator.categories[0].0
            for (name, weight) in DataGenerator.categories { if pick < weight { category = name; break }; pick -= weight }
            let name = DataGenerator.places[rng.below(DataGenerator.places.count)] + "第\(u + 1)号" + DataGenerator.sectors[rng.below(DataGenerator.sectors.count)] + "工会"
            quality[u] = rng.between(55, 100)  // how well the unit does overall, in percent
            for m in order {
                let metric = metrics[m]
                var v: Int64
                var t: String
                switch metric.kind {
                case .flag:
                    v = rng.chance(0.6 + Double(quality[u]) / 300) ? 1 : 0
                    t = String(v)
                case .rate:
                    let r = min(10_000, max(0, quality[u] * 100 - 1500 + rng.between(0, 2500)))
                    v = Int64(r)
                    t = Rational(Int64(r), 10_000).plainText(maxPlaces: 4)
                case .count, .amount, .number:
                    if vetoInputs.contains(metric.id) {
                        v = rng.chance(0.004) ? 1 : 0
                    } else if deductionInputs.contains(metric.id) {
                        v = rng.chance(0.8) ? 0 : Int64(rng.between(1, 4))
                    } else if let den = numeratorOf[metric.id], let d = metricIndex[den] {
                        let total = values[d]
                        let share = min(100, max(0, quality[u] - 5 + rng.between(0, 10)))
                        v = total * Int64(share) / 100
                    } else if surveyParts.contains(metric.id) {
                        v = 0  // filled below from the population
                    } else if denominators.contains(metric.id) {
                        v = Int64(rng.between(20, 3000))
                    } else {
                        v = Int64(rng.between(0, 12))
                    }
                    t = String(v)
                }
                values[m] = v
                text[m] = t
            }
            for sv in surveys {
                let population = sv.participation.flatMap { metricIndex[$0.population] }.map { values[$0] } ?? Int64(rng.between(50, 500))
                let takePart = rng.chance(0.05) ? rng.between(20, 55) : rng.between(60, 95)
                let respondents = population * Int64(takePart) / 100
                let satisfied = respondents * Int64(min(100, quality[u])) / 100
                let basic = (respondents - satisfied) * 2 / 3
                for (id, v) in [(sv.satisfied, satisfied), (sv.basic, basic), (sv.dissatisfied, respondents - satisfied - basic)] {
                    if let m = metricIndex[id] { values[m] = v; text[m] = String(v) }
                }
            }
            unitsCSV.append(contentsOf: "\(unitID(u)),\(name),\(category),".utf8)
            for m in metrics.indices {
                if m > 0 { unitsCSV.append(UInt8(ascii: ",")) }
                unitsCSV.append(contentsOf: text[m].utf8)
            }
            unitsCSV.append(contentsOf: "\r\n".utf8)
        }

        // Roster: groups of `groupSize`; one in twenty representatives belongs to a unit their group hears.
        let groups = max(1, (units + unitsPerGroup - 1) / unitsPerGroup)
        var own = [Int?](repeating: nil, count: groups * groupSize)
        var rosterCSV: [UInt8] = [0xEF, 0xBB, 0xBF]
        rosterCSV.append(contentsOf: "id,name,group,units,role\r\n".utf8)
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = ["建国", "秀英", "志强", "桂英", "海燕", "文华", "国庆", "丽娟", "明", "静"]
        let roles = ["职工代表", "职工代表", "职工代表", "劳动模范", "工会主席"]
        let repDigits = max(4, String(groups * groupSize).count)
        func repID(_ r: Int) -> String { let s = String(r + 1); return "R" + String(repeating: "0", count: repDigits - s.count) + s }
        for r in 0..<(groups * groupSize) {
            let g = r / groupSize
            let firstUnit = g * unitsPerGroup
            if rng.chance(0.05), firstUnit < units { own[r] = firstUnit + rng.below(min(unitsPerGroup, units - firstUnit)) }
            let name = String(surnames[rng.below(surnames.count)]) + given[rng.below(given.count)]
            rosterCSV.append(contentsOf: "\(repID(r)),\(name),第\(g + 1)组,\(own[r].map(unitID) ?? ""),\(roles[rng.below(roles.count)])\r\n".utf8)
        }

        // Ballots, wide: each representative scores every unit their group hears, except their own
        // (but one in fifty of those who belong to a unit forget, and kaimen must set it aside).
        let items = BallotItem.items(of: rules)
        let step = rules.ballots.scoreStep ?? Rational(1, 2)
        var ballotsCSV: [UInt8] = [0xEF, 0xBB, 0xBF]
        ballotsCSV.reserveCapacity(units * groupSize * (20 + items.count * 4))
        ballotsCSV.append(contentsOf: ("representative,unit," + items.map(\.key).joined(separator: ",") + "\r\n").utf8)
        let steps = items.map { Int(($0.max.divided(by: step)!).scaledInteger(places: 0)) }
        for u in 0..<units {
            let g = u / unitsPerGroup
            for r in (g * groupSize)..<((g + 1) * groupSize) {
                if own[r] == u && !rng.chance(0.02) { continue }
                ballotsCSV.append(contentsOf: "\(repID(r)),\(unitID(u))".utf8)
                for (i, _) in items.enumerated() {
                    let mean = steps[i] * quality[u] / 100
                    let k = min(steps[i], max(0, mean + rng.between(-2, 2)))
                    ballotsCSV.append(UInt8(ascii: ","))
                    ballotsCSV.append(contentsOf: (step * Rational(k)).plainText().utf8)
                }
                ballotsCSV.append(contentsOf: "\r\n".utf8)
            }
        }
        return Output(units: unitsCSV, roster: rosterCSV, ballots: ballotsCSV)
    }
}
