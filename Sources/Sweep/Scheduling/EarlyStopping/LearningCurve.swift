/// One trial's recorded objective (`ap_small` by default; an AP or AR metric, maximised) after
/// each epoch, as a sweep stored it; the input of ``EarlyStopReplay``.
public struct LearningCurve: Sendable, Equatable {
    /// The trial's plan index.
    public var index: Int
    public var key: String
    public var parameters: TrialParameters
    /// The epochs the trial was planned to train.
    public var plannedEpochs: Int
    /// How the trial ended.
    public var state: TrialState
    /// `values[e - 1]` is the objective after epoch `e` (-1 when undefined); shorter than
    /// `plannedEpochs` when the trial diverged, failed or was stopped.
    public var values: [Double]
    /// `seconds[e - 1]` is how long epoch `e` took (empty when unknown).
    public var seconds: [Double]

    public init(
        index: Int, key: String, parameters: TrialParameters, plannedEpochs: Int,
        state: TrialState, values: [Double], seconds: [Double] = []
    ) {
        self.index = index
        self.key = key
        self.parameters = parameters
        self.plannedEpochs = plannedEpochs
        self.state = state
        self.values = values
        self.seconds = seconds
    }

    /// The trial completed all its planned epochs.
    public var isFullyTrained: Bool {
        state == .completed && values.count == plannedEpochs
    }

    /// Epoch `epoch`'s value (1-based) as the early-stopping rules read it: -1 when undefined.
    public func value(atEpoch epoch: Int) -> Double {
        EarlyStopScore.normalized(values[epoch - 1], .default)
    }

    /// The last epoch's value (-1 when undefined or when no epoch was recorded).
    public var finalValue: Double {
        EarlyStopScore.normalized(values.last ?? EarlyStopScore.undefined, .default)
    }
}
