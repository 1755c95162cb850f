import Testing
@testable import KaimenKit

@Suite("TextTable: columns line up with Chinese in them")
struct TextTableTests {
    func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    let columns = [
        TextTable.Column("单位"),
        TextTable.Column("得分", alignment: .right),
        TextTable.Column("备注"),
    ]
    let rows = [
        ["机关工会", "92.50", "ok"],
        ["Team A", "8.00", ""],
        ["研发中心第一党支部", "100.00", "很好"],
    ]

    @Test("mixed Chinese and ASCII rows align by display width")
    func alignment() {
        let table = TextTable(columns: columns, rows: rows)
        // Widths: 单位 column 18 (研发中心第一党支部), 得分 column 6 (100.00), 备注 column 4.
        let expected = [
            "单位" + spaces(16) + spaces(2) + "得分" + spaces(2) + "备注",
            String(repeating: "-", count: 18) + "  ------  ----",
            "机关工会" + spaces(10) + spaces(2) + " 92.50" + spaces(2) + "ok",
            "Team A" + spaces(12) + spaces(2) + "  8.00",
            "研发中心第一党支部" + spaces(2) + "100.00" + spaces(2) + "很好",
        ]
        #expect(table.lines() == expected)
        #expect(table.render() == expected.joined(separator: "\n") + "\n")
        // Whatever the script, every score (and the header 得分) ends at column 18 + 2 + 6 = 26,
        // and every note starts at column 26 + 2 = 28.
        let lines = table.lines()
        for (line, score) in zip([lines[0]] + lines.dropFirst(2), ["得分"] + rows.map { $0[1] }) {
            let r = line.range(of: score)!
            #expect(DisplayWidth.of(line[..<r.upperBound]) == 26, "\(line)")
        }
        for (line, note) in zip([lines[0], lines[2], lines[4]], ["备注", "ok", "很好"]) {
            #expect(DisplayWidth.of(line[..<line.range(of: note)!.lowerBound]) == 28, "\(line)")
        }
    }

    @Test("no line ends in a space, even when the last column is empty or left-aligned")
    func trailingSpaces() {
        let table = TextTable(columns: columns, rows: rows)
        for line in table.lines() {
            #expect(!line.hasSuffix(" "))
        }
    }

    @Test("a column with a maximum width truncates wider cells and headers with an ellipsis")
    func maxWidth() {
        var cols = columns
        cols[0].maxWidth = 6
        let table = TextTable(columns: cols, rows: rows)
        let lines = table.lines()
        // 研发中心… would be 9 wide; the limit leaves 研发 (4) + … (1) = 5, and Team A sets 6.
        #expect(lines[0] == "单位" + spaces(2) + spaces(2) + "  得分  备注")
        #expect(lines[1] == "------  ------  ----")
        #expect(lines[2] == "机关…" + spaces(1) + spaces(2) + " 92.50  ok")
        #expect(lines[3] == "Team A" + spaces(2) + "  8.00")
        #expect(lines[4] == "研发…" + spaces(1) + spaces(2) + "100.00  很好")
    }

    @Test("the underline character is configurable")
    func underline() {
        let table = TextTable(columns: [.init("名称"), .init("n", alignment: .right)], rows: [["甲", "1"]], underline: "─")
        #expect(table.lines() == ["名称  n", "────  ─", "甲    1"])
    }

    @Test("short rows are filled, extra cells ignored, line breaks and tabs shown as spaces")
    func raggedAndNewlines() {
        var table = TextTable(columns: [.init("a"), .init("b")])
        table.addRow(["x"])
        table.addRow(["1", "2", "3"])
        table.addRow(["多\n行", "\t"])
        // 多 行 is 5 columns wide, so column a is too.
        #expect(table.lines() == ["a      b", "-----  -", "x", "1      2", "多 行"])
    }

    /// Found by a rules author's trial: `rules show` cut `≥0.99→3` to `≥0.9…`, which reads as
    /// another threshold.
    @Test("a wrap column goes on over more lines, broken after a separator, never inside an item")
    func wrapColumn() {
        var table = TextTable(columns: [.init("id"), .init("参数", maxWidth: 12, wrap: true), .init("n", alignment: .right)])
        table.addRow(["a", "≥0.99→3 ≥0.95→2 ≥0.9→1", "3"])
        table.addRow(["b", "短", "1"])
        // `≥0.99→3 ≥0.95→2` is 15 columns: each threshold on a line of its own, the column 7 wide.
        #expect(table.lines() == ["id  参数     n",
                                  "--  -------  -",
                                  "a   ≥0.99→3  3",
                                  "    ≥0.95→2",
                                  "    ≥0.9→1",
                                  "b   短       1"], "\(table.lines())")
    }

    @Test("wrapping: after the last separator that fits, hard where none does, a closing mark kept on its line", arguments: [
        ("≥0.99→3 ≥0.95→2 ≥0.9→1", 12, ["≥0.99→3", "≥0.95→2", "≥0.9→1"]),
        ("≥0.99→3 ≥0.95→2 ≥0.9→1", 16, ["≥0.99→3 ≥0.95→2", "≥0.9→1"]),
        ("达到99%以上得3分，95%以上得2分", 16, ["达到99%以上得3分，", "95%以上得2分"]),
        // `，` where the line is full stays on it (two columns past), never begins the next.
        ("人以上得2分，5人", 12, ["人以上得2分，", "5人"]),
        // An ASCII word is never cut: whole past the width (since 0.29.4; `abcd` / `efgh` / `ij`
        // before), or broken at its `_` or `.`; Chinese text breaks anywhere.
        ("abcdefghij", 4, ["abcdefghij"]),
        ("ab_cdefg.hij", 6, ["ab_", "cdefg.", "hij"]),
        ("职工代表听取汇报", 6, ["职工代", "表听取", "汇报"]),
        ("短", 4, ["短"]),
        // After an ASCII comma or semicolon (a review), but not inside `1,234`.
        ("95%以上得3分,90%以上得2分", 16, ["95%以上得3分,", "90%以上得2分"]),
        ("满1,234人得3分", 10, ["满1,234人", "得3分"]),
    ])
    func wrap(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(DisplayWidth.wrap(text, to: width) == lines)
    }

    @Test("fitted to a width: the wrapped columns keep their floors and share the rest by what they want beyond them; a table that fits, or cannot, is unchanged")
    func fitted() {
        var t = TextTable(columns: [.init("id"), .init("参数", maxWidth: 40, wrap: true), .init("评分标准", maxWidth: 60, wrap: true)])
        // id 4 wide; 参数 20 wide, one run of 12 without a space (its floor); 评分标准 30 (15
        // characters two columns wide: its floor is its header's 8).
        t.addRow(["r.c1", "abcdefghijkl 1234 xy", String(repeating: "达", count: 15)])
        // 4 + 2 + 20 + 2 + 30 = 58, and 2 for each wrapped column's closing mark: at 62 or
        // more, nothing changes.
        #expect(t.fitted(to: 62).columns == t.columns)
        #expect(t.fitted(to: 100).lines() == t.lines())
        // At 42: 42 − 4 − 2 × 2 − 2 × 2 = 30; floors 12 + 8 = 20; the 10 beyond them shared
        // 8 : 22 (what each wants beyond its floor) → 2 and 7, rounded down: widths 14 and 15.
        let narrow = t.fitted(to: 42)
        #expect(narrow.columns.map(\.maxWidth) == [nil, 14, 15])
        #expect(narrow.lines().allSatisfy { DisplayWidth.of($0) <= 42 }, "\(narrow.lines())")
        #expect(narrow.lines().contains { $0.contains("abcdefghijkl") })  // the run is never cut
        // At 32 the room (20) is the floors': 12 and 8.
        #expect(t.fitted(to: 32).columns.map(\.maxWidth) == [nil, 12, 8])
        // Below it the table cannot fit without cutting a run: unchanged.
        #expect(t.fitted(to: 31).columns == t.columns)
        // No rows: the headers' widths only.
        let empty = TextTable(columns: [.init("id"), .init("参数", maxWidth: 40, wrap: true)])
        #expect(empty.fitted(to: 10).columns == empty.columns)
    }

    @Test("rules show in a terminal: its lines fit the terminal's width where the wrapped columns can give; to a pipe, as before")
    func rulesShowWidth() {
        let path = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        func lines(_ width: Int?) -> [String] {
            let console = BufferConsole(outWidth: width)
            _ = CLI.run(["rules", "show", path], console: console)
            return console.stdout.split(separator: "\n").map(String.init)
        }
        let piped = lines(nil)
        #expect(piped.contains { DisplayWidth.of($0) > 160 })
        let wide = lines(160)
        #expect(wide.allSatisfy { DisplayWidth.of($0) <= 160 }, "\(wide.filter { DisplayWidth.of($0) > 160 })")
        #expect(wide.count > piped.count)  // the same text over more lines
    }

    @Test("a table without columns renders nothing")
    func empty() {
        #expect(TextTable(columns: []).render() == "")
    }
}
