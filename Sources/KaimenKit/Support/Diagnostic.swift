/// One problem found in the input, written for the person who has to fix it.
///
/// Printed like a compiler: `file:line:column: error: message`, followed by the JSON path
/// (or CSV column, unit or representative id) and, where we can guess, a suggestion.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    /// A stable machine-readable kind, e.g. `unknown-key`, `duplicate-id`. Tests match on it.
    public var code: String
    /// The message in Chinese and English; `message` is its English text.
    public var text: Localized
    public var location: SourceLocation?
    /// Where in the document: a JSON path such as `standards[3].bands[1].min`, a CSV column name, …
    public var path: String?
    /// What would fix it: "did you mean `points`?", "add the column `members`", …
    public var hintText: Localized?
    /// Non-zero on the line that closes a long list: it stands for this many more problems of
    /// its kind (code and severity) that were counted but not listed (see ``Diagnostics``).
    public var omitted = 0

    /// The English message (the text tests and logs see when they choose no language).
    public var message: String {
        get { text.en }
        set { text = Localized(same: newValue) }
    }
    /// The English hint.
    public var hint: String? {
        get { hintText?.en }
        set { hintText = newValue.map { Localized(same: $0) } }
    }

    public init(_ severity: Severity = .error, code: String, message: String,
                location: SourceLocation? = nil, path: String? = nil, hint: String? = nil) {
        self.init(severity, code: code, text: Localized(same: message), location: location, path: path,
                  hint: hint.map { Localized(same: $0) })
    }

    public init(_ severity: Severity = .error, code: String, text: Localized,
                location: SourceLocation? = nil, path: String? = nil, hint: Localized? = nil) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
        self.path = path
        self.hintText = hint
    }

    public static func error(_ code: String, _ text: Localized, at location: SourceLocation? = nil,
                             path: String? = nil, hint: Localized? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, text: text, location: location, path: path, hint: hint)
    }

    public static func warning(_ code: String, _ text: Localized, at location: SourceLocation? = nil,
                               path: String? = nil, hint: Localized? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, text: text, location: location, path: path, hint: hint)
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation? = nil,
                             path: String? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, location: location, path: path, hint: hint)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation? = nil,
                               path: String? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, location: location, path: path, hint: hint)
    }

    /// `file:line:col: error: message (at path) — hint`, in English.
    public var description: String { rendered(.en) }

    /// `file:line:col: 错误：message [位置 path]；hint` in the chosen language (no path after a
    /// CSV cell's `第 2 行 B 列（unit）`, which says where already).
    public func rendered(_ language: Language) -> String {
        var s = ""
        if let location { s += language == .zh && location.cell != nil ? "\(location.rendered(language))：" : "\(location.rendered(language)): " }
        let label: String
        switch (severity, language) {
        case (.error, .zh): label = "错误"
        case (.warning, .zh): label = "警告"
        case (.note, .zh): label = "提示"
        default: label = severity.rawValue
        }
        s += language == .zh ? "\(label)：\(text.zh)" : "\(label): \(text.en)"
        // A CSV cell already names its row and column: a path would repeat it, or name the
        // field by its key (`score`) beside the column's own header. An option is called one,
        // unless the message or its hint names it already (a bracket mid-sentence read as
        // internal; `（选项 --identical）` before a hint that says to add `--identical`).
        if let path, !path.isEmpty, location?.cell == nil {
            if path.hasPrefix("--") {
                let said = (language == .zh ? text.zh : text.en) + (hintText?.text(language) ?? "")
                if !said.contains(path) { s += language == .zh ? "（选项 \(path)）" : " [option \(path)]" }
            }
            else { s += language == .zh ? " [位置 \(path)]" : " [at \(path)]" }
        }
        if let hint = hintText?.text(language), !hint.isEmpty { s += language == .zh ? "；\(hint)" : "; \(hint)" }
        // Whatever a message quotes, no control or invisible character reaches a terminal or a log.
        return Echo.shown(s)
    }
}

/// Thrown by a stage that could not produce a result; carries every problem found.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    /// How many errors, the ones counted but not listed included.
    public var errorCount: Int { diagnostics.reduce(0) { $1.severity == .error ? $0 + max(1, $1.omitted) : $0 } }
}
