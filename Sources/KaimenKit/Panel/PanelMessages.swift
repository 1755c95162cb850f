import Foundation

/// Every text `kaimen panel` shows people, in Chinese and English, kept together so they can
/// join the message catalogue.
enum PanelMessages {
    /// Fixed-point text with `places` decimals (0 to 9), rounded half away from zero; never `-0.00`.
    /// (Not `String(format:)`, which is slow on Linux and the cells table prints hundreds of thousands.)
    static func number(_ x: Double, places: Int = 2) -> String {
        guard x.isFinite else { return "0" }
        let q = (abs(x) * scales[min(max(places, 0), 9)]).rounded()
        guard q < 9e18 else { return String(x) }
        let i = Int64(q)
        return Rational.formatScaled(x < 0 && i != 0 ? -i : i, places: places)
    }

    static let scales: [Double] = (0...9).map { pow(10, Double($0)) }

    static func percent(_ x: Double) -> String { number(x * 100, places: 0) + "%" }

    static func points(_ r: Rational) -> String { r.rounded(places: 2).plainText(maxPlaces: 2) }

    static func leniency(_ rep: Representative, _ l: Leniency) -> Localized {
        let higher = l.share > 0
        let amount = points(l.points.magnitude)
        let scale: Localized = l.commonMax.map { Localized(zh: "满分 \(points($0)) 分", en: "out of \(points($0))") }
            ?? Localized(zh: "约为满分的 \(percent(abs(l.share)))", en: "about \(percent(abs(l.share))) of the maximum")
        return Localized(zh: "\(rep.id) 的评分平均比其他代表\(higher ? "高" : "低") \(amount) 分（\(scale.zh)）",
                         en: "\(rep.id) scores \(amount) points \(higher ? "higher" : "lower") than the others on average (\(scale.en))")
    }

    static func trimmed(_ rep: Representative, low: Bool, count: Double, chance: Double) -> Localized {
        Localized(zh: "\(rep.id) 的评分 \(number(count, places: 1)) 次作为\(low ? "最低分" : "最高分")被去掉，按机会应约 \(number(chance, places: 1)) 次",
                  en: "\(rep.id)'s ballot was dropped as the \(low ? "lowest" : "highest") \(number(count, places: 1)) times, against about \(number(chance, places: 1)) by chance")
    }

    static func straight(_ rep: Representative, _ s: StraightLining) -> Localized {
        Localized(zh: "\(rep.id) 的 \(s.sheets) 张评分表中有 \(s.straight) 张各项给分相同（同一分数或同一满分比例）",
                  en: "\(s.straight) of \(rep.id)'s \(s.sheets) sheets give every standard the same score, or the same share of its maximum")
    }

    static func run(_ rep: Representative, _ s: StraightLining) -> Localized {
        Localized(zh: "\(rep.id) 连续 \(s.longestRun) 个单位的评分合计完全相同",
                  en: "\(rep.id) gave \(s.longestRun) units in a row the same total")
    }

    static func group(_ g: GroupEffect) -> Localized {
        let name = g.name.isEmpty ? "（未分组）" : g.name
        let higher = g.offset > 0
        return Localized(zh: "\(name)的评分平均比全体\(higher ? "高" : "低")满分的 \(percent(abs(g.offset)))；该组听取的单位可能不同，差异也可能来自单位本身",
                         en: "group \(g.name.isEmpty ? "(none)" : g.name) scores \(percent(abs(g.offset))) of the maximum \(higher ? "higher" : "lower") than the panel on average; it may have heard different units, which can explain part of it")
    }

    static func iccNoDesign(units: Int, raters: Int) -> Localized {
        Localized(zh: "不适用：没有至少 \(Agreement.minimumUnits) 个单位由同样的至少 2 名代表全部打分（共 \(units) 个单位、\(raters) 名代表）",
                  en: "not applicable: no \(Agreement.minimumUnits) units scored by the same 2 or more representatives (\(units) units, \(raters) representatives in all)")
    }

    /// Why an ICC has no value: for the whole block (`average` nil, every score the same), or
    /// for ICC(2,1) or ICC(2,k) alone, naming the figure and its denominator.
    static func iccUndefined(_ why: ICC.Undefined, average: Bool? = nil) -> Localized {
        let figure = average.map { $0 ? "ICC(2,k) " : "ICC(2,1) " } ?? ""
        switch why {
        case .noVariation:
            return Localized(zh: "\(figure)无法计算：分数没有差异", en: "\(figure)undefined: the scores do not vary")
        case .zeroDenominator:
            let d = average == true ? "MSR + (MSC − MSE)/n" : "MSR + (k − 1)·MSE + k·(MSC − MSE)/n"
            return Localized(zh: "\(figure)无法计算：分数有差异，但公式的分母 \(d) 为 0",
                             en: "\(figure)undefined: the scores vary, but its denominator \(d) is 0")
        }
    }

    /// Under a re-check list cut short on a page.
    static func recheckLeftOut(_ n: Int, of total: Int) -> Localized {
        Localized(zh: "另有 \(n) 条未在此列出（共 \(total) 条）；全部可用 kaimen panel --format csv --section outliers 导出",
                  en: "\(n) more not listed here (\(total) in all); kaimen panel --format csv --section outliers exports them all")
    }
    static let alphaUndefined = Localized(zh: "无法计算", en: "undefined")
    /// How to read α, under its table (the report's since 0.29.5: a papers review found every α
    /// negative and nothing saying what that meant).
    static let alphaReading = Localized(zh: "α 接近 1 表示代表们打分一致；0 左右表示与随机打分无异；负数表示分歧大于随机。",
                                        en: "An α near 1 means the representatives agree; about 0, no more than scoring at random; below 0, they disagree more than at random.")
    static let noGroups = Localized(zh: "名册只有一个组，不做分组比较", en: "the roster has one group: no group comparison")

    /// Why there is no group comparison when the roster has two groups or more.
    static func oneGroupWithBallots(_ name: String?, groups: Int) -> Localized {
        guard let name else {
            return Localized(zh: "名册有 \(groups) 个组，但还没有计入的评分，不做分组比较",
                             en: "the roster has \(groups) groups, but there are no counted ballots yet: no group comparison")
        }
        let zh = name.isEmpty ? "（未分组）" : name, en = name.isEmpty ? "(none)" : name
        return Localized(zh: "名册有 \(groups) 个组，但只有\(zh)有计入的评分，不做分组比较",
                         en: "the roster has \(groups) groups, but only group \(en) has counted ballots: no group comparison")
    }

    /// The 提示 column's word for a representative whose leniency is not judged (`Leniency.tooFew`).
    static let tooFewName = Localized(zh: "票数太少", en: "too few ballots")
    /// Its key in JSON, beside the flags' kinds.
    static let tooFewKey = "tooFewBallots"

    static func tooFew(_ rep: Representative, _ l: Leniency) -> Localized {
        Localized(zh: "\(rep.id) 可比较的评分只有 \(l.compared) 票、\(l.units) 个单位（至少要 \(Leniency.minimumBallots) 票、\(Leniency.minimumUnits) 个单位），票数太少，不判断宽严",
                  en: "\(rep.id) has only \(l.compared) ballot\(l.compared == 1 ? "" : "s") on \(l.units) unit\(l.units == 1 ? "" : "s") to compare (at least \(Leniency.minimumBallots) on \(Leniency.minimumUnits) are needed): too few ballots to judge leniency")
    }
    /// Under the groups table when a shown difference is not that of the shown means.
    static let offsetBeforeRounding = Localized(zh: "注：与全体之差由未舍入的平均算出，可能与表中平均和全体平均两个舍入后数字之差相差 0.1",
                                                en: "Note: the offset is worked out from the unrounded means, and may differ by 0.1 from the difference of the rounded figures shown")

    static let whatIfNote = Localized(zh: "仅为假设：若各组评分居中到总体平均，排名如下；正式结果不变",
                                      en: "What-if only: the ranking if each group's ballots were centred on the overall mean; the official result does not change")

    static func corridorShare(_ share: Rational) -> Localized {
        Localized(zh: "`corridor.share` 是占该项满分的比例，应在 0 到 1 之间，而不是 \(share.plainText())",
                  en: "`corridor.share` is a share of the standard's maximum, between 0 and 1, not \(share.plainText())")
    }

    static let corridorShareHint = Localized(zh: "25% 请写 0.25", en: "write 0.25 for 25%")


    static func notAnalysed(errors n: Int) -> Localized {
        Localized(zh: "\(n) 个错误；未做分析", en: "\(n) error\(n == 1 ? "" : "s"); nothing was analysed")
    }

    static func fewTargets(_ n: Int) -> Localized {
        Localized(zh: "仅 \(n) 个单位，仅供参考", en: "only \(n) units: indicative")
    }
}
