import Foundation
import Trainer

/// Gaussian-process Bayesian optimisation: proposes the next trial from the history so far,
/// following Optuna's `GPSampler`. The objective is maximised.
///
/// Until ``TPESettings/startupTrials`` trials have been proposed
/// (``TPESettings/isStartingUp(after:)``), a proposal is a uniform draw. Then the observed objectives are standardised (zero
/// mean, unit variance), a ``GaussianProcess`` with a Matérn-5/2 ARD kernel over the unit cube
/// (``BayesEncoding``) is fitted to them (``GPHyperparameters``), and the point with the
/// largest log expected improvement over the best observed value
/// (``LogExpectedImprovement``) is proposed (``BayesAcquisition`` says where it looks).
///
/// Completed trials count with their objective; pruned trials with their last reported one
/// (Optuna's `GPSampler` ignores pruned trials; a pruned trial's low early value keeps the
/// search away from it instead). Running trials: with ``TPESettings/constantLiar`` each
/// enters the process, after the fit, at the worst observed value, so concurrent workers are
/// steered apart; without it they are ignored, as Optuna's `GPSampler` does. Failed trials
/// are not modelled. A point already in the history is never proposed in a finite space.
/// Deterministic: the same seed and history give the same proposal.
public struct BayesSampler: Sendable {
    /// Uses ``TPESettings/startupTrials`` and ``TPESettings/constantLiar``.
    public var settings: TPESettings

    public init(settings: TPESettings = TPESettings()) {
        self.settings = settings
    }

    /// The next trial's parameters; hyperparameters not in `space` keep `defaults`' values, and
    /// conditional ones whose condition fails are left unset.
    public func propose(
        space: [Hyperparameter: ParameterDomain],
        conditions: [Hyperparameter: ParameterCondition] = [:], defaults: TrialParameters,
        history: [TPEObservation], seed: UInt64, trialIndex: Int
    ) throws(TPEError) -> TrialParameters {
        try TPEObservation.requireFiniteValues(history)
        var observed: [(point: [Double], value: Double)] = []
        var running: [[Double]] = []
        let search = try TPESearch(
            space: space, conditions: conditions, defaults: defaults, history: history)
        let encoding = BayesEncoding(dimensions: search.dimensions)
        for observation in history {
            switch observation.state {
            case .completed(let value), .pruned(_, let value):
                if let point = search.encode(observation.parameters) {
                    observed.append((encoding.unit(point), value))
                }
            case .running:
                if let point = search.encode(observation.parameters) {
                    running.append(encoding.unit(point))
                }
            case .failed: break
            }
        }
        var generator = SplitMix64(seed: seed, stream: UInt64(trialIndex))
        guard !settings.isStartingUp(after: history), !observed.isEmpty,
            let model = Self.model(
                observed: observed, liars: settings.constantLiar ? running : [],
                categorical: encoding.categorical)
        else {
            return try search.randomUnseen(&generator)
        }
        let acquisition = BayesAcquisition(search: search, encoding: encoding)
        return try acquisition.best(
            process: model.process, threshold: model.threshold, &generator)
    }

    /// The process fitted to the standardised observations, then conditioned on `liars` at the
    /// worst standardised value; and the best standardised value, the EI threshold.
    static func model(
        observed: [(point: [Double], value: Double)], liars: [[Double]], categorical: [Bool]
    ) -> (process: GaussianProcess, threshold: Double)? {
        let values = observed.map(\.value)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let deviation = max(variance.squareRoot(), 1e-10)
        let standardized = values.map { ($0 - mean) / deviation }
        let points = observed.map(\.point)
        guard
            let fitted = GPHyperparameters.fit(
                points: points, values: standardized, categorical: categorical)
        else { return nil }
        let threshold = standardized.max() ?? 0
        guard !liars.isEmpty else { return (fitted, threshold) }
        let worst = standardized.min() ?? 0
        guard
            let conditioned = GaussianProcess(
                kernel: fitted.kernel, noise: fitted.noise, points: points + liars,
                values: standardized + liars.map { _ in worst })
        else { return (fitted, threshold) }
        return (conditioned, threshold)
    }
}
