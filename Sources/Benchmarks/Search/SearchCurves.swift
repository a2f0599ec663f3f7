import Sweep

/// A stored full grid with its per-epoch `ap_small`: the input of ``SearchEarlyStopBenchmark``.
/// The search space is the distinct values of `lr`, `weight_decay`, `batch_size` and `loss`
/// among its trials (each a `values:` list, in plan order of first appearance), as for
/// ``SearchTable``.
public struct SearchCurves: Sendable {
    public let sweep: String
    public let space: [Hyperparameter: ParameterDomain]
    public let curves: [TrialParameters: LearningCurve]
    /// The best final `ap_small` of a trial trained to its last epoch.
    public let best: Double
    /// Epochs the full grid trained, over all its trials.
    public let fullTrialEpochs: Int
    /// The trials' planned epochs (ASHA's `max_t`).
    public let epochs: Int

    /// `curves`: the grid's trials, which must all have ended, none pruned.
    public init(sweep: String, curves: [LearningCurve]) throws(ASHABenchmarkError) {
        guard !curves.isEmpty else { throw .noTrials(sweep: sweep) }
        let unfinished = curves.filter { !$0.state.isFinal }.count
        guard unfinished == 0 else { throw .unfinished(sweep: sweep, count: unfinished) }
        let pruned = curves.filter { $0.state == .pruned }.count
        guard pruned == 0 else { throw .earlyStopped(sweep: sweep, pruned: pruned) }
        guard let best = curves.filter(\.isFullyTrained).map(\.finalValue).max() else {
            throw .noCompletedTrial(sweep: sweep)
        }
        var distinct: [Hyperparameter: [ParameterValue]] = [:]
        for curve in curves.sorted(by: { $0.index < $1.index }) {
            for parameter in Hyperparameter.allCases {
                guard let value = curve.parameters.value(of: parameter) else { continue }
                if !distinct[parameter, default: []].contains(value) {
                    distinct[parameter, default: []].append(value)
                }
            }
        }
        self.sweep = sweep
        space = distinct.mapValues { .values($0) }
        self.curves = Dictionary(
            curves.map { ($0.parameters, $0) }, uniquingKeysWith: { first, _ in first })
        self.best = best
        fullTrialEpochs = curves.reduce(0) { $0 + $1.values.count }
        epochs = curves.map(\.plannedEpochs).max() ?? 0
    }
}
