extension SweepSpec {
    /// Searched hyperparameters in sampling order: unconditional ones (in declaration order),
    /// then conditional ones, so a condition's parent is always set first.
    var samplingOrder: [Hyperparameter] {
        let searched = parameters.keys.sorted()
        return searched.filter { conditions[$0] == nil } + searched.filter { conditions[$0] != nil }
    }

    /// Whether `parameter` applies to a trial with `parameters` (always, unless conditional).
    public func isActive(_ parameter: Hyperparameter, in parameters: TrialParameters) -> Bool {
        conditions[parameter]?.holds(for: parameters) ?? true
    }
}
