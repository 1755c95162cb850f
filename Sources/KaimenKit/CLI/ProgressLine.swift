import Foundation

/// A one-line progress report on standard error for long runs (`正在评分 45%`), redrawn at
/// most ten times a second. Safe to call from the threads that do the work.
final class ProgressLine: @unchecked Sendable {
    private let console: Console
    private let lock = NSLock()
    private var stage = ""
    private var done = 0
    private var total = 1
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(console: Console) { self.console = console }

    func begin(_ stage: String, total: Int) {
        lock.lock()
        self.stage = stage
        self.total = max(1, total)
        done = 0
        lock.unlock()
        draw(force: true)
    }

    func advance(_ n: Int) {
        lock.lock()
        done += n
        lock.unlock()
        draw(force: false)
    }

    private func draw(force: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        console.err("\r\u{1B}[K\(stage) \(min(100, done * 100 / total))% (\(done)/\(total))")
    }

    /// Clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { console.err("\r\u{1B}[K") }
    }
}
