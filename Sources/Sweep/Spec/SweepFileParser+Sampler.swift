import Yams

extension SweepFileParser {
    static let samplerKeys = [
        "n_startup_trials", "multivariate", "constant_liar", "n_ei_candidates",
    ]
    /// The `sampler:` keys `method: bayes` takes.
    static let bayesSamplerKeys = ["n_startup_trials", "constant_liar"]

    /// `sampler: {n_startup_trials: 10, multivariate: false, constant_liar: true,
    /// n_ei_candidates: 24}` for a model-based method (every key optional, defaults
    /// ``TPESettings/sweepFileDefaults``; `bayes` takes only ``bayesSamplerKeys``); nil for
    /// grid and random, which take no `sampler:`.
    func parseSampler(
        _ entry: SweepFileEntry?, method: SearchMethod
    ) throws(SweepFileError) -> TPESettings? {
        guard method.isModelBased else {
            if let entry {
                throw nodes.error(
                    .samplerNotAllowed(method: method.rawValue), at: entry.keyNode, entry.keyPath)
            }
            return nil
        }
        var settings = TPESettings.sweepFileDefaults
        guard let entry else { return settings }
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        try nodes.requireKnownKeys(entries, allowed: Self.samplerKeys) {
            .unknownSamplerKey(suggestion: $0)
        }
        for item in entries {
            if method == .bayes, !Self.bayesSamplerKeys.contains(item.key) {
                throw nodes.error(
                    .samplerKeyNotForMethod(key: item.key, method: method.rawValue),
                    at: item.keyNode, item.keyPath)
            }
            switch item.key {
            case "n_startup_trials":
                settings.startupTrials = try between(0, SweepLimits.maximumTrials, item)
            case "n_ei_candidates":
                settings.eiCandidates = try between(1, TPESettings.maximumEICandidates, item)
            case "multivariate":
                settings.multivariate = try nodes.boolean(item.value, item.keyPath)
            default:
                settings.constantLiar = try nodes.boolean(item.value, item.keyPath)
            }
        }
        return settings
    }

    /// An integer in `minimum...maximum`.
    private func between(
        _ minimum: Int, _ maximum: Int, _ entry: SweepFileEntry
    ) throws(SweepFileError) -> Int {
        let value = try nodes.atLeast(minimum, entry)
        guard value <= maximum else {
            throw nodes.error(
                .outOfRange(requirement: "must be <= \(maximum)"), at: entry.value,
                entry.keyPath, value: nodes.shown(entry.value))
        }
        return value
    }
}
