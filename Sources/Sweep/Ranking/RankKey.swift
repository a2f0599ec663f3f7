import Trainer

/// The values a trial is ranked by.
public struct RankKey: Sendable, Equatable {
    /// The sweep's objective metric (``SweepSpec/objective``): the first key.
    public var objective: Double
    public var apSmall: Double
    public var ap50Small: Double
    public var ap: Double
    /// The trial's plan index: the last tie-break.
    public var index: Int

    /// A key whose objective is `apSmall` (the default objective) unless `objective` is given.
    public init(
        apSmall: Double, ap50Small: Double, ap: Double, index: Int, objective: Double? = nil
    ) {
        self.objective = objective ?? apSmall
        self.apSmall = apSmall
        self.ap50Small = ap50Small
        self.ap = ap
        self.index = index
    }

    public init(metrics: DetectionMetrics, index: Int, objective: DetectionMetric = .apSmall) {
        self.init(
            apSmall: metrics.apSmall, ap50Small: metrics.ap50Small, ap: metrics.ap, index: index,
            objective: metrics[objective])
    }
}
