import Trainer

/// The value the report, importance and advice call "the objective": the first key of the ranking
/// (``RankKey``), higher is better. The one place that reads it, so a sweep-level objective can
/// replace it here.
public enum ReportObjective {
    /// The objective's name, as in the database columns and the CSV header.
    public static let name = DetectionMetric.apSmall.name

    /// The objective of a trial with `metrics`; nil when undefined (pycocotools' -1, NaN).
    public static func value(_ metrics: DetectionMetrics, index: Int = 0) -> Double? {
        let value = RankKey(metrics: metrics, index: index).apSmall
        return Ranking.isDefined(value) ? value : nil
    }

    /// The objective of a ranked trial; nil when undefined.
    public static func value(_ ranked: RankedTrial) -> Double? {
        value(ranked.metrics, index: ranked.trial.index)
    }
}
