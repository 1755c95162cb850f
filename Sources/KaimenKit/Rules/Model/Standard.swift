/// A detailed standard (细化标准), or a bonus or deduction item: scored by one method.
public struct Standard: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case standard, bonus, deduction

        /// The rules file's collection that holds entries of this role.
        public var collection: String {
            switch self {
            case .standard: "standards"
            case .bonus: "bonuses"
            case .deduction: "deductions"
            }
        }

        /// The three collections of scored items, in the file's order.
        public static let collections = allCases.map(\.collection)
    }

    public var id: String
    public var role: Role
    /// The area; required for standards and deductions, optional for bonuses.
    public var area: String?
    public var name: String
    /// The criteria text (评分标准) exactly as printed on a score sheet.
    public var criteria: String
    /// The maximum points (for a deduction: the most it can take off).
    public var points: Rational
    public var method: ScoringMethod
    public var precondition: Precondition?
    /// What it scores when not assessable; `nil` means the file's default.
    public var notAssessable: NotAssessable?
    public var origin: Origin

    /// Every metric id this standard reads, in a stable order.
    public var metricIDs: [String] {
        var ids = method.metricIDs
        if let p = precondition { ids += p.when.metricIDs }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// A standard that cannot be assessed (a failed precondition, a zero denominator, a missing
/// metric, too few ballots) scores as this says.
public enum NotAssessable: Sendable, Equatable, CustomStringConvertible {
    case zero
    case full
    /// Left out; the rest of its area is scaled up to the area's points.
    case prorate
    case points(Rational)

    public var description: String {
        switch self {
        case .zero: "zero"
        case .full: "full"
        case .prorate: "prorate"
        case .points(let p): p.plainText()
        }
    }
}

/// When a standard can be assessed at all.
public struct Precondition: Sendable, Equatable {
    public var when: Formula
    public var note: String?
}
