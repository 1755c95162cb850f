import Testing
@testable import KaimenKit

@Suite("HTML and SVG primitives: escaping, the page skeleton, tables, charts")
struct HTMLPrimitivesTests {
    @Test("markup characters become entities and control and direction characters are dropped")
    func escaping() {
        #expect(HTMLText.escape("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(HTMLText.escape("a\u{0}b\u{7}c\u{1B}[31md\u{7F}e\u{85}f\r") == "abc[31mdef")
        #expect(HTMLText.escape("x\u{202E}gpj.exe\u{2066}y") == "xgpj.exey")
        #expect(HTMLText.escape("第一行\n\t第二行 西城区") == "第一行\n\t第二行 西城区")
    }

    @Test("the document declares UTF-8 and the language, escapes its title and needs nothing from outside")
    func document() {
        var d = HTMLDocument(title: "<b>汇总</b>", lang: .zh)
        d.append(HTMLText("正文 & 内容"))
        let html = d.rendered()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>&lt;b&gt;汇总&lt;/b&gt;</title>"))
        #expect(html.contains("正文 &amp; 内容"))
        #expect(html.contains("size: A4"))
        #expect(html.contains("\"Microsoft YaHei\""))
        for outside in ["<script", "http://", "https://", "@import", "url("] { #expect(!html.contains(outside)) }
    }

    @Test("a table escapes text cells, keeps kaimen's markup, and right-aligns numbers")
    func table() {
        var t = HTMLTableBuilder(columns: [.init("单位"), .init("总分", numeric: true)])
        t.addRow([.text("<i>工会</i>"), .number("87.50")])
        t.addRow([.markup(HTMLText(markup: "<b>合计</b>")), .empty], rowClass: "total")
        let html = t.rendered().markup
        #expect(html.contains("<thead><tr><th>单位</th><th>总分</th></tr></thead>"))
        #expect(html.contains("<td>&lt;i&gt;工会&lt;/i&gt;</td><td class=\"num\">87.50</td>"))
        #expect(html.contains("<tr class=\"total\"><td><b>合计</b></td><td class=\"num\"></td></tr>"))
        #expect(t.rowCount == 2)
    }

    @Test("SVG text is escaped and coordinates are short and finite")
    func svg() {
        var c = SVGCanvas(width: 100, height: 50, title: "A & B")
        c.line(0, 0.5, 10.123, .nan)
        c.text(1, 2, "<x>\u{0}")
        let s = c.rendered().markup
        #expect(s.contains("<title>A &amp; B</title>"))
        #expect(s.contains("<line x1=\"0\" y1=\"0.5\" x2=\"10.12\" y2=\"0\""))
        #expect(s.contains(">&lt;x&gt;</text>"))
        #expect(SVGCanvas.n(-0.001) == "0")
    }

    @Test("a linear scale maps its ends and gives round ticks")
    func scale() {
        let s = LinearScale(domain: (0, 100), range: (10, 210))
        #expect(s(0) == 10)
        #expect(s(50) == 110)
        #expect(s.ticks(5) == [0, 20, 40, 60, 80, 100])
        #expect(LinearScale(domain: (60, 95), range: (0, 1)).ticks(4) == [60, 70, 80, 90])
    }

    /// The y of each label the chart draws, by its text.
    static func labelY(_ svg: String) -> [String: String] {
        let pattern = /<text x="[^"]*" y="([^"]*)" font-size="8" text-anchor="middle">(U[0-9]+)<\/text>/
        return Dictionary(svg.matches(of: pattern).map { (String($0.2), String($0.1)) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("the totals chart stacks labelled dots whose labels would overlap, not only dots that touch")
    func distributionLabels() {
        // On a 0–110 axis 660 px long (6 px a point), 80 and 82 are 12 px apart: clear as dots
        // (9 px, 1 px between), but "U0016" is 5 × 4.6 = 23 px wide.
        let dots = [TotalsDistributionChart.Dot(label: "U0016", total: 80.0), .init(label: "U0030", total: 82.0)]
        var chart = TotalsDistributionChart(dots: dots, boundaries: [], maximum: 110, title: "t")
        let apart = Self.labelY(chart.rendered().markup)
        #expect(apart.count == 2 && apart["U0016"] != apart["U0030"], "\(apart)")
        chart.labelsApart = false
        let before = Self.labelY(chart.rendered().markup)
        #expect(before.count == 2 && before["U0016"] == before["U0030"], "as 0.16.0 drew them: side by side")
    }
}
