/// Why a model-based sampler (``TPESampler``, ``BayesSampler``) cannot propose a trial; the
/// scheduler's ``SchedulerError/sampler(method:_:)`` names the method.
public enum TPEError: Error, Equatable, CustomStringConvertible {
    /// Every point of a finite search space is already in the history.
    case spaceExhausted(size: Int)
    /// A domain holds no value (an empty `values:` list, `min > max`, or no multiple of `q`).
    case emptyDomain(Hyperparameter)
    /// A log-scale domain with a bound that is not positive.
    case nonPositiveLogBound(Hyperparameter, Double)
    /// A history entry reported a NaN or infinite objective.
    case nonFiniteValue(historyIndex: Int, Double)

    public var description: String {
        switch self {
        case .spaceExhausted(let size):
            "all \(size) points of the search space were already tried"
        case .emptyDomain(let parameter):
            "\(parameter.rawValue): the domain holds no value"
        case .nonPositiveLogBound(let parameter, let bound):
            "\(parameter.rawValue): log-scale bound \(bound) must be positive"
        case .nonFiniteValue(let index, let value):
            "history entry \(index) has objective \(value); expected a finite number"
        }
    }
}
