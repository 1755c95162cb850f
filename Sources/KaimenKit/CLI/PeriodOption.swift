/// `--period TEXT` (since 0.29.4): the assessment period the report and the notice print as
/// 考核期, for `score --out` and `session init` (which records it for every close). Without it
/// they print the rules' `effective` dates, which are when the rules apply: a mid-year session
/// under rules effective for the year printed the whole year (a secretary's test).
enum PeriodOption {
    static let spec = OptionSpec.option("--period", "TEXT", .init(
        zh: "考核期，印在报告和公示上（如 2014年年中）；不给时印细则的有效期。",
        en: "The assessment period printed on the report and notice (e.g. mid-2014); without it, the rules' effective dates."))

    /// The period given, trimmed (`nil` when not given), or why it is refused (a usage error).
    static func read(_ args: ParsedArguments) -> Result<String?, PeriodRefused> {
        guard let typed = args.value("--period") else { return .success(nil) }
        if let problem = RecordedText.periodProblem(typed) { return .failure(PeriodRefused(text: problem)) }
        return .success(typed.trimmingSpaces())
    }

    struct PeriodRefused: Error {
        var text: Localized
    }
}
