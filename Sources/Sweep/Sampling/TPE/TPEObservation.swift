/// One trial of the history a ``TPESampler`` learns from: where it was and how it went.
public struct TPEObservation: Sendable, Equatable {
    /// How far a trial got, with the objective value it reached (maximised).
    public enum State: Sendable, Equatable {
        /// Finished; `value` is its objective.
        case completed(value: Double)
        /// Stopped early at `step` (e.g. epoch) with `value` as its last reported objective.
        /// Ranked below every completed trial; among pruned trials a later step ranks higher,
        /// then a higher value (as Optuna's `_split_trials` does).
        case pruned(step: Int, value: Double)
        /// Proposed, no result yet. With ``TPESettings/constantLiar`` it counts as the worst
        /// trial, so concurrent workers are steered away from it.
        case running
        /// Ended without a usable objective (crashed, timed out, diverged). Never modelled,
        /// as Optuna ignores failed trials, but never proposed again either.
        case failed
    }

    public var parameters: TrialParameters
    public var state: State

    public init(parameters: TrialParameters, state: State) {
        self.parameters = parameters
        self.state = state
    }
}
