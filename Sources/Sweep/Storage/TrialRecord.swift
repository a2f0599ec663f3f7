import Foundation
import Trainer

/// Everything stored about one trial, as the read-side queries return it.
public struct TrialRecord: Sendable, Equatable {
    /// Where ``TrialRecord/metrics`` came from.
    public enum MetricsSource: Sendable, Equatable {
        /// The worker's final result (`final_metric`).
        case final
        /// The last stored epoch (`epoch_metric`), for trials without a final result, such as
        /// trials pruned before they reported one.
        case epoch(Int)
    }

    /// The planned trial: plan index, key, parameters, seed and full training config.
    public var config: TrialConfig
    public var state: TrialState
    public var attempts: Int
    /// The worker process running it, while `running`.
    public var workerPID: Int32?
    public var startedAt: Date?
    public var endedAt: Date?
    public var epochsReached: Int
    /// The last error (failed, timed-out, retried trials) or divergence reason.
    public var error: String?
    /// Final metrics, or the last epoch's when there is no final result; nil when never evaluated.
    public var metrics: DetectionMetrics?
    public var metricsSource: MetricsSource?
    /// Training seconds: the final result's, else the sum of the stored epochs'.
    public var seconds: Double?
    public var imagesPerSecond: Double?

    public init(
        config: TrialConfig, state: TrialState, attempts: Int = 0, workerPID: Int32? = nil,
        startedAt: Date? = nil, endedAt: Date? = nil, epochsReached: Int = 0,
        error: String? = nil, metrics: DetectionMetrics? = nil,
        metricsSource: MetricsSource? = nil, seconds: Double? = nil,
        imagesPerSecond: Double? = nil
    ) {
        self.config = config
        self.state = state
        self.attempts = attempts
        self.workerPID = workerPID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.epochsReached = epochsReached
        self.error = error
        self.metrics = metrics
        self.metricsSource = metricsSource
        self.seconds = seconds
        self.imagesPerSecond = imagesPerSecond
    }

    /// The plan index (the "trial" number users see).
    public var index: Int { config.index }
    public var key: String { config.key }
}
