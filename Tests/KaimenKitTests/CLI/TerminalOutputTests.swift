import Foundation
import Testing
@testable import KaimenKit

/// Standard output's last guard on a terminal (`Echo.terminal`): a control or bidirectional
/// character that some input path let through is shown as an escape, never given to the
/// terminal; a file or a pipe gets the bytes exactly.
@Suite("Standard output on a terminal: control and bidi characters shown escaped")
struct TerminalOutputTests {
    // Expected texts written by hand: each character replaced by the escape docs/inputs.md gives.
    @Test("C0 but line feed and tab, DEL, C1 and the bidi controls are escaped; the rest is kept")
    func escapes() {
        #expect(Echo.terminal("红\u{1B}[31m色\u{7}") == "红\\u{1B}[31m色\\u{7}")
        #expect(Echo.terminal("X01\r覆盖") == "X01\\r覆盖")
        #expect(Echo.terminal("a\u{7F}b\u{85}c\u{9B}d") == "a\\u{7F}b\\u{85}c\\u{9B}d")
        #expect(Echo.terminal("甲\u{202E}乙\u{2066}丙\u{2069}丁\u{200F}") == "甲\\u{202E}乙\\u{2066}丙\\u{2069}丁\\u{200F}")
        #expect(Echo.terminal("\u{0}") == "\\0")
        // Line feeds and tabs lay out a table; the rest of Unicode, punctuation in E2 80 xx among
        // it (— … “ ”), zero-width joiners and a BOM, is not the terminal's to act on.
        let plain = "排名\t单位\n1\tX08 恒泰——“餐饮”…\u{200D}\u{FEFF}\u{A0}é\n"
        #expect(Echo.terminal(plain) == plain)
        #expect(Echo.terminal("") == "")
    }

    @Test("a console whose standard output is a terminal filters what it is given; a file or pipe does not")
    func console() {
        let terminal = BufferConsole(outWidth: 80, outIsTerminal: true), pipe = BufferConsole()
        for c in [terminal, pipe] {
            c.out("X01 \u{1B}]0;标题\u{7}\n")
            c.err("诊断\u{1B}\n")
        }
        #expect(terminal.stdout == "X01 \\u{1B}]0;标题\\u{7}\n")
        #expect(pipe.stdout == "X01 \u{1B}]0;标题\u{7}\n")
        // Standard error is not this filter's: its messages pass `Echo.shown` as they are made.
        #expect(terminal.stderr == "诊断\u{1B}\n")
    }

    @Test("the sample's ranking reads the same on a terminal as in a pipe")
    func sampleUnchanged() {
        let terminal = BufferConsole(currentDirectory: Fixtures.packageRoot.path, outWidth: 200, outIsTerminal: true)
        let pipe = BufferConsole(currentDirectory: Fixtures.packageRoot.path, outWidth: 200)
        #expect(CLI.run([], console: terminal) == .success)
        #expect(CLI.run([], console: pipe) == .success)
        #expect(!terminal.stdout.isEmpty && terminal.stdout == pipe.stdout)
    }
}
