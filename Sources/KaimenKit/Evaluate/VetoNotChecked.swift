/// Why a veto's condition could not be checked for a unit: the papers and warnings say which,
/// so that a committee looks for the right thing (before 0.27.0 every such veto said 缺少数据,
/// a division by zero and a value out of range too).
public enum VetoNotChecked: UInt8, Sendable, Equatable {
    /// A metric the condition reads is missing.
    case missingData
    /// The condition divides by zero (`disputes_mediated / disputes` with no disputes).
    case divisionByZero
    /// A value on the way is beyond ±9.2·10¹⁸.
    case valueTooLarge

    /// `缺少数据`, `除数为零`, `数值超出范围`.
    func text(_ lang: Language) -> String {
        switch self {
        case .missingData: lang.t("缺少数据", "data missing")
        case .divisionByZero: lang.t("除数为零", "division by zero")
        case .valueTooLarge: lang.t("数值超出范围", "a value out of range")
        }
    }
}
