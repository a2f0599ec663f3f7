extension SearchMethod {
    /// Whether trials are proposed one at a time from the results so far (the scheduler plans
    /// them lazily, see ``SweepSpec/proposeTrial(history:)``) rather than planned up front.
    public var isModelBased: Bool {
        switch self {
        case .grid, .random: false
        case .tpe: true
        }
    }
}

extension SweepSpec {
    /// The sampler that plans this sweep up front; nil for a model-based `method`.
    public var sampler: (any Sampler)? {
        switch method {
        case .grid: GridSampler()
        case .random: RandomSampler()
        case .tpe: nil
        }
    }

    /// The trials planned up front, in run order (see ``GridSampler`` and ``RandomSampler`` for
    /// the order, seeds and keys); empty for a model-based method, whose trials are proposed
    /// while it runs.
    public func planTrials() -> [TrialConfig] {
        sampler?.trials(for: self) ?? []
    }
}
