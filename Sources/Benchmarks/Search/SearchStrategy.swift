import Sweep

/// A search strategy replayed by ``SearchBenchmark``.
public enum SearchStrategy: String, Sendable, CaseIterable, Codable {
    /// Uniform draws over the grid points not yet tried (TPE's own start-up draws).
    case random
    /// ``TPESampler`` with Optuna's defaults (independent per parameter) and the constant liar.
    case tpe
    /// ``TPESampler`` with joint kernels (`multivariate`) and the constant liar.
    case tpeMultivariate = "tpe-multivariate"

    /// The sampler this method runs.
    var sampler: TPESampler {
        switch self {
        case .random: TPESampler(settings: TPESettings(startupTrials: .max, constantLiar: true))
        case .tpe: TPESampler(settings: TPESettings(constantLiar: true))
        case .tpeMultivariate:
            TPESampler(settings: TPESettings(multivariate: true, constantLiar: true))
        }
    }
}
