import Trainer

/// Asynchronous successive halving (Li et al. 2018), as Ray Tune's `ASHAScheduler` with
/// `grace_period = minEpochs`, `reduction_factor = reductionFactor` and `max_t = maxEpochs`.
///
/// Rungs sit at epochs `minEpochs · η^k` strictly below `maxEpochs` (a decision at the last epoch
/// would save nothing). When a trial reports a rung epoch, its value joins the values recorded at
/// that rung so far, itself included; with `n` values there:
/// - `n < η`: the trial continues (too few results to cut);
/// - otherwise the cut is the `⌊n / η⌋`-th highest value, and the trial continues when its value is
///   at least the cut (ties with the cut continue, so more than `⌊n / η⌋` may go on).
///
/// Reports at other epochs decide nothing. Undefined values (-1, NaN) count as the worst. A trial
/// that reports the same rung again (a retried attempt) keeps its first value and gets its first
/// decision back, so the decisions are a pure function of the report order: replaying the stored
/// epochs after a restart, in their original order, gives the same decisions.
public struct ASHARule: EarlyStopRule {
    public let minEpochs: Int
    public let reductionFactor: Int
    public let maxEpochs: Int
    /// The rung epochs, ascending.
    public let rungs: [Int]
    /// The metric the values are (the sweep's objective): how they compare, and its name in
    /// stop reasons.
    public var objective = Objective.default
    /// Per rung epoch: each trial's first value there.
    private var values: [Int: [String: Double]] = [:]
    /// Per rung epoch: each trial's decision there.
    private var decisions: [Int: [String: EarlyStopDecision]] = [:]

    public init(minEpochs: Int, reductionFactor: Int, maxEpochs: Int) {
        precondition(minEpochs >= 1, "ASHARule: minEpochs must be at least 1, got \(minEpochs)")
        precondition(
            reductionFactor >= 2,
            "ASHARule: reductionFactor must be at least 2, got \(reductionFactor)")
        precondition(maxEpochs >= 1, "ASHARule: maxEpochs must be at least 1, got \(maxEpochs)")
        self.minEpochs = minEpochs
        self.reductionFactor = reductionFactor
        self.maxEpochs = maxEpochs
        var rungs: [Int] = []
        var epoch = minEpochs
        while epoch < maxEpochs {
            rungs.append(epoch)
            let (next, overflow) = epoch.multipliedReportingOverflow(by: reductionFactor)
            if overflow { break }
            epoch = next
        }
        self.rungs = rungs
    }

    public mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision {
        guard let rung = rungs.firstIndex(of: epoch) else { return .continue }
        if let earlier = decisions[epoch]?[trial] { return earlier }
        let score = EarlyStopScore.normalized(value, objective)
        values[epoch, default: [:]][trial] = score
        let decision = decide(score, rung: rung + 1, epoch: epoch)
        decisions[epoch, default: [:]][trial] = decision
        return decision
    }

    private func decide(_ score: Double, rung: Int, epoch: Int) -> EarlyStopDecision {
        let recorded = values[epoch, default: [:]].values.sorted(by: >)
        guard recorded.count >= reductionFactor else { return .continue }
        let kept = recorded.count / reductionFactor
        let cut = recorded[kept - 1]
        guard score < cut else { return .continue }
        return .prune(
            reason:
                "ASHA rung \(rung) (epoch \(epoch)): \(objective.name) \(EarlyStopScore.text(score, objective)) "
                + "\(EarlyStopScore.worse(objective)) the top 1/\(reductionFactor) cut \(EarlyStopScore.text(cut, objective)) "
                + "of \(recorded.count) trials")
    }
}
