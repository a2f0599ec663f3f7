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

extension TPEObservation {
    /// Throws ``TPEError/nonFiniteValue(historyIndex:_:)`` for the first completed or pruned
    /// trial whose objective is not finite: a model cannot learn from it.
    static func requireFiniteValues(_ history: [TPEObservation]) throws(TPEError) {
        for (index, observation) in history.enumerated() {
            switch observation.state {
            case .completed(let value), .pruned(_, let value):
                guard value.isFinite else { throw .nonFiniteValue(historyIndex: index, value) }
            case .running, .failed: break
            }
        }
    }
}

extension TPESettings {
    /// Whether the proposal after `history` is still a start-up draw: fewer than
    /// ``startupTrials`` trials proposed, running ones included, failed ones not. Optuna counts
    /// finished trials only, so K concurrent workers would make K - 1 more random draws;
    /// counting proposals keeps `--jobs 4` as quick to use the model as `--jobs 1`.
    func isStartingUp(after history: [TPEObservation]) -> Bool {
        history.filter { $0.state != .failed }.count < startupTrials
    }
}
