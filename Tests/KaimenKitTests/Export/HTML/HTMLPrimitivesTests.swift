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

    @Test("paired headers break after every second Chinese character, a last odd one kept with its pair, and before a full-width bracket")
    func pairedHeaders() {
        #expect(HTMLTableBuilder.pairs("依法维权（12）") == "依法<wbr>维权<wbr>（12）")
        #expect(HTMLTableBuilder.pairs("工会经费收取") == "工会<wbr>经费<wbr>收取")
        #expect(HTMLTableBuilder.pairs("类别排名") == "类别<wbr>排名")
        #expect(HTMLTableBuilder.pairs("合计分") == "合计分")
        #expect(HTMLTableBuilder.pairs("组织建设与管理") == "组织<wbr>建设<wbr>与管理")
        #expect(HTMLTableBuilder.pairs("总分") == "总分")
        // Entities, tags, Latin text and digits are left as they are; a bracket after Latin text too.
        #expect(HTMLTableBuilder.pairs("&lt;b&gt;安全生产 (8)") == "&lt;b&gt;安全<wbr>生产 (8)")
        #expect(HTMLTableBuilder.pairs("Rank (10)") == "Rank (10)")
        #expect(HTMLTableBuilder.pairs("X（1）") == "X（1）")
        // 〇, an extension-B character and a character with a mark count as Chinese characters.
        #expect(HTMLTableBuilder.pairs("二〇一四年") == "二〇<wbr>一四年")
        #expect(HTMLTableBuilder.pairs("𠮷野家店") == "𠮷野<wbr>家店")
        #expect(HTMLTableBuilder.pairs("依\u{301}法维权") == "依\u{301}法<wbr>维权")
        #expect(HTMLTableBuilder.pairs("😀表情") == "😀表情")
        var t = HTMLTableBuilder(columns: [.init("类别排名"), .init("<b>")])
        t.pairedHeaders = true
        #expect(t.rendered().markup.contains("<th class=\"pairs\">类别<wbr>排名</th><th class=\"pairs\">&lt;b&gt;</th>"))
        t.pairedHeaders = false
        #expect(t.rendered().markup.contains("<th>类别排名</th>"))
    }

    /// Found by a papers trial: a result equal to a stack of black dots hid its dashed tick,
    /// which rose 2.5 points above them; a second trial found a white edge drawn over the dots
    /// made a counted (black) one look trimmed (hollow).
    @Test("the result's tick is drawn behind the dots, reaching above a stack of two and below the axis; the scale labels after every tick")
    func ballotTickClear() throws {
        // One row: its middle at 4 + 22 / 2 = 15; 2 of 4 at 116 + 222 / 2 = 227. A stack of two
        // at 2 reaches 15 + 2.5 − 5.4 − 2.6 = 9.5; the tick 4 higher, at 5.5, to 3 below the
        // axis (15 + 6), at 24.
        let chart = BallotDotsChart(rows: [.init(name: "评议", maximum: 4, kept: [2, 2, 1], trimmed: [], result: 2, resultLabel: "2.00")], title: "t")
        let svg = chart.rendered().markup
        let tick = ##"<line x1="227" y1="5.5" x2="227" y2="24" fill="none" stroke="#000" stroke-width="1.2" stroke-dasharray="2 1"/>"##
        let tickAt = try #require(svg.range(of: tick), "\(svg)")
        // Before every dot: drawn behind them, no white edge over any; the scale's labels after
        // it (a tick at 0 or the maximum reaches the label of the row above, at its middle + 15).
        #expect(tickAt.upperBound <= svg.range(of: "<circle")!.lowerBound && !svg.contains("#fff"))
        #expect(tickAt.upperBound <= svg.range(of: ##"<text x="112" y="30" font-size="7">0</text>"##)!.lowerBound)
        var old = chart
        old.tickClear = false
        let before = old.rendered().markup
        #expect(before.contains(##"<line x1="227" y1="7" x2="227" y2="21" fill="none" stroke="#000" stroke-width="1.4" stroke-dasharray="2 1"/>"##))
        // Before, each row's labels came before its dots, and the tick after them.
        #expect(before.range(of: ##">0</text>"##)!.lowerBound < before.range(of: "<circle")!.lowerBound)
        #expect(before.range(of: "<circle", options: .backwards)!.lowerBound < before.range(of: "stroke-dasharray")!.lowerBound)
    }

    @Test("equal ballots stack in columns of two, no dot over another, the result's label clear of every dot")
    func ballotStacks() throws {
        // Two dots overlap when their centres are closer than a diameter (5.2).
        for count in 1 ... 12 {
            let places = (0..<count).map { BallotDotsChart.stacked($0, at: 100, 50) }
            for i in places.indices {
                for j in places.indices where j > i {
                    let (a, b) = (places[i], places[j])
                    let apart = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
                    #expect(apart >= 2 * BallotDotsChart.radius, "\(count) ballots: dots \(i) and \(j) overlap")
                }
            }
            // At most two high, on the axis side (the axis is 6 below the middle), each above it.
            #expect(Set(places.map(\.y)).count == min(count, 2))
            #expect(places.allSatisfy { $0.y + BallotDotsChart.radius < 50 + 6 })
        }
        // By hand: 0 at the value, 1 above it, 2 and 3 a column right, 4 and 5 a column left.
        #expect(BallotDotsChart.stacked(0, at: 100, 50) == (x: 100, y: 52.5))
        #expect(BallotDotsChart.stacked(1, at: 100, 50) == (x: 100, y: 47.1))
        #expect(BallotDotsChart.stacked(2, at: 100, 50) == (x: 105.6, y: 52.5))
        #expect(BallotDotsChart.stacked(4, at: 100, 50) == (x: 94.4, y: 52.5))
        // Five ballots of the maximum, fanned both ways as 0.19.0–0.25.0 did: the label starts
        // right of the rightmost dot's edge.
        var chart = BallotDotsChart(rows: [.init(name: "评议", maximum: 4, kept: [4, 4, 4], trimmed: [4, 4], result: 4, resultLabel: "4.00")], title: "t")
        chart.fansWithin = false
        let svg = chart.rendered().markup
        let label = try #require(svg.range(of: ">4.00</text>"))
        let textStart = try #require(svg[..<label.lowerBound].range(of: "<text x=\"", options: .backwards))
        let labelX = try #require(Double(svg[textStart.upperBound...].prefix { $0 != "\"" }))
        // The maximum sits at 112 + 230 − 4 = 338; its third column is 5.6 right, 2.6 wide.
        #expect(labelX >= 338 + 5.6 + BallotDotsChart.radius + 3 - 0.01)
        var old = chart
        old.stacksApart = false
        #expect(old.rendered().markup.contains("<text x=\"346\""))
        // Thirty equal ballots at the maximum: 15 columns, 7 of them right of the value, the
        // last 7 × 5.6 = 39.2 right; its edge at 338 + 39.2 + 2.6 = 379.8, the label at 382.8,
        // four characters of about 5 points: the chart widens to 403 instead of cutting it.
        var thirty = BallotDotsChart(rows: [.init(name: "评议", maximum: 4, kept: Array(repeating: 4, count: 30), trimmed: [], result: 4, resultLabel: "4.00")],
                                     title: "t")
        thirty.fansWithin = false
        let wide = thirty.rendered().markup
        #expect(wide.contains("viewBox=\"0 0 403 ") && wide.contains("<text x=\"382.8\""))
        #expect(chart.rendered().markup.contains("viewBox=\"0 0 380 "))
    }

    /// Found by a papers trial: nine equal ballots of 0 fanned over the row's name (since 0.19.0),
    /// and a stack at the maximum past the axis; by a review: a fan inwards landed on the next
    /// value's stack, and a stack wider than the room one way fanned that way all the same.
    @Test("a row's stacks: each on its value, further columns within the scale and clear of every other column; beyond it only when there is no room")
    func stacksWithinTheScale() throws {
        // The scale 0…4 runs from 112 + 4 = 116 to 112 + 230 − 4 = 338.
        let (low, high) = (116.0, 338.0)
        // By hand: a stack's columns go 0, +1, −1, +2, … columns of 5.6, skipping places outside
        // 116…338 or within 5.2 of a column already placed.
        #expect(BallotDotsChart.columns([(116, 2)], low: low, high: high) == [[116]])
        #expect(BallotDotsChart.columns([(338, 3)], low: low, high: high) == [[338, 332.4]])
        #expect(BallotDotsChart.columns([(116, 5)], low: low, high: high).map { $0.map { ($0 * 10).rounded() / 10 } } == [[116, 121.6, 127.2]])
        #expect(BallotDotsChart.columns([(227, 5)], low: low, high: high) == [[227, 232.6, 221.4]])
        // Three 3.5s (at 310.25) and nine 4s, stack after stack: the 3.5s' second column at
        // 315.85; the 4s' go 332.4, 326.8, 321.2 (5.35 from 315.85); 315.6 and 310.0 would land on
        // the 3.5s' columns (0.25.0 put two dots on one place) and 304.4 past their value (a
        // review: a ballot of 4 drawn as about 3.4): the fifth goes beyond the maximum, 343.6.
        let two = BallotDotsChart.columns([(310.25, 3), (338, 9)], low: low, high: high).map { $0.map { ($0 * 100).rounded() / 100 } }
        #expect(two == [[310.25, 315.85], [338, 332.4, 326.8, 321.2, 343.6]])
        // Six 3.5s and fourteen 4s: the 3.5s take 315.85 and 304.65; the 4s 332.4, 326.8, 321.2,
        // then beyond: 343.6, 349.2, 354.8, 360.4. None left of 310.25.
        let twenty = BallotDotsChart.columns([(310.25, 6), (338, 14)], low: low, high: high)
        let fours: [Double] = twenty[1].map { ($0 * 100).rounded() / 100 }
        #expect(fours == [338, 332.4, 326.8, 321.2, 343.6, 349.2, 354.8])
        #expect(twenty[0].allSatisfy { $0 < 338 })
        // A stack boxed in by both neighbours with no room between: last of all, anywhere free,
        // clear of every other column.
        let boxed = BallotDotsChart.columns([(200, 1), (203, 3), (206, 1)], low: low, high: high)
        #expect(boxed[1].count == 2)
        let extra = boxed[1][1]
        #expect([200.0, 206].allSatisfy { abs($0 - extra) >= 5.2 - 0.001 })
        func apart(_ columns: [[Double]]) -> Bool {
            let all = columns.flatMap { $0 }
            return all.indices.allSatisfy { i in all.indices.allSatisfy { j in i == j || abs(all[i] - all[j]) >= 5.2 - 0.001 } }
        }
        #expect(apart(two))
        // 81 ballots, 41 columns: from either end 40 fit in the scale (116 + 39 × 5.6 = 334.4),
        // the last just beyond; from the middle 39 (227 ± 19 × 5.6), two just beyond; never as far
        // as the name's end (107) with a dot's edge.
        for (x, beyond) in [(116.0, 1), (227, 2), (338, 1)] {
            let c = BallotDotsChart.columns([(x, 81)], low: low, high: high)[0]
            #expect(c.count == 41 && apart([c]))
            #expect(c.filter { $0 < low - 0.001 || $0 > high + 0.001 }.count == beyond, "\(x): \(c)")
            #expect(c.allSatisfy { $0 - BallotDotsChart.radius > 107 })
        }
        func circles(_ markup: String) -> [Double] {
            markup.components(separatedBy: "<circle cx=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        }
        for (value, count) in [(0.0, 9), (4.0, 9), (0.0, 30), (4.0, 30), (0.5, 7)] {
            let row = BallotDotsChart.Row(name: "依法维权工作评价", maximum: 4, kept: Array(repeating: value, count: count), trimmed: [],
                                          result: value, resultLabel: "x")
            let xs = circles(BallotDotsChart(rows: [row], title: "t").rendered().markup)
            #expect(xs.count == count)
            #expect(xs.allSatisfy { $0 >= low - 0.001 && $0 <= high + 0.001 }, "\(count) × \(value): \(xs)")
            var old = BallotDotsChart(rows: [row], title: "t")
            old.fansWithin = false
            let before = circles(old.rendered().markup)
            if count >= 5 && (value == 0 || value == 4) {
                #expect(!before.allSatisfy { $0 >= low - 0.001 && $0 <= high + 0.001 }, "as 0.25.0 drew it, \(count) × \(value) passed an end")
            }
        }
        // Nine ballots of 0: as 0.25.0 drew them, the leftmost column's edge reached over the
        // name, which ends 5 left of the axis (112): 116 − 2 × 5.6 − 2.6 = 102.2.
        var nine = BallotDotsChart(rows: [.init(name: "评议", maximum: 4, kept: Array(repeating: 0, count: 9), trimmed: [], result: 0)], title: "t")
        nine.fansWithin = false
        #expect(circles(nine.rendered().markup).min() == 104.8)
        // Two kept 4s and a trimmed 4: the trimmed one on the value (its column first), not a
        // column aside, where it read as the lowest of the three (a secretary's trial).
        let three = BallotDotsChart(rows: [.init(name: "评议", maximum: 4, kept: [4, 4], trimmed: [4], result: 4)], title: "t").rendered().markup
        let hollow = try #require(three.components(separatedBy: "<circle cx=\"").dropFirst().first { $0.contains("fill=\"#fff\"") })
        #expect(hollow.hasPrefix("338\""), "\(hollow)")
    }
}
