import Trainer

extension DetectionMetric {
    /// This metric of `metrics` as an objective value (higher is better); nil when undefined
    /// (pycocotools' -1, NaN), so reports and fits leave the trial out.
    public func objectiveValue(_ metrics: DetectionMetrics) -> Double? {
        let value = metrics[self]
        return Ranking.isDefined(value) ? value : nil
    }
}
