/// What a scoring run hands to the exports and warnings, whichever engine produced it: the
/// units, their compact results and ranking, the recusal violations and the input warnings.
public struct ScoreReport: Sendable {
    public let rules: Rules
    public let units: UnitIdentities
    public let scores: ScoreTable
    public let ranking: Ranker.Report
    public let recusals: [RecusalViolation]
    /// Problems that did not stop the run (ignored columns, a GB18030 file, …).
    public let inputWarnings: [Diagnostic]
    /// A session's recusals, voids and uncounted sheets (`SessionSheets`), when the ballots come
    /// from one (`SessionInputs.score`); `nil` for `score`, and for re-deriving a seal made before
    /// 0.16.0. The papers and warnings state them.
    public internal(set) var sheets: SessionSheets? = nil
    /// The kaimen version whose files to write again (`[0, 16, 0]`), when `session verify`
    /// re-derives a seal an earlier version made; `nil`: as this version writes them. Every
    /// change to the bytes of a session's results asks `writes(since:)`, so a journal sealed
    /// by two versions (an appeal closed after an upgrade) verifies whole.
    public internal(set) var writtenAs: [Int]? = nil
    /// The assessment period the report and the notice print as 考核期 (`score --period`, or a
    /// session's `init --period`, since 0.29.4); `nil`: the rules' `effective` dates, as before.
    public internal(set) var period: String? = nil

    /// The versions that changed a session's files (`writes(since:)`): 0.16.0 the notice's
    /// recusals, 0.17.0 the papers, 0.18.0 the workbook's borders, the ballot chart's
    /// result and the page numbers, 0.19.0 the tie notes' wording, the report's summary page
    /// (recusals in brief, headers broken between words) and its charts' stacked ballots,
    /// 0.20.0 the score sheets' subtotal, veto and total rows, kept with the row above them,
    /// 0.21.0 the row of a veto that could not be checked, kept so too,
    /// 0.22.0 a notice that names the representatives, its recusals in brief, and a score
    /// sheet's ballots note as its table's last row,
    /// 0.24.0 numbers a reader can check by hand: a weighted standard's raw points to more
    /// places with its weight, a subtotal whose rows as shown add up otherwise says so, the
    /// summary's note gives the largest rounding gap in its table, the sheets' CSV subtotal
    /// note is the HTML's, the notice's table fits the page, the panel tables' headers
    /// break between words, and the anonymous workbook's recusal rows give no score,
    /// 0.25.0 the workbook's 汇总 printed with its grid, its headings wrapped and merged over
    /// both header rows, at about three quarters of its size, not half, and the notice's units
    /// named in running text isolated (`<bdi>`) from a right-to-left name, and the ballot
    /// chart's result tick clear of a stack of dots, and the re-check list's points at two places,
    /// 0.26.0 a ballot chart's stacks placed together for the row (within the scale, clear of
    /// each other, the trimmed ballots on the value) with `不考核` for a standard left out, and
    /// the notice's count under `score` of a unit's own representatives, not called recusals,
    /// 0.27.0 a veto not checked says why (缺少数据, 除数为零, 数值超出范围) and the total's line
    /// cuts a sum whose rounding at six places would read otherwise than the total, 0.27.1 an
    /// expression standard's value and an area's subtotal note cut so too (and `…` after a
    /// value cut short), a veto's cap as the rules write it, and tie notes whose values read
    /// alike at six places saying they differ beyond
    /// (docs/session.md, `session verify`).
    public static let v0_16: [Int] = [0, 16, 0]
    public static let v0_17: [Int] = [0, 17, 0]
    public static let v0_18: [Int] = [0, 18, 0]
    public static let v0_19: [Int] = [0, 19, 0]
    public static let v0_20: [Int] = [0, 20, 0]
    public static let v0_21: [Int] = [0, 21, 0]
    public static let v0_22: [Int] = [0, 22, 0]
    public static let v0_24: [Int] = [0, 24, 0]
    public static let v0_25: [Int] = [0, 25, 0]
    public static let v0_26: [Int] = [0, 26, 0]
    public static let v0_27: [Int] = [0, 27, 0]
    public static let v0_27_1: [Int] = [0, 27, 1]
    /// The report's 评委分析 decides its flags exactly (thresholds as fractions, leniency from 6
    /// ballots on 2 units, groups compared only when two have ballots) and its groups table names
    /// the flag 组别偏差 and leaves a group without ballots blank (docs/panel.md).
    public static let v0_29: [Int] = [0, 29, 0]
    /// The workbook's one 评分表 sheet of a large session prints one page wide (it printed four
    /// columns a page: over a thousand pages for 61 units); the report's re-check list says how many rows it leaves out; the notice keeps its closing
    /// lines with the text before them and a heading with its text; a notice naming the
    /// representatives shows a representative's own unit as 本单位, not 回避, which it said also
    /// where their group never heard the unit (a papers review).
    public static let v0_29_1: [Int] = [0, 29, 1]
    /// The workbook's 汇总 printed with a page header: the issuer, the rules' title with 汇总排名表,
    /// and a result's version after an appeal (it printed as a bare table: a review asked whose
    /// and which summary a page was); a standard that cannot be assessed said so (无法考核, not
    /// 不予考核, which read as "not marked down" where the rule gave 0), in the warnings and in
    /// summary.csv's 提示 with what its rule gave it (`（计 0 分）`, `（不计入）`).
    public static let v0_29_2: [Int] = [0, 29, 2]
    /// A score sheet's signatures right after its table, kept with its total, before the charts
    /// (they fell on a page of charts alone), and a later version's score sheet saying which
    /// it is (`申诉复核后第 2 版…`), as its notice and summary do; and the reader warnings this
    /// version added (``inputWarningSince``).
    public static let v0_29_3: [Int] = [0, 29, 3]
    /// A session's notice has a place for the verification code (the journal head hash's first
    /// 16 digits, `PostedHead`), which `close` prints and `verify --head` takes: the notice is
    /// sealed before the hash exists, so the committee writes it in by hand.
    public static let v0_29_4: [Int] = [0, 29, 4]
    /// A papers review (a district union's staff printing, signing and posting them): the notice
    /// gives the grade lines and the quota under its ranking, keeps its closing lines with what
    /// comes before them in tighter spacing and, over two pages, names itself at the head of the
    /// next; summary.xlsx carries the 考核期; the report says how to read Krippendorff's α; the
    /// report's signatures date as the notice does (`____年__月__日`).
    public static let v0_29_5: [Int] = [0, 29, 5]
    /// The English papers read as written by a person (a papers review printing them): the
    /// notice's closing line says where objections go (`please raise any objection with the
    /// assessment committee within that period`; before, `objections to the assessment
    /// committee.`), and its verification code line how it is used. The Chinese papers keep
    /// their bytes; every workbook row of one line is 17 points (LibreOffice printed CJK text on
    /// the grid line below). And
    /// an outside audit of `session verify`: a session's notice says how to check its
    /// verification code (`kaimen session verify 会话文件夹 --head "…"`, the 16 digits written on
    /// it; it said only "可用 kaimen session verify 核对"); summary.json gives `null`, not `0.0`,
    /// for a standard left out of its area and prorated (not assessed), as a score sheet's JSON does.
    public static let v0_29_6: [Int] = [0, 29, 6]
    /// Papers' leftovers of a review: summary.xlsx's 评分表 measure a title merged across
    /// columns at the merged width, so its row is as tall as the title wraps (it was four lines
    /// high, measured in the narrow 编号 column, for a title of one); the English score sheets
    /// name the methods as one family (`by bands`, `by ratio`, `by count`, …; `per count`,
    /// `linear`, `bands` before); report.html keeps a heading of its panel section with the table
    /// under it (the English `Agreement (Krippendorff's alpha, interval)` stood alone at a page's foot).
    public static let v0_29_7: [Int] = [0, 29, 7]

    /// Papers and JSON that name an input file (a score sheet's recusal rows, summary.json's
    /// `recusals[].file` and `warnings`, the report's and workbook's 提示) name it by its file
    /// name (`ballots.csv 第 389 行`), not the path as typed, which for a path typed absolute
    /// put the server's folders on a posted paper and made two runs of the same data differ
    /// (``inputFileShown(_:)``).
    public static let v0_29_8: [Int] = [0, 29, 8]

    /// The version each input warning a session's papers may state was first given in, where
    /// that is later than sessions were first sealed: a seal is written again without the kinds
    /// its version did not know (``papersInputWarnings``). A new warning a reader gives for a
    /// session's inputs (its units, roster or schedule file) is added here with its version.
    static let inputWarningSince: [String: [Int]] = [
        DiagnosticCode.workbookHiddenRow.rawValue: v0_29_2,
        DiagnosticCode.blankScore.rawValue: v0_29_2,
        DiagnosticCode.workbookHiddenColumn.rawValue: v0_29_3,
    ]

    /// The input warnings the papers state (the report's 提示, the workbook's 提示 sheet): every
    /// one, or, when a seal an earlier version made is written again, those of the kinds that
    /// version gave. Since 0.29.3; before, a session sealed with an Excel input that had hidden
    /// rows was written again by 0.29.2 with a warning 0.29.1 never gave, and did not verify.
    /// Each names its file as ``inputFileShown(_:)`` does.
    public var papersInputWarnings: [Diagnostic] {
        let known = writtenAs.map { writtenAs in
            inputWarnings.filter { d in Self.inputWarningSince[d.code].map { Self.version(writtenAs, reaches: $0) } ?? true }
        } ?? inputWarnings
        return known.map { d in
            var d = d
            if let file = d.location?.file { d.location?.file = inputFileShown(file) }
            return d
        }
    }

    /// How the files a run writes name one of its input files: by the file's name alone
    /// (`samples/x/ballots.csv` and `/srv/kaimen/x/ballots.csv` are both `ballots.csv`), so
    /// papers posted in public never show the server's folders and the same data gives the
    /// same bytes however its paths were typed. As typed for a report an earlier version wrote
    /// (``v0_29_8``). The run's warnings on the terminal say it so too, being the same lines as
    /// summary.json's; errors keep the path as typed.
    public func inputFileShown(_ path: String) -> String {
        writes(since: Self.v0_29_8) ? PathText.lastComponent(path) : path
    }

    /// Why a veto was not checked, as this report's papers say it: before 0.27.0 always 缺少数据.
    func vetoNotChecked(_ why: VetoNotChecked?) -> VetoNotChecked {
        writes(since: Self.v0_27) ? why ?? .missingData : .missingData
    }

    /// Whether the files are written as `version` (`ScoreReport.v0_17`) or a later version writes them.
    public func writes(since version: [Int]) -> Bool {
        writtenAs.map { Self.version($0, reaches: version) } ?? true
    }

    /// Whether `version` is `minimum` or later (`[0, 17, 1]` reaches `[0, 17, 0]`).
    static func version(_ version: [Int], reaches minimum: [Int]) -> Bool {
        !version.lexicographicallyPrecedes(minimum)
    }

    public init(rules: Rules, units: UnitIdentities, scores: ScoreTable, ranking: Ranker.Report,
                recusals: [RecusalViolation], inputWarnings: [Diagnostic]) {
        self.rules = rules
        self.units = units
        self.scores = scores
        self.ranking = ranking
        self.recusals = recusals
        self.inputWarnings = inputWarnings
    }

    public func gradeName(_ u: Int) -> String { rules.grades[Int(scores.grade[u])].name }
}
