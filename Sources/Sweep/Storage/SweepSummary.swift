import Foundation
import Trainer

/// One sweep as `sweep-cli list` and `status` show it: trial counts per state and the best trial.
public struct SweepSummary: Sendable, Equatable {
    public var name: String
    public var createdAt: Date
    /// Number of trials per state; states without trials are absent.
    public var counts: [TrialState: Int]
    /// The top-ranked trial (see ``Ranking``), nil while none has metrics.
    public var best: RankedTrial?
    /// The metric `best` was ranked by first (the sweep file's `objective:`).
    public var objective: Objective

    public init(
        name: String, createdAt: Date, counts: [TrialState: Int], best: RankedTrial? = nil,
        objective: Objective = .default
    ) {
        self.name = name
        self.createdAt = createdAt
        self.counts = counts
        self.best = best
        self.objective = objective
    }

    /// All trials of the sweep.
    public var total: Int { counts.values.reduce(0, +) }

    /// Trials of `state` (0 when none).
    public func count(_ state: TrialState) -> Int { counts[state] ?? 0 }
}
