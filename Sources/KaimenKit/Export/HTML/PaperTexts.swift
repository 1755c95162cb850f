/// The words on kaimen's printed papers (report, 公示, ballot sheets, workbook), in one place so
/// they can join the message catalogue. Chinese first; English with `--lang en`.
enum PaperTexts {
    static let reportTitle = Localized(zh: "考核结果报告", en: "Assessment report")
    static let summaryHeading = Localized(zh: "汇总排名表", en: "Ranked summary")
    static let sheetHeading = Localized(zh: "评分表", en: "Score sheet")
    static let noticeTitle = Localized(zh: "考核结果公示", en: "Public notice of the assessment results")
    static let warningsHeading = Localized(zh: "提示", en: "Notes for the committee")
    static let noWarnings = Localized(zh: "无", en: "none")
    static let distributionHeading = Localized(zh: "总分分布与等级分数线", en: "Totals and grade boundaries")
    static let profileHeading = Localized(zh: "各方面得分率（与全部单位中位数对比）", en: "Each area against its maximum and the median of all units")
    static let ballotsHeading = Localized(zh: "代表评分（每点一张票，空心为去掉的最高/最低分）", en: "Ballots (one dot each; hollow: trimmed highest/lowest)")
    static let notAssessed = Localized(zh: "不考核", en: "not assessed")
    static let signature = Localized(zh: "考评委员会成员签字", en: "Committee members' signatures")
    static let date = Localized(zh: "日期", en: "Date")
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

    /// The scoring method in words, for the 方法 column.
    static func method(_ m: ScoringMethod, _ lang: Language) -> String {
        switch m {
        case .bands: lang.t("分档计分", "bands")
        case .linear: lang.t("按比例计分", "linear")
        case .count: lang.t("按数量计分", "per count")
        case .checklist: lang.t("逐项核对", "checklist")
        case .presence: lang.t("有无核对", "yes / no")
        case .ballot: lang.t("代表评分", "ballots")
        case .survey: lang.t("满意度测评", "survey")
        case .expression: lang.t("公式计算", "formula")
        }
    }

    static func meta(_ label: Localized, _ value: String, _ lang: Language) -> HTMLText {
        HTMLText(markup: "<span><b>\(HTMLText.escape(label.text(lang)))</b>\(HTMLText.escape(value))</span>")
    }

    static func period(_ m: RulesMetadata, _ lang: Language) -> String {
        m.effectiveFrom + (m.effectiveTo.map { lang.t(" 至 ", " to ") + $0 } ?? "")
    }

    static func ballotsLine(representatives: Int, ballots: Int, voters: Int, lang: Language) -> String {
        lang.t("代表 \(voters) 人为本单位投票，有效票 \(ballots) 张（全体代表 \(representatives) 人）",
               "\(voters) representatives scored this unit, \(ballots) ballots counted (\(representatives) representatives in all)")
    }

    static func trimLine(_ k: Int, minBallots: Int, lang: Language) -> String {
        lang.t("每项不少于 \(minBallots) 张票时去掉最高、最低各 \(k) 张后取平均",
               "with at least \(minBallots) ballots on an item, the \(k) highest and \(k) lowest are dropped before averaging")
    }

    static func recusalLine(count: Int, items: Int, lang: Language) -> String {
        lang.t("回避：\(count) 名代表为本单位打分 \(items) 项，均未计入", "recusal: \(count) representative(s) scored their own unit on \(items) item(s); none counted")
    }
}
