import Foundation
import Trainer

@testable import Sweep

/// Stored trials and objective points for the report tests.
enum ReportFixtures {
    static let origin = Date(timeIntervalSince1970: 1_700_000_000)

    /// Metrics whose objective (`ap_small`) is `apSmall`; the other metrics 0.1.
    static func metrics(apSmall: Double) -> DetectionMetrics {
        DetectionMetrics { $0 == .apSmall ? apSmall : 0.1 }
    }

    /// A stored trial; `start` and `end` are seconds after ``origin``.
    static func record(
        _ index: Int, lr: Double = 0.01, weightDecay: Double = 0.0005, batchSize: Int = 16,
        loss: LossKind = .focal, apSmall: Double? = 0.2, state: TrialState = .completed,
        seconds: Double? = 10, start: Double? = nil, end: Double? = nil, error: String? = nil
    ) -> TrialRecord {
        TrialRecord(
            config: StoreFixtures.trial(
                index, lr: lr, weightDecay: weightDecay, batchSize: batchSize, loss: loss),
            state: state, startedAt: start.map { origin.addingTimeInterval($0) },
            endedAt: end.map { origin.addingTimeInterval($0) }, epochsReached: 3, error: error,
            metrics: apSmall.map { metrics(apSmall: $0) }, metricsSource: .final,
            seconds: seconds)
    }

    /// An objective point of a completed trial.
    static func point(
        _ trial: Int, lr: Double = 0.01, batchSize: Int = 16, loss: LossKind = .focal,
        objective: Double, seconds: Double? = 10, state: TrialState = .completed
    ) -> ObjectivePoint {
        ObjectivePoint(
            trial: trial,
            parameters: TrialParameters(
                lr: lr, weightDecay: 0.0005, batchSize: batchSize, loss: loss),
            objective: objective, seconds: seconds, state: state)
    }
}
