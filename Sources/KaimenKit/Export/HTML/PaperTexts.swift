/// The words on kaimen's printed papers (report, 公示, ballot sheets, workbook), in one place so
/// they can join the message catalogue. Chinese first; English with `--lang en`.
enum PaperTexts {
    static let reportTitle = Localized(zh: "考核结果报告", en: "Assessment report")
    static let summaryHeading = Localized(zh: "汇总排名表", en: "Ranked summary")
    static let sheetHeading = Localized(zh: "评分表", en: "Score sheet")
    static let noticeTitle = Localized(zh: "考核结果公示", en: "Public notice of the assessment results")
    /// The label before the verification code on a session's notice; `session verify --head`
    /// takes the notice's line pasted whole, label and all (`PostedHead.labels`).
    static let verificationCodeLabel = Localized(zh: "核验码", en: "Verification code")
    /// A session's notice: the line where the committee writes the journal head hash's first
    /// digits by hand (since 0.29.4; `PostedHead`), as 0.29.4 and 0.29.5 wrote it.
    static let verificationCode0294 = Localized(
        zh: "\(verificationCodeLabel.zh)：______ ______ ______ ______（会议日志末条哈希的前 \(PostedHead.shortest) 位，结束会话后由考评委员会填写；可用 kaimen session verify 核对本结果与会议记录一致）",
        en: "\(verificationCodeLabel.en): ______ ______ ______ ______ (the first \(PostedHead.shortest) digits of the session journal's head hash, written in by the committee after closing; kaimen session verify checks these results against the session's record with it)")
    /// Since 0.29.6 the line says how to check the code (an outside audit: "可用 kaimen session
    /// verify 核对" left out `--head`, without which the code is not checked at all), and in
    /// English calls the code's hexadecimal digits characters (a papers review).
    static let verificationCode = Localized(
        zh: "\(verificationCodeLabel.zh)：______ ______ ______ ______（会议日志末条哈希的前 \(PostedHead.shortest) 位，结束会话后由考评委员会填写。核对本结果与会议记录一致：kaimen session verify 会话文件夹 --head \"此处所填的 \(PostedHead.shortest) 位\"）",
        en: "\(verificationCodeLabel.en): ______ ______ ______ ______ (the first \(PostedHead.shortest) characters of the session journal's head hash, written in by the committee after closing. Anyone can check these results against the session's record: kaimen session verify SESSION-FOLDER --head \"the \(PostedHead.shortest) characters written here\")")
    static let warningsHeading = Localized(zh: "提示", en: "Notes for the committee")
    static let noWarnings = Localized(zh: "无", en: "none")
    static let distributionHeading = Localized(zh: "总分分布与等级分数线", en: "Totals and grade boundaries")
    static let profileHeading = Localized(zh: "各方面得分率（与全部单位中位数对比）", en: "Each area against its maximum and the median of all units")
    static let ballotsHeading = Localized(zh: "代表评分（每点一张票，空心为去掉的最高/最低分）", en: "Ballots (one dot each; hollow: trimmed highest/lowest)")
    static let notAssessed = Localized(zh: "不考核", en: "not assessed")
    /// Before a grade in the workbook's score sheets' top rows (`等级：优秀`), clear of the total beside it.
    static let gradeLabel = Localized(zh: "等级：", en: "grade: ")
    static let signature = Localized(zh: "考评委员会成员签字", en: "Committee members' signatures")
    static let date = Localized(zh: "日期", en: "Date")
    /// The date a seal or a signature is given, written in by hand: the notice's, and since
    /// 0.29.5 the report's signatures' (a papers review found a bare 日期 line there).
    static let handwrittenDate = Localized(zh: "______年____月____日", en: "Date: ____________")
    static let subtotal = Localized(zh: "小计", en: "Subtotal")
    static let total = Localized(zh: "总分", en: "Total")
    static let bonus = Localized(zh: "加分", en: "Bonus")
    static let deduction = Localized(zh: "扣分", en: "Deduction")
    static let veto = Localized(zh: "一票否决", en: "Veto")
    static let median = Localized(zh: "中位数", en: "median")
    static let maximum = Localized(zh: "满分", en: "maximum")
    static let continued = Localized(zh: "（续）", en: " (continued)")

    static func areaHeading(_ n: Int, _ name: String, max: String, _ lang: Language) -> String {
        lang == .zh ? "\(chineseOrdinal(n))、\(name)（满分 \(max) 分）" : "\(n). \(name) (max \(max))"
    }

    /// 一 … 二十, for area headings.
    static func chineseOrdinal(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n <= 0 || n >= 100 { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[ones]
    }

    /// The scoring method in words, for the 方法 column; in English as `report`'s version wrote
    /// it (since 0.29.7 `by count`, not `per count`, and its family: ``ScoringMethod/Kind/words``).
    static func method(_ m: ScoringMethod, _ lang: Language, as report: ScoreReport) -> String {
        lang == .en && !report.writes(since: ScoreReport.v0_29_7) ? m.kind.englishBefore0297 : m.words.text(lang)
    }

    static func meta(_ label: Localized, _ value: String, _ lang: Language) -> HTMLText {
        HTMLText(markup: "<span><b>\(HTMLText.escape(label.text(lang)))</b>\(HTMLText.escape(value))</span>")
    }

    static let periodLabel = Localized(zh: "考核期", en: "Period")

    /// 考核期: the period given (`--period`, since 0.29.4), else the rules' `effective` dates.
    static func period(_ report: ScoreReport, _ lang: Language) -> String {
        let m = report.rules.metadata
        return report.period ?? (m.effectiveFrom + (m.effectiveTo.map { lang.t(" 至 ", " to ") + $0 } ?? ""))
    }

    /// `考核期：2014年年中`, where the period is not among other labelled items (the workbook's
    /// page header and its score sheets' title rows, since 0.29.5).
    static func periodLine(_ report: ScoreReport, _ lang: Language) -> String {
        periodLabel.text(lang) + lang.t("：", ": ") + period(report, lang)
    }

    /// A grade's quota: `不超过 20%（1 个）`, `at most 20% (1)`: the report's 提示 on a unit the
    /// quota moved, and the notice's grade lines.
    static func quota(_ percent: Rational, allowed: Int) -> Localized {
        Localized(zh: "不超过 \(percent.plainText())%（\(allowed) 个）", en: "at most \(percent.plainText())% (\(allowed))")
    }

    /// The notice's grade lines (since 0.29.5: a papers review read 良好 for 94.81 with nothing
    /// saying where 优秀 begins or how many may hold it): `等级：优秀 ≥ 90 分，不超过 20%（1 个）；
    /// 良好 ≥ 80 分；合格 ≥ 60 分；其余为不合格`, the quota's count of this report's units.
    static func gradeLines(_ report: ScoreReport, _ lang: Language) -> String {
        let grades = report.rules.grades
        let parts = grades.map { g -> String in
            guard let min = g.min else { return lang.t("其余为\(g.name)", "\(g.name) otherwise") }
            var text = g.name + lang.t(" ≥ \(min.plainText()) 分", " ≥ \(min.plainText())")
            if let q = g.quotaPercent { text += lang.t("，", ", ") + quota(q, allowed: Ranker.quotaAllowed(q, units: report.scores.unitCount)).text(lang) }
            return text
        }
        return lang.t("等级：", "Grades: ") + parts.joined(separator: lang.t("；", "; "))
    }

    /// Under the ranked table: what its columns add up to. Each area's points already have its
    /// deductions taken off, and the total is added before rounding, so the rounded columns may
    /// miss it by a unit or two of the last place.
    /// - Parameter largestGap: since 0.24.0, the largest difference in the table between a
    ///   unit's total and the sum of its rounded columns (in units of the last place), said
    ///   instead of `0.01 左右`, which understated it (ten rounded areas and the bonus can be
    ///   0.05 apart from their total).
    static func summaryNote(_ rules: Rules, lang: Language, largestGap: Int64? = nil) -> String {
        let places = rules.ranking.precision
        let last = Rational(mantissa: 1, scale: places).formatted(places: places)   // one unit of the last place: 0.01
        var zh = "注：", en = "Note: "
        if !rules.deductions.isEmpty {
            zh += "各方面得分已扣除本方面的扣分项，扣分列只列明扣了多少，不再另减。"
            en += "each area's points already have its deductions taken off; the deduction column only shows how much, and is not taken off again. "
        }
        zh += "总分 = 各方面得分之和 + 加分" + (rules.vetoes.isEmpty ? "" : "（一票否决的按否决规定）")
        en += "The total is the areas plus the bonus" + (rules.vetoes.isEmpty ? "" : " (or as a veto sets it)")
        guard let largestGap else {
            zh += "，用未经四舍五入的分数相加后保留 \(places) 位小数，因此可能与表中各列之和相差 \(last) 左右。"
            en += ", added before rounding to \(places) places, so it may differ by about \(last) from the sum of the rounded columns."
            return lang.t(zh, en)
        }
        let gap = Rational(mantissa: largestGap, scale: places).formatted(places: places)
        zh += "，用未经四舍五入的分数相加后保留 \(places) 位小数，因此可能与表中各列之和不同"
            + (largestGap > 0 ? "；本表中最多相差 \(gap)。" : "；本表中各单位恰好相等。")
        en += ", added before rounding to \(places) places, so it may differ from the sum of the rounded columns"
            + (largestGap > 0 ? "; in this table by at most \(gap)." : "; in this table it never does.")
        return lang.t(zh, en)
    }

    static func ballotsLine(representatives: Int, ballots: Int, voters: Int, lang: Language) -> String {
        lang.t("\(voters) 名代表为该单位打分，计入 \(ballots) 张票（全体代表 \(representatives) 人）",
               "\(voters) representatives scored this unit, \(ballots) ballots counted (\(representatives) representatives in all)")
    }

    static func recusalLine(count: Int, items: Int, lang: Language) -> String {
        lang.t("回避：\(count) 名本单位的代表为本单位打的 \(items) 项分数均未计入", "recusal: \(count) representative(s) scored their own unit on \(items) item(s); none counted")
    }
}

extension PaperTexts {
    /// The entry workbook (since 0.29.2): its title, and a score column's data validation.
    static let entryTitle = Localized(zh: "评分录入表", en: "score entry")
    static let scoreOutOfRange = Localized(zh: "超出范围", en: "Out of range")
    static func scoreOutOfRangeText(_ max: String) -> Localized {
        Localized(zh: "该项满分 \(max) 分，应填 0 到 \(max) 之间的数；请对照纸质评分表核对", en: "This item is worth \(max): a score from 0 to \(max); check the paper sheet")
    }
    static let scoreRange = Localized(zh: "评分范围", en: "Score range")
    static func scoreRangeText(_ max: String) -> Localized { Localized(zh: "0 到 \(max) 分", en: "0 to \(max)") }
    /// A ballot chart's row whose ballots did not count (since 0.29.2): left out, or given points by its rule.
    static let notAssessedUncounted = Localized(zh: "不考核，票未计入", en: "not assessed; ballots not counted")
    static let ballotsUncounted = Localized(zh: "票未计入", en: "ballots not counted")
    static let ballotSheetTitle = Localized(zh: "职工代表现场评分表", en: "Representative's ballot sheet")
    static let recused = Localized(zh: "回避", en: "Recused")
    static let recusedNote = Localized(zh: "本人所在单位（或申报回避），不参与评分，请勿填写。", en: "The representative's own unit (or a declared conflict): not to be scored.")
    /// A recused sheet's place for the signature: nothing to sign.
    static let recusedNoSignature = Localized(zh: "回避，无需填写", en: "Recused: nothing to fill in or sign")
    static let ownTotal = Localized(zh: "合计（请自行加总，供核对）", en: "Total (add it up yourself, as a check)")
    static let repSignature = Localized(zh: "评分代表签字", en: "Representative's signature")
    /// The criteria list under the sheet by representative, whose numbers head its columns.
    static let criteriaByColumn = Localized(zh: "评分标准（序号即上表各列的序号）", en: "Criteria (numbered as the columns above)")
    static let instructions = Localized(zh: "请在方框内填写分数，不得超过该项满分；涂改处请签名确认。", en: "Write each score in its box, at most the item's maximum; initial any correction.")
    static let noBallotStandards = Localized(zh: "这些细则没有代表评分的标准（method 为 ballot），无需打印评分表",
                                             en: "these rules have no ballot standards (method `ballot`): there are no ballot sheets to print")
    static let noBallotStandardsHint = Localized(zh: "检查 --rules 是否指向本次会议的细则", en: "check that --rules names this session's rules")

    /// `可填 0、0.5、1 … 4 分` with a step; `0–4 分` without.
    static func allowed(max: Rational, step: Rational?, _ lang: Language) -> String {
        let m = max.plainText()
        guard let step, !step.isZero else { return lang.t("0–\(m) 分", "0–\(m)") }
        return lang.t("0–\(m) 分，每档 \(step.plainText()) 分", "0–\(m) in steps of \(step.plainText())")
    }
}

extension PaperTexts {
    /// The largest difference, over the units whose total no veto capped, between the total and
    /// its areas plus bonus as the summary shows them, in units of the last place. A veto that
    /// only sets a grade, or whose cap the total is under, leaves the total the sum it is.
    /// - Parameter shown: how many units the table shows, first in rank order (`nil`: all), so
    ///   that `本表中` speaks of the rows printed (`score --top 5` drew it from hidden units).
    static func largestRoundingGap(_ report: ScoreReport, shown: Int? = nil) -> Int64 {
        let scores = report.scores, vetoes = report.rules.vetoes
        // Each unit's lowest cap among its vetoes that held, at the table's places.
        var cap: [Int: Int64] = [:]
        for v in scores.vetoes {
            guard let c = vetoes[Int(v.item)].capTotal else { continue }
            let scaled = c.scaledInteger(places: scores.precision)
            cap[Int(v.unit)] = min(cap[Int(v.unit)] ?? scaled, scaled)
        }
        var largest: Int64 = 0
        let units: any Sequence<Int> = shown.map { report.ranking.order.prefix($0) } ?? Array(0..<scores.unitCount)
        for u in units {
            var sum = scores.bonus[u]
            for a in 0..<scores.areaCount { sum += scores.areas[u * scores.areaCount + a] }
            // Capped: the total is the cap, and the columns add up to more than any rounding.
            if let c = cap[u], scores.total[u] == c, sum > c { continue }
            largest = max(largest, abs(sum - scores.total[u]))
        }
        return largest
    }
}
