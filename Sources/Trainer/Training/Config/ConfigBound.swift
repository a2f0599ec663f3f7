/// The allowed range of one ``TrainingConfig`` number, named by its config key.
///
/// ``violation(_:)`` words a broken bound the way every reader reports it (`must be > 0`,
/// `must be <= 4096`), so sweep files, `train --config`, `train` flags and workers agree.
public struct ConfigBound: Sendable, Equatable {
    /// The snake_case key, e.g. `batch_size`.
    public let key: String
    public let minimum: Double
    /// Whether `minimum` itself is allowed (`>=`) or not (`>`).
    public let includesMinimum: Bool
    public let maximum: Double
    /// Whether `maximum` itself is allowed (`<=`) or not (`<`).
    public let includesMaximum: Bool
    /// Whether the value must be a whole number.
    public let isInteger: Bool

    init(
        _ key: String, _ minimum: Double, includesMinimum: Bool = true, _ maximum: Double,
        includesMaximum: Bool = true, isInteger: Bool = false
    ) {
        self.key = key
        self.minimum = minimum
        self.includesMinimum = includesMinimum
        self.maximum = maximum
        self.includesMaximum = includesMaximum
        self.isInteger = isInteger
    }

    /// Any finite number: what a reader checks when a key has no range of its own.
    public static let finite = ConfigBound("", -.infinity, .infinity)

    /// The requirement `value` breaks (`must be finite`, `must be > 0`, `must be <= 1024`), or
    /// `nil` when it is within the bound.
    public func violation(_ value: Double) -> String? {
        guard value.isFinite else { return "must be finite" }
        if includesMinimum ? value < minimum : value <= minimum {
            return "must be \(includesMinimum ? ">=" : ">") \(shown(minimum))"
        }
        if includesMaximum ? value > maximum : value >= maximum {
            return "must be \(includesMaximum ? "<=" : "<") \(shown(maximum))"
        }
        return nil
    }

    /// ``violation(_:)`` for a whole number.
    public func violation(_ value: Int) -> String? {
        violation(Double(value))
    }

    /// The whole range, e.g. `>= 1 and <= 1024`, for help texts.
    public var range: String {
        "\(includesMinimum ? ">=" : ">") \(shown(minimum)) and "
            + "\(includesMaximum ? "<=" : "<") \(shown(maximum))"
    }

    /// Whole bounds without a decimal point (`1`, `1000000`), others as Swift prints them.
    private func shown(_ bound: Double) -> String {
        bound.rounded() == bound && abs(bound) < 1e15 ? String(Int(bound)) : bound.description
    }
}
