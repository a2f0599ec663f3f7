import Trainer

/// The median stopping rule (Golovin et al. 2017), in the form of Optuna's `MedianPruner`.
///
/// At epoch `e` with `minEpochs ≤ e < maxEpochs`, a trial stops when its best value so far (over
/// its epochs up to `e`) is strictly below the median of the other trials' values at epoch `e`,
/// and only when at least ``minimumOtherTrials`` other trials have reported epoch `e`. The median
/// of an even count is the mean of the two middle values. The last epoch decides nothing (stopping
/// there would save nothing). Undefined values (-1, NaN) count as -1, the worst.
///
/// A trial that reports the same epoch again (a retried attempt) keeps its first value and gets
/// its first decision back, so the decisions are a pure function of the report order: replaying
/// the stored epochs after a restart, in their original order, gives the same decisions.
public struct MedianStoppingRule: EarlyStopRule {
    public let minEpochs: Int
    public let maxEpochs: Int
    /// The metric the values are (the sweep's objective): how they compare, and its name in
    /// stop reasons.
    public var objective = Objective.default
    /// Fewer other trials at an epoch than this and nobody stops there.
    public let minimumOtherTrials: Int
    /// Each trial's first value per epoch.
    private var curves: [String: [Int: Double]] = [:]
    /// Each trial's decision per epoch.
    private var decisions: [String: [Int: EarlyStopDecision]] = [:]

    public init(minEpochs: Int, maxEpochs: Int, minimumOtherTrials: Int = 3) {
        precondition(minEpochs >= 1, "MedianStoppingRule: minEpochs must be >= 1, got \(minEpochs)")
        precondition(maxEpochs >= 1, "MedianStoppingRule: maxEpochs must be >= 1, got \(maxEpochs)")
        precondition(
            minimumOtherTrials >= 1,
            "MedianStoppingRule: minimumOtherTrials must be >= 1, got \(minimumOtherTrials)")
        self.minEpochs = minEpochs
        self.maxEpochs = maxEpochs
        self.minimumOtherTrials = minimumOtherTrials
    }

    public mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision {
        if let earlier = decisions[trial]?[epoch] { return earlier }
        curves[trial, default: [:]][epoch] = EarlyStopScore.normalized(value, objective)
        let decision = decide(trial: trial, epoch: epoch)
        decisions[trial, default: [:]][epoch] = decision
        return decision
    }

    private func decide(trial: String, epoch: Int) -> EarlyStopDecision {
        guard epoch >= minEpochs, epoch < maxEpochs else { return .continue }
        let others = curves.compactMap { key, curve in key == trial ? nil : curve[epoch] }
        guard others.count >= minimumOtherTrials else { return .continue }
        let sorted = others.sorted()
        let middle = sorted.count / 2
        let median =
            sorted.count.isMultiple(of: 2)
            ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        let best = curves[trial, default: [:]].filter { $0.key <= epoch }.values.max()!
        guard best < median else { return .continue }
        return .prune(
            reason: "median rule at epoch \(epoch): best \(objective.name) so far "
                + "\(EarlyStopScore.text(best, objective)) \(EarlyStopScore.worse(objective)) the median \(EarlyStopScore.text(median, objective)) "
                + "of \(others.count) other trials at that epoch")
    }
}
