/// Why a ``TPESampler`` cannot propose a trial.
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
            "tpe: all \(size) points of the search space were already tried"
        case .emptyDomain(let parameter):
            "tpe: \(parameter.rawValue): the domain holds no value"
        case .nonPositiveLogBound(let parameter, let bound):
            "tpe: \(parameter.rawValue): log-scale bound \(bound) must be positive"
        case .nonFiniteValue(let index, let value):
            "tpe: history entry \(index) has objective \(value); expected a finite number"
        }
    }
}
