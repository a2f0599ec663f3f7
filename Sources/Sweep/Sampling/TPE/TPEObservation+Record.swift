import Trainer

extension TPEObservation {
    /// The objective a stored trial reached, oriented so that the model maximises it
    /// (``Objective/oriented(_:)``): `objective` (the sweep's, `ap_small` by default) of its
    /// final metrics, or of its last stored epoch when it has none (a pruned trial). The one
    /// place the model reads a trial's value.
    public static func objective(
        of record: TrialRecord, _ objective: Objective = .default
    ) -> Double? {
        record.metrics.map { objective.oriented($0[objective]) }
    }

    /// A stored trial as the model sees it. Completed: its objective. Pruned: the epoch it
    /// reached and its objective there (Optuna's treatment of pruned trials). Queued, running
    /// or interrupted: running (a liar with ``TPESettings/constantLiar``). Failed, timed out,
    /// diverged, or without a finite objective (-1 when undefined, which counts): failed.
    public init(record: TrialRecord, objective: Objective = .default) {
        let value = Self.objective(of: record, objective).flatMap { $0.isFinite ? $0 : nil }
        let state: State
        switch (record.state, value) {
        case (.completed, let value?): state = .completed(value: value)
        case (.pruned, let value?): state = .pruned(step: record.epochsReached, value: value)
        case (.queued, _), (.running, _), (.interrupted, _): state = .running
        case (.completed, nil), (.pruned, nil), (.failed, _), (.timedOut, _), (.diverged, _):
            state = .failed
        }
        self.init(parameters: record.config.parameters, state: state)
    }
}
