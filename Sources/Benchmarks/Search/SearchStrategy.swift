import Sweep

/// A search strategy replayed by ``SearchBenchmark``.
public enum SearchStrategy: String, Sendable, CaseIterable, Codable {
    /// Uniform draws over the grid points not yet tried (TPE's own start-up draws).
    case random
    /// ``TPESampler`` with Optuna's defaults (independent per parameter) and the constant liar.
    case tpe
    /// ``TPESampler`` with joint kernels (`multivariate`) and the constant liar.
    case tpeMultivariate = "tpe-multivariate"
    /// ``BayesSampler`` (a Gaussian process) with the constant liar, as `method: bayes` runs.
    case bayes

    /// The sampler this method runs.
    var sampler: Proposer {
        switch self {
        case .random:
            .tpe(TPESampler(settings: TPESettings(startupTrials: .max, constantLiar: true)))
        case .tpe: .tpe(TPESampler(settings: TPESettings(constantLiar: true)))
        case .tpeMultivariate:
            .tpe(TPESampler(settings: TPESettings(multivariate: true, constantLiar: true)))
        case .bayes: .bayes(BayesSampler(settings: TPESettings(constantLiar: true)))
        }
    }

    /// One of the model-based samplers, proposing through the same call.
    enum Proposer: Sendable {
        case tpe(TPESampler)
        case bayes(BayesSampler)

        func propose(
            space: [Hyperparameter: ParameterDomain], defaults: TrialParameters,
            history: [TPEObservation], seed: UInt64, trialIndex: Int
        ) throws(TPEError) -> TrialParameters {
            switch self {
            case .tpe(let sampler):
                try sampler.propose(
                    space: space, defaults: defaults, history: history, seed: seed,
                    trialIndex: trialIndex)
            case .bayes(let sampler):
                try sampler.propose(
                    space: space, defaults: defaults, history: history, seed: seed,
                    trialIndex: trialIndex)
            }
        }
    }
}
