/// A whole, self-contained HTML page for screen and print: no script, no external file, no
/// network. Print CSS sets A4 pages, repeats table headers on every page, keeps rows whole, and
/// uses fonts found on Chinese Windows, macOS and Linux (a font stack; nothing is downloaded).
///
/// Put each printed page in a `<section class="page">` (`.page.landscape` for a wide one): a
/// page break follows each, and a landscape section prints on a landscape A4 sheet.
public struct HTMLDocument: Sendable {
    public var title: String
    public var lang: Language
    /// More CSS for this kind of page, written by kaimen.
    public var extraCSS: String
    public var body: [HTMLText]
    /// Whether table headers and the panel's cells keep their words whole (`wholeWordsCSS`): off
    /// only to write a sealed page again as kaimen before 0.17.0 wrote it.
    public var wholeWords = true
    /// Whether each printed page says which it is, and of how many (`第 3 页，共 12 页`), at its
    /// foot (`pageNumbersCSS`): off for pages that number themselves (the blank sheets), and to
    /// write a sealed page again as kaimen before 0.18.0 wrote it.
    public var pageNumbers = true

    public init(title: String, lang: Language, extraCSS: String = "", body: [HTMLText] = []) {
        self.title = title
        self.lang = lang
        self.extraCSS = extraCSS
        self.body = body
    }

    public mutating func append(_ part: HTMLText) { body.append(part) }

    /// The page as UTF-8 text.
    public func rendered() -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"\(lang == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta name=\"generator\" content=\"kaimen\">\n"
        s += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(HTMLDocument.baseCSS)\(wholeWords ? HTMLDocument.wholeWordsCSS : "")"
        s += "\(pageNumbers ? HTMLDocument.pageNumbersCSS(lang) : "")\(extraCSS)</style>\n</head>\n<body>\n"
        for part in body { s += part.markup; s += "\n" }
        s += "</body>\n</html>\n"
        return s
    }

    /// Fonts that exist on Chinese Windows (微软雅黑, 宋体), macOS (PingFang) and Linux (Noto CJK,
    /// Source Han, WenQuanYi), then the generic family.
    public static let fontStack = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"微软雅黑\", \"PingFang SC\", "
        + "\"Hiragino Sans GB\", \"WenQuanYi Micro Hei\", \"SimHei\", \"黑体\", \"SimSun\", \"宋体\", sans-serif"

    /// Headers, and the panel's cells (ids, numbers, short flags), break between words only: the
    /// base rule lets a cell break anywhere, which kept long hostile text on the page but cut
    /// English headers and ids letter by letter (`R/a/n/k`, `R0/7`). Chinese still breaks between
    /// characters.
    public static let wholeWordsCSS = """
    table.grid th { overflow-wrap: break-word; }
    .panel table.grid td { overflow-wrap: break-word; }

    """

    /// The page's number and the count at the foot of every printed page, in the bottom margin
    /// (CSS page-margin boxes: Chromium 131 and later, and the print engines that follow the
    /// standard; a browser without them prints the page as before).
    public static func pageNumbersCSS(_ lang: Language) -> String {
        let content = lang == .zh ? "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"" : "\"Page \" counter(page) \" of \" counter(pages)"
        let box = marginBox("bottom-center", content: content)
        return "@page { \(box) }\n@page landscape { \(box) }\n"
    }

    /// A printed page's margin box (`bottom-center`, `top-center`) showing `content` (CSS) small
    /// and grey: the page numbers, and the notice's running title.
    static func marginBox(_ position: String, content: String) -> String {
        "@\(position) { content: \(content); font-family: \(fontStack); font-size: 8pt; color: #444; }"
    }

    /// The shared style: A4 pages with 15 mm margins, tables that fit the page, greys that
    /// survive a black-and-white printer.
    public static let baseCSS = """
    @page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
    @page landscape { size: A4 landscape; margin: 12mm 12mm 12mm 12mm; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font-family: \(fontStack); font-size: 10.5pt; line-height: 1.45; color: #000; background: #fff; margin: 0; }
    h1 { font-size: 17pt; margin: 0 0 4mm 0; text-align: center; letter-spacing: 0.05em; }
    h2 { font-size: 13pt; margin: 5mm 0 2mm 0; }
    h3 { font-size: 11pt; margin: 3mm 0 1.5mm 0; }
    p { margin: 1mm 0; }
    .page { break-after: page; page-break-after: always; }
    .page:last-child { break-after: auto; page-break-after: auto; }
    .page.landscape { page: landscape; }
    .meta { display: flex; flex-wrap: wrap; gap: 2mm 8mm; margin: 0 0 3mm 0; }
    .meta span b { font-weight: 600; margin-right: 1.5mm; }
    .subtitle { text-align: center; margin: -2mm 0 4mm 0; color: #333; }
    table.grid { width: 100%; border-collapse: collapse; table-layout: auto; margin: 0 0 3mm 0; }
    table.grid th, table.grid td { border: 0.6pt solid #444; padding: 0.8mm 1.4mm; vertical-align: top; overflow-wrap: anywhere; }
    table.grid th { background: #e6e6e6; font-weight: 600; text-align: center; vertical-align: middle; }
    table.grid thead { display: table-header-group; }
    table.grid tfoot { display: table-footer-group; }
    table.grid tr { break-inside: avoid; page-break-inside: avoid; }
    table.grid td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    table.grid td.nowrap { white-space: nowrap; }
    table.grid td.center { text-align: center; }
    table.grid tr.subtotal td { background: #f2f2f2; font-weight: 600; }
    table.grid tr.total td { background: #dcdcdc; font-weight: 700; }
    table.grid tr.muted td { color: #555; }
    .small { font-size: 8.5pt; }
    .na { color: #333; font-style: italic; white-space: nowrap; }
    .notes { margin: 2mm 0; padding-left: 5mm; }
    .notes li { margin: 0.6mm 0; }
    .sign { margin-top: 8mm; display: flex; gap: 12mm; break-inside: avoid; page-break-inside: avoid; }
    .sign div { flex: 1; border-bottom: 0.8pt solid #000; height: 12mm; position: relative; }
    .sign div span { position: absolute; left: 0; bottom: 13mm; font-size: 9.5pt; white-space: nowrap; }
    figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { font-size: 9pt; color: #333; }
    @media screen {
      body { background: #eee; }
      .page { background: #fff; max-width: 200mm; margin: 6mm auto; padding: 10mm 12mm; box-shadow: 0 0 2mm #aaa; }
      .page.landscape { max-width: 287mm; }
    }

    """
}
