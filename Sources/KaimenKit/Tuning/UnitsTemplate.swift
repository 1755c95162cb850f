/// The units file a district sends to its unions to fill in: the id, name and category
/// columns and one column per metric, headed by the Chinese names; a second row with the ids
/// kaimen also accepts; and a row of instructions per column. The units reader skips both
/// extra rows (a row whose id cell is a header name such as `id`, or starts with `#`), so the
/// filled-in file is read as it is.
public enum UnitsTemplate {
    /// The instruction for one metric: what to write, its unit, and whether it may be left empty.
    static func instruction(_ m: MetricDefinition, _ lang: Language) -> String {
        var s: String
        switch m.kind {
        case .count: s = lang.t("填写整数，如 120", "a whole number, e.g. 120")
        case .amount: s = lang.t("填写数额（不小于0），如 1856400", "an amount (0 or more), e.g. 1856400")
        case .rate: s = lang.t("填写比例，如 91.5%", "a rate, e.g. 91.5%")
        case .flag: s = lang.t("填写 是 或 否", "yes or no (是/否, 1/0)")
        case .number: s = lang.t("填写数字", "a number")
        }
        if let unit = m.unit, !unit.isEmpty { s += lang.t("（单位：\(unit)）", " (in \(unit))") }
        switch m.missing {
        case .error: s += lang.t("；必填", "; required")
        case .zero: s += m.kind == .flag ? lang.t("；没有可留空（按“否”计）", "; may be left empty (counts as no)")
                                         : lang.t("；没有可留空（按 0 计）", "; may be left empty (counts as 0)")
        case .notAssessable: s += lang.t("；没有可留空（该项按无法考核处理）", "; may be left empty (not assessed)")
        }
        return s
    }

    /// The three rows: Chinese headers, ids, instructions.
    static func rows(_ rules: Rules, lang: Language) -> [[String]] {
        [
            [lang.t("单位编号", "id"), lang.t("单位名称", "name"), lang.t("类别", "category")] + rules.metrics.map { lang == .zh ? $0.name : $0.id },
            ["id", "name", "category"] + rules.metrics.map(\.id),
            [lang.t("# 填写说明：此行和上一行可以保留，kaimen 读取时跳过；每个单位填一行", "# instructions: keep this row and the one above, kaimen skips them; one row per unit"),
             lang.t("填写单位全称", "the unit's full name"), lang.t("企业、机关、事业单位或街道", "企业, 机关, 事业单位 or 街道")]
                + rules.metrics.map { instruction($0, lang) },
        ]
    }

    /// The template as CSV bytes (UTF-8 with a byte order mark, for Excel and WPS).
    public static func csv(_ rules: Rules, lang: Language = .zh) -> [UInt8] {
        var w = CSVWriter()
        for row in rows(rules, lang: lang) { w.row(row.map { .text($0) }) }
        return w.bytes
    }

    /// The template as one sheet of an `.xlsx` workbook, its three rows frozen. Filled in, it is
    /// read as it is (``WorkbookSheet``), as its CSV would be.
    public static func xlsx(_ rules: Rules, lang: Language = .zh) -> [UInt8]? {
        let r = rows(rules, lang: lang)
        var sheet = XLSXSheet(name: lang.t("单位指标", "units"), rows: [r[0].map { .header($0) }] + r.dropFirst().map { $0.map { .text($0) } },
                              frozenRows: 3)
        sheet.maxWidth = 30
        var book = XLSXWorkbook()
        book.add(sheet)
        return book.bytes()
    }

    /// Whether a units-file row is one of the template's extra rows: its id cell is a header
    /// name (`id`, `单位编号`, …) or starts with `#`.
    static func isExtraRow(idCell: String) -> Bool {
        let id = idCell.trimmingSpaces()
        return id.hasPrefix("#") || ColumnNames.unitID.contains { $0.lowercased() == id.lowercased() }
    }
}
