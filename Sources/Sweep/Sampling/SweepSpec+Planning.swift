extension SweepSpec {
    /// The sampler this sweep's `method` asks for.
    public var sampler: any Sampler {
        switch method {
        case .grid: GridSampler()
        case .random: RandomSampler()
        }
    }

    /// The sweep's trials in run order (see ``GridSampler`` and ``RandomSampler`` for the order,
    /// seeds and keys).
    public func planTrials() -> [TrialConfig] {
        sampler.trials(for: self)
    }
}
