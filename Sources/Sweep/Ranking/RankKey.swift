import Trainer

/// The values a trial is ranked by.
public struct RankKey: Sendable, Equatable {
    public var apSmall: Double
    public var ap50Small: Double
    public var ap: Double
    /// The trial's plan index: the last tie-break.
    public var index: Int

    public init(apSmall: Double, ap50Small: Double, ap: Double, index: Int) {
        self.apSmall = apSmall
        self.ap50Small = ap50Small
        self.ap = ap
        self.index = index
    }

    public init(metrics: DetectionMetrics, index: Int) {
        self.init(
            apSmall: metrics.apSmall, ap50Small: metrics.ap50Small, ap: metrics.ap, index: index)
    }
}
