import Foundation

extension ParameterDomain {
    /// Whether `value` is one this domain can produce: listed in `values`, inside `[min, max]`,
    /// and for `int_uniform` a whole number, for `q_log_uniform` a multiple of `q`; for `normal`
    /// and `log_normal`, inside their truncation (``normalBounds``).
    func contains(_ value: ParameterValue) -> Bool {
        switch (self, value) {
        case (.values(let values), _):
            return values.contains(value)
        case (.intUniform(let low, let high), .integer(let number)):
            return low <= number && number <= high
        case (.uniform(let low, let high), _), (.logUniform(let low, let high), _):
            return value.number.map { low <= $0 && $0 <= high } ?? false
        case (.normal, _), (.logNormal, _):
            guard let bounds = normalBounds, let number = value.number else { return false }
            return bounds.contains(number)
        case (.qLogUniform(let low, let high, let q), _):
            guard let number = value.number, low <= number, number <= high else { return false }
            let steps = number / q
            return abs(steps - steps.rounded()) <= 1e-9 * max(1, abs(steps))
        default:
            return false
        }
    }
}

extension ParameterValue {
    /// The value as a number; nil for text.
    var number: Double? {
        switch self {
        case .number(let number): number
        case .integer(let number): Double(number)
        case .text: nil
        }
    }
}
