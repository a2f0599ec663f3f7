/// The knobs of ``TPESampler``; the defaults are Optuna's `TPESampler` defaults.
public struct TPESettings: Sendable, Equatable {
    /// Trials drawn at random before the model takes over (``isStartingUp(after:)``).
    public var startupTrials: Int
    /// Candidates drawn from l(x) per proposal; the one with the best l(x)/g(x) wins.
    public var eiCandidates: Int
    /// Weight of the prior kernel (uniform over the domain) in both estimators.
    public var priorWeight: Double
    /// Joint kernels over all parameters (`true`) or one estimator per parameter (`false`).
    public var multivariate: Bool
    /// Running trials count as bad with the worst value, so concurrent proposals spread out.
    public var constantLiar: Bool

    public init(
        startupTrials: Int = 10, eiCandidates: Int = 24, priorWeight: Double = 1,
        multivariate: Bool = false, constantLiar: Bool = false
    ) {
        self.startupTrials = startupTrials
        self.eiCandidates = eiCandidates
        self.priorWeight = priorWeight
        self.multivariate = multivariate
        self.constantLiar = constantLiar
    }

    /// A sweep file's `sampler:` defaults: Optuna's, but with the constant liar on, since a
    /// sweep runs trials concurrently.
    public static let sweepFileDefaults = TPESettings(constantLiar: true)

    /// The most candidates one proposal may score (`n_ei_candidates`); each costs a density
    /// evaluation over the whole history.
    public static let maximumEICandidates = 10_000

    /// Optuna's default γ: the number of "good" trials among `count`, `min(⌈0.1·count⌉, 25)`.
    public static func goodCount(of count: Int) -> Int {
        min((count + 9) / 10, 25)
    }

    /// The settings as a sweep file spells them, for `validate`.
    public var summary: String {
        "n_startup_trials \(startupTrials), n_ei_candidates \(eiCandidates), "
            + "multivariate \(multivariate), constant_liar \(constantLiar)"
    }
}
