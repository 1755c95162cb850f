/// The texts of `kaimen generate` that are its own.
enum GenerateMessages {
    static let edges = Localized(zh: "`--edges` 要写 0 到 100 之间的整数（边界单位所占的百分比）",
                                 en: "`--edges` needs a whole number from 0 to 100 (the percentage of edge units)")
}
