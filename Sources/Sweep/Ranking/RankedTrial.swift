import Trainer

/// A trial in the ranking: its 1-based place, the stored trial, and the metrics it was ranked by.
public struct RankedTrial: Sendable, Equatable {
    /// 1 is the best trial.
    public var rank: Int
    public var trial: TrialRecord
    /// The metrics the trial was ranked by: final ones, or the last epoch's for pruned trials
    /// without a final result.
    public var metrics: DetectionMetrics

    public init(rank: Int, trial: TrialRecord, metrics: DetectionMetrics) {
        self.rank = rank
        self.trial = trial
        self.metrics = metrics
    }

    /// Whether the trial was stopped early by the early-stopping rule (shown marked "pruned").
    public var isPruned: Bool { trial.state == .pruned }
}
