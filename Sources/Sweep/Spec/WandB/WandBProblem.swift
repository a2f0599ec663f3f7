/// What is wrong in a W&B sweep file, beyond the mistakes a native sweep file can make.
public enum WandBProblem: Error, Sendable, Equatable {
    /// No `metric.goal` (W&B's default is minimize) for an AP or AR metric.
    case defaultGoalMinimizesDetectionMetric
    /// `metric.target`: stopping the sweep at a value.
    case targetNotSupported
    /// A W&B distribution this layer cannot map onto a bounded domain.
    case unsupportedDistribution(reason: String)
    /// A W&B parameter key with no counterpart here (`probabilities`, nested `parameters`, …).
    case unsupportedParameterKey(reason: String)
    /// `early_terminate.type` other than `hyperband`.
    case unknownEarlyTerminateType
    /// Both `min_iter` and `max_iter`, or neither.
    case hyperbandNeedsOneOfMinMaxIter
    /// `max_iter` without `s`.
    case hyperbandMaxIterNeedsS
    /// `max_iter / eta^s` is below one iteration.
    case hyperbandBelowOneEpoch(value: String)
    /// A W&B key and the native key for the same setting (`run_cap` and `max_trials`).
    case bothSpellings(native: String)
    /// `run_cap` with `method: grid`.
    case runCapWithGrid
    /// `method: random` or `bayes` without `run_cap` (W&B would run until stopped).
    case runCapRequired
    /// No `name:` and the file's name is not a usable sweep name.
    case noName
    /// A `command:` macro that is unknown or not supported.
    case unsupportedMacro(reason: String)

    /// The human-readable sentence for this problem.
    public var message: String {
        switch self {
        case .defaultGoalMinimizesDetectionMetric:
            "W&B's default goal is minimize, but AP and AR metrics are better when higher: "
                + "write goal: maximize"
        case .targetNotSupported:
            "stopping the sweep when a trial reaches a target is not supported; remove target"
        case .unsupportedDistribution(let reason): reason
        case .unsupportedParameterKey(let reason): reason
        case .unknownEarlyTerminateType: "unknown early_terminate type (use hyperband)"
        case .hyperbandNeedsOneOfMinMaxIter: "give exactly one of min_iter or max_iter"
        case .hyperbandMaxIterNeedsS: "max_iter needs s (the number of brackets)"
        case .hyperbandBelowOneEpoch(let value):
            "max_iter / eta^s is \(value), below one epoch: lower s or raise max_iter"
        case .bothSpellings(let native): "give either this or \(native), not both"
        case .runCapWithGrid:
            "run_cap is not allowed with method grid here (the grid runs every combination)"
        case .runCapRequired:
            "methods random and bayes need run_cap here (W&B runs until stopped; a sweep here "
                + "plans a number of trials)"
        case .noName:
            "missing required key: the sweep's name in the database (W&B makes one up; here "
                + "give name: or name the file with letters, digits, '.', '_' or '-')"
        case .unsupportedMacro(let reason): reason
        }
    }
}
