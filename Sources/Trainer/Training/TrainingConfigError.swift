/// A hyperparameter outside its range, e.g. `lr -1 is invalid: expected a finite number > 0`.
public struct TrainingConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String
    public var expected: String

    public init(key: String, value: String, expected: String) {
        self.key = key
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(key) \(value) is invalid: expected \(expected)" }
}
