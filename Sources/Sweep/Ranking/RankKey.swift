import Trainer

/// The values a trial is ranked by.
public struct RankKey: Sendable, Equatable {
    /// The sweep's objective (``SweepSpec/objective``) as a score, higher is better
    /// (``Objective/score(_:)``), `-infinity` when undefined: the first key.
    public var objective: Double
    public var apSmall: Double
    public var ap50Small: Double
    public var ap: Double
    /// The trial's plan index: the last tie-break.
    public var index: Int

    /// A key whose objective is `apSmall` (the default objective) unless the AP-like value
    /// `objective` (maximised, undefined below 0) is given.
    public init(
        apSmall: Double, ap50Small: Double, ap: Double, index: Int, objective: Double? = nil
    ) {
        self.init(
            apSmall: apSmall, ap50Small: ap50Small, ap: ap, index: index,
            objectiveScore: Objective.default.score(objective ?? apSmall))
    }

    private init(
        apSmall: Double, ap50Small: Double, ap: Double, index: Int, objectiveScore: Double?
    ) {
        self.objective = objectiveScore ?? -.infinity
        self.apSmall = apSmall
        self.ap50Small = ap50Small
        self.ap = ap
        self.index = index
    }

    public init(metrics: DetectionMetrics, index: Int, objective: Objective = .default) {
        self.init(
            apSmall: metrics.apSmall, ap50Small: metrics.ap50Small, ap: metrics.ap, index: index,
            objectiveScore: objective.score(metrics[objective]))
    }
}
