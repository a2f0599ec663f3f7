/// A training setting outside its bound, e.g. `epochs: must be >= 0 (got -3)`.
///
/// `key` is the config key (`lr`, `data.synthetic.image_size`, or several joined by `, ` when a
/// combination is at fault).
public struct TrainingConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String
    /// What the value must be, e.g. `must be > 0`.
    public var requirement: String

    public init(key: String, value: String, requirement: String) {
        self.key = key
        self.value = value
        self.requirement = requirement
    }

    public var description: String { "\(key): \(requirement) (got \(value))" }
}
