import Trainer

extension SweepSpec {
    /// The next trial of a model-based sweep, proposed by ``TPESampler`` (or ``BayesSampler``
    /// for `method: bayes`) from every trial stored
    /// for the sweep so far (in plan order; ``TPEObservation/init(record:)`` says how each
    /// counts) and numbered after the last of them. Its key hashes sweep name + parameters +
    /// seed, like a grid point's.
    ///
    /// Deterministic: the same stored trials give the same proposal. Nil when the method plans
    /// up front, when every point of a finite space is stored, or when the proposal is a
    /// config already stored (a space too narrow to hold another point).
    public func proposeTrial(history: [TrialRecord]) throws(TPEError) -> TrialConfig? {
        guard let samplerSettings else { return nil }
        let index = (history.map(\.index).max() ?? -1) + 1
        let proposed: TrialParameters
        do throws(TPEError) {
            let observations = history.map { TPEObservation(record: $0, objective: objective) }
            let defaults = TrialParameters(defaults: trainer)
            proposed =
                method == .bayes
                ? try BayesSampler(settings: samplerSettings).propose(
                    space: parameters, conditions: conditions, defaults: defaults,
                    history: observations, seed: seed, trialIndex: index)
                : try TPESampler(settings: samplerSettings).propose(
                    space: parameters, conditions: conditions, defaults: defaults,
                    history: observations, seed: seed, trialIndex: index)
        } catch {
            if case .spaceExhausted = error { return nil }
            throw error
        }
        let key = TrialKey.make(sweep: name, parameters: proposed, seed: seed)
        guard !history.contains(where: { $0.key == key }) else { return nil }
        var training = proposed.applied(to: trainer)
        training.seed = seed
        return TrialConfig(
            index: index, key: key, parameters: proposed, seed: seed, training: training)
    }

    /// How many distinct configs a model-based sweep can propose when every searched domain is
    /// finite (a list, an integer range, quantised); nil when one is continuous. A sweep whose
    /// `max_trials` is larger ends once it has tried them all.
    public var proposalSpaceSize: Int? {
        var counts: [Hyperparameter: Int] = [:]
        for (parameter, domain) in parameters {
            guard let dimension = try? TPEDimension(parameter, domain),
                let count = dimension.finiteSize
            else { return nil }
            counts[parameter] = count
        }
        // A parent's factor is the sum, over its values, of the product of the conditional
        // parameters active at that value (conditions never chain).
        func times(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : product
        }
        var size: Int? = 1
        for (parameter, count) in counts where conditions[parameter] == nil {
            guard case .values(let values)? = parameters[parameter],
                conditions.values.contains(where: { $0.parent == parameter })
            else {
                size = times(size, count)
                continue
            }
            var factor: Int? = 0
            for value in values {
                var branch: Int? = 1
                for (child, condition) in conditions
                where condition.parent == parameter && condition.values.contains(value) {
                    branch = times(branch, counts[child])
                }
                guard let sum = factor, let branch else { return nil }
                let (total, overflow) = sum.addingReportingOverflow(branch)
                factor = overflow ? nil : total
            }
            size = times(size, factor)
        }
        return size
    }
}
