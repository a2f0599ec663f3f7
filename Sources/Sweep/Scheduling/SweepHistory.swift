import Trainer

/// What earlier runs of a sweep left in the store that the scheduler needs on a restart: the
/// stored epochs of finished trials (replayed into the early-stopping rule) and the best result.
public struct SweepHistory: Sendable, Equatable {
    /// Epoch results of trials in a final state, trial by trial in plan order, epochs in order.
    public var epochs: [(trial: String, report: EpochReport)]
    /// The best ranked objective value so far.
    public var bestObjective: Double?
    /// Trials that ended `failed` or `timed_out`.
    public var failed: Int

    public init(
        epochs: [(trial: String, report: EpochReport)] = [], bestObjective: Double? = nil,
        failed: Int = 0
    ) {
        self.epochs = epochs
        self.bestObjective = bestObjective
        self.failed = failed
    }

    public static func == (lhs: SweepHistory, rhs: SweepHistory) -> Bool {
        lhs.bestObjective == rhs.bestObjective && lhs.failed == rhs.failed
            && lhs.epochs.map(\.trial) == rhs.epochs.map(\.trial)
            && lhs.epochs.map(\.report) == rhs.epochs.map(\.report)
    }

    /// Reads the history of the sweep `name`, ranked by `objective`; empty when the sweep is not
    /// stored yet.
    public static func load(
        from store: SQLiteTrialStore, sweep name: String, objective: Objective = .default
    ) throws(StoreError) -> SweepHistory {
        guard try store.sweepNames().contains(name) else { return SweepHistory() }
        let trials = try store.trials(sweep: name)
        var epochs: [(trial: String, report: EpochReport)] = []
        for trial in trials where trial.state.isFinal {
            for report in try store.epochReports(key: trial.key) {
                epochs.append((trial.key, report))
            }
        }
        let best = Ranking.rank(trials, objective: objective).first.flatMap {
            objective.objectiveValue($0.metrics)
        }
        let failed = trials.filter { $0.state == .failed || $0.state == .timedOut }.count
        return SweepHistory(
            epochs: epochs, bestObjective: best,
            failed: failed)
    }
}
