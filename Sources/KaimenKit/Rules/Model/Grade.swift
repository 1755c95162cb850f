/// A grade band (优秀 / 良好 / 合格 / 不合格): the first whose `min` the rounded total reaches.
public struct Grade: Sendable, Equatable {
    public var name: String
    /// `nil` for the last grade, which catches every other total.
    public var min: Rational?
    /// At most this percentage of units may hold the grade.
    public var quotaPercent: Rational?
    public var origin: Origin
}
