/// When a conditional hyperparameter applies (`when: {loss: focal}`): only in trials whose
/// `parent` (a searched categorical hyperparameter) takes one of `values`.
public struct ParameterCondition: Sendable, Equatable {
    public var parent: Hyperparameter
    public var values: [ParameterValue]

    public init(parent: Hyperparameter, values: [ParameterValue]) {
        self.parent = parent
        self.values = values
    }

    /// Whether the condition holds for `parameters`.
    public func holds(for parameters: TrialParameters) -> Bool {
        parameters.value(of: parent).map(values.contains) ?? false
    }

    /// `only when loss is focal` (or `is one of a, b`), as `validate` prints it.
    public var summary: String {
        let shown = values.map(\.description)
        let text =
            shown.count == 1 ? "is \(shown[0])" : "is one of \(shown.joined(separator: ", "))"
        return "only when \(parent.rawValue) \(text)"
    }
}
