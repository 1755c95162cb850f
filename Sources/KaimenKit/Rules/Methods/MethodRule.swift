/// One scoring method, as one conformance written in two files: its rule here in
/// `Rules/Methods/` (its model, how a rules file writes it and what is checked beyond that,
/// how `rules show` and `kaimen generate` see it) and its kernel in `Evaluate/Kernels/` (its
/// compiled step, its arithmetic and its words for a result). The rest of kaimen reaches a
/// method through `ScoringMethod.rule` or reads only points, so a new method is a case of
/// `ScoringMethod` and these two files; the compiler asks for every requirement (see
/// docs/engine.md, "Adding a ninth method", for the few lines elsewhere).
protocol MethodRule: Sendable {
    /// The keys a standard with this method may have besides the common ones.
    static var keys: [String] { get }
    /// The keys of its nested objects (a band, a checklist item, …), each list named.
    static var nestedKeys: [(what: String, keys: [String])] { get }
    /// Its keys as `rules diff` names them in Chinese (`perUnit` → 每个计分; nested keys
    /// dotted: `ratio.zero`), and those whose change moves a threshold (reported as 调整门槛).
    static var keyWords: [String: String] { get }
    static var thresholdKeys: Set<String> { get }
    /// Reads its keys of one standard (`r`), reporting every problem through the decoder's
    /// context; `nil` when the method cannot be made.
    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod?

    /// Every metric it reads, in a stable order.
    var metricIDs: [String] { get }
    /// The ratio it reads, if any: with `maxOne`, a numerator above its denominator is an
    /// error in the data (`valueBound`).
    var ratio: Ratio? { get }
    /// What a unit's values may not exceed for the method to make sense of them (`Rules.valueBounds`);
    /// by default its ratio's numerator its denominator, where the ratio says `maxOne`.
    var valueBound: ValueBound? { get }
    /// Its keys as the rules file writes them (`rules show --format json`, `rules diff`).
    func encoded() -> [String: JSONOut]
    /// What is checked once the whole file is decoded (`s`: the standard that uses it).
    func check(_ s: Standard, label: Localized, _ v: RulesValidator)
    /// Its parameters in a few words, for `rules show`: `合同签订数/企业数 ≥0.99→3 ≥0.9→2`.
    func parameters(_ lang: Language) -> String
    /// What `kaimen generate` should know of the metrics it reads, so that generated values
    /// are valid and, at edge units, land where it decides something.
    func noteRoles(_ roles: inout MetricRoles, points: Rational)

    // Written in the kernel's file (`Evaluate/Kernels/<Name>Kernel.swift`):

    /// Its step in the compiled program. `ballotItem`: the ballot item a standard reads
    /// (`nil` on bonus and deduction items, which have no ballots of their own).
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep
    /// The values it read, in words (`nil`: each metric it reads, as entered).
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String?
    /// How its points came about, ending with what it earned (`nil`: only what it earned).
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String?
}

extension MethodRule {
    var valueBound: ValueBound? {
        guard let r = ratio, r.maxOne else { return nil }
        return ValueBound(kind: .ratio, parts: [r.numerator], limit: r.denominator)
    }
}
