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

extension SweepSpec {
    /// Searched hyperparameters in sampling order: unconditional ones (in declaration order),
    /// then conditional ones, so a condition's parent is always set first.
    var samplingOrder: [Hyperparameter] {
        let searched = Hyperparameter.allCases.filter { parameters[$0] != nil }
        return searched.filter { conditions[$0] == nil } + searched.filter { conditions[$0] != nil }
    }

    /// Whether `parameter` applies to a trial with `parameters` (always, unless conditional).
    public func isActive(_ parameter: Hyperparameter, in parameters: TrialParameters) -> Bool {
        conditions[parameter]?.holds(for: parameters) ?? true
    }

    /// `parameters` with every inactive conditional hyperparameter cleared.
    func clearingInactive(_ parameters: TrialParameters) -> TrialParameters {
        var cleared = parameters
        for parameter in conditions.keys where !isActive(parameter, in: parameters) {
            cleared.clear(parameter)
        }
        return cleared
    }
}
