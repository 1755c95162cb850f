/// A set of diagnostics collected over a run. Stages append and keep going; the caller
/// decides to stop when `hasErrors`.
///
/// At most ``limitPerKind`` problems of one kind (the same code and severity) are kept; the
/// others are only counted, and one closing line stands for them all ("… and 4,999,800 more
/// errors like this"), at the place of the first one left out. Five million duplicate ballots
/// then cost a count, not five million messages. ``append(_:_:_:)`` builds a message only
/// when it is kept, so a problem past the limit costs no text, suggestion or location either.
public struct Diagnostics: Sendable {
    public static let limitPerKind = 200

    struct Kind: Hashable, Sendable {
        var code: String
        var severity: Diagnostic.Severity
    }

    /// Problems counted but not listed, of one kind.
    struct Omitted: Sendable {
        var count = 0
        var location: SourceLocation?
        var path: String?
    }

    private var kept: [Diagnostic] = []
    private var keptCounts: [Kind: Int] = [:]
    private var omitted: [Kind: Omitted] = [:]
    /// The kinds with problems left out, in the order the first was met.
    private var omittedKinds: [Kind] = []

    public init() {}

    public init(_ items: some Sequence<Diagnostic>) {
        append(contentsOf: items)
    }

    /// Adds `d`: kept while its kind has fewer than ``limitPerKind``, counted after. A closing
    /// line (`omitted > 0`, from another collection) adds its count.
    public mutating func append(_ d: Diagnostic) {
        let kind = Kind(code: d.code, severity: d.severity)
        if d.omitted > 0 {
            omit(kind, count: d.omitted, location: d.location, path: d.path)
        } else if keptCounts[kind, default: 0] < Self.limitPerKind {
            keptCounts[kind, default: 0] += 1
            kept.append(d)
        } else {
            omit(kind, count: 1, location: d.location, path: d.path)
        }
    }

    /// Adds the problem `make` builds, calling it only when the problem is kept, or is the first
    /// of its kind left out (for the closing line's place).
    public mutating func append(_ code: String, _ severity: Diagnostic.Severity = .error, _ make: () -> Diagnostic) {
        let kind = Kind(code: code, severity: severity)
        if keptCounts[kind, default: 0] < Self.limitPerKind || omitted[kind] == nil {
            append(make())
        } else {
            omitted[kind]!.count += 1
        }
    }

    public mutating func append(_ code: DiagnosticCode, _ severity: Diagnostic.Severity = .error, _ make: () -> Diagnostic) {
        append(code.rawValue, severity, make)
    }

    public mutating func append(contentsOf ds: some Sequence<Diagnostic>) {
        for d in ds { append(d) }
    }

    public mutating func append(contentsOf other: Diagnostics) {
        append(contentsOf: other.items)
    }

    private mutating func omit(_ kind: Kind, count: Int, location: SourceLocation?, path: String?) {
        if omitted[kind] == nil {
            omitted[kind] = Omitted(location: location, path: path)
            omittedKinds.append(kind)
        }
        omitted[kind]!.count += count
    }

    /// The kept problems in the order they came, then one closing line per kind with problems
    /// left out.
    public var items: [Diagnostic] { kept + closingLines }

    private var closingLines: [Diagnostic] {
        omittedKinds.map { kind in
            let o = omitted[kind]!
            var d = Diagnostic(kind.severity, code: kind.code, text: InputMessages.more(o.count, code: kind.code, severity: kind.severity),
                               location: o.location, path: o.path)
            d.omitted = o.count
            return d
        }
    }

    public var hasErrors: Bool {
        kept.contains { $0.severity == .error } || omittedKinds.contains { $0.severity == .error }
    }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    /// How many errors, the ones left out included.
    public var errorCount: Int {
        kept.count { $0.severity == .error } + omittedKinds.filter { $0.severity == .error }.reduce(0) { $0 + omitted[$1]!.count }
    }

    /// Sorted by file, line and column so output reads top to bottom; the closing lines last.
    public var sorted: [Diagnostic] {
        Diagnostics.sortedByPlace(kept) + closingLines
    }

    static func sortedByPlace(_ items: [Diagnostic]) -> [Diagnostic] {
        items.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if let la, let lb {
                if la.file != lb.file { return la.file < lb.file }
                if la.line != lb.line { return la.line < lb.line }
                if la.column != lb.column { return la.column < lb.column }
            } else if (la == nil) != (lb == nil) {
                return la != nil
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
