import Foundation

/// A one-line progress report on standard error for long runs (`正在评分 45%`), redrawn at
/// most ten times a second. Safe to call from the threads that do the work: its state is
/// behind a lock, and a line is written while holding it, so lines never interleave.
final class ProgressLine: Sendable {
    private struct State {
        var stage = ""
        var done = 0
        var total = 1
        var lastDraw = Date.distantPast
        var drawn = false
    }

    private let console: any Console
    private let state = Locked(State())

    init(console: any Console) { self.console = console }

    func begin(_ stage: String, total: Int) {
        state.withLock { s in
            s.stage = stage
            s.total = max(1, total)
            s.done = 0
            draw(&s, force: true)
        }
    }

    func advance(_ n: Int) {
        state.withLock { s in
            s.done += n
            draw(&s, force: false)
        }
    }

    private func draw(_ s: inout State, force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(s.lastDraw) > 0.1 else { return }
        s.lastDraw = now
        s.drawn = true
        console.err("\r\u{1B}[K\(s.stage) \(min(100, s.done * 100 / s.total))% (\(s.done)/\(s.total))")
    }

    /// How far the current stage is (for the tests: every `advance` counts, drawn or not).
    var done: Int { state.withLock { $0.done } }

    /// Clears the line.
    func finish() {
        state.withLock { s in
            if s.drawn { console.err("\r\u{1B}[K") }
        }
    }
}
