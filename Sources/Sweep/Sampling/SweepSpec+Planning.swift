extension SearchMethod {
    /// Whether trials are proposed one at a time from the results so far (the scheduler plans
    /// them lazily, see ``SweepSpec/proposeTrial(history:)``) rather than planned up front.
    public var isModelBased: Bool {
        switch self {
        case .grid, .random: false
        case .tpe, .bayes: true
        }
    }
}

extension SweepSpec {
    /// The sampler that plans this sweep up front; nil for a model-based `method`.
    public var sampler: (any Sampler)? {
        switch method {
        case .grid: GridSampler()
        case .random: RandomSampler()
        case .tpe, .bayes: nil
        }
    }

    /// The trials planned up front, in run order: the `initial` configs first (keyed like grid
    /// points: sweep name + parameters + seed), then the sampler's trials (see ``GridSampler``
    /// and ``RandomSampler`` for their order, seeds and keys) without the grid points already
    /// given as initial configs, renumbered after them; random search keeps `max_trials` in
    /// all. A model-based method plans only the initial configs; it proposes the rest while it
    /// runs.
    public func planTrials() -> [TrialConfig] {
        let first = initialTrials()
        let firstKeys = Set(first.map(\.key))
        var rest = (sampler?.trials(for: self) ?? []).filter { !firstKeys.contains($0.key) }
        if method == .random {
            rest = Array(rest.prefix(max(0, (maxTrials ?? 0) - first.count)))
        }
        return first
            + rest.enumerated().map { offset, trial in
                var renumbered = trial
                renumbered.index = first.count + offset
                return renumbered
            }
    }

    /// The `initial` configs as trials 0, 1, … in the order given.
    func initialTrials() -> [TrialConfig] {
        initial.enumerated().map { index, parameters in
            var training = parameters.applied(to: trainer)
            training.seed = seed
            return TrialConfig(
                index: index, key: TrialKey.make(sweep: name, parameters: parameters, seed: seed),
                parameters: parameters, seed: seed, training: training)
        }
    }
}
