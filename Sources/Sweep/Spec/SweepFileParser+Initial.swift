import Trainer
import Yams

extension SweepFileParser {
    /// `initial:` — configs that run first, each a mapping of every searched parameter to a
    /// value of its domain (`- {lr: 0.03, batch_size: 8, loss: ce}`). Parameters not searched
    /// take the trainer's values. With `max_trials` they count toward it. A conditional parameter
    /// is given exactly where its condition holds.
    func parseInitial(
        _ entry: SweepFileEntry, parameters: [Hyperparameter: ParameterDomain],
        conditions: [Hyperparameter: ParameterCondition], trainer: TrainingConfig, maxTrials: Int?
    ) throws(SweepFileError) -> [TrialParameters] {
        let items = try nodes.list(entry.value, entry.keyPath)
        if let maxTrials, items.count > maxTrials {
            throw nodes.error(
                .tooManyInitialConfigs(maxTrials: maxTrials), at: entry.keyNode, entry.keyPath,
                value: "\(items.count) configs")
        }
        var configs: [TrialParameters] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(entry.keyPath)[\(index)]"
            let config = try parseInitialConfig(
                item, itemPath, parameters: parameters, conditions: conditions, trainer: trainer)
            if let first = configs.firstIndex(of: config) {
                throw nodes.error(
                    .duplicateInitialConfig(first: "\(entry.keyPath)[\(first)]"), at: item,
                    itemPath)
            }
            configs.append(config)
        }
        return configs
    }

    private func parseInitialConfig(
        _ item: Node, _ itemPath: String, parameters: [Hyperparameter: ParameterDomain],
        conditions: [Hyperparameter: ParameterCondition], trainer: TrainingConfig
    ) throws(SweepFileError) -> TrialParameters {
        let entries = try nodes.mapping(item, itemPath)
        var config = TrialParameters(defaults: trainer)
        for entry in entries {
            guard
                let parameter = Self.searched(entry.key, in: parameters)
                    ?? Hyperparameter(rawValue: entry.key)
            else {
                let known = Hyperparameter.allCases.map(\.rawValue)
                throw nodes.error(
                    .unknownParameter(
                        suggestion: KeySuggestion.closest(to: entry.key, among: known)),
                    at: entry.keyNode, entry.keyPath)
            }
            guard let domain = parameters[parameter] else {
                throw nodes.error(.initialParameterNotSearched, at: entry.keyNode, entry.keyPath)
            }
            let value = try parameter.value(of: entry.value, entry.keyPath, nodes)
            guard domain.contains(value) else {
                throw nodes.error(
                    .initialValueOutsideDomain(
                        parameter: parameter.rawValue, domain: domain.description),
                    at: entry.value, entry.keyPath, value: nodes.shown(entry.value))
            }
            config.set(parameter, to: value)
        }
        for entry in entries {
            if let parameter = Self.searched(entry.key, in: parameters),
                let condition = conditions[parameter], !condition.holds(for: config)
            {
                throw nodes.error(
                    .initialParameterInactive(condition: condition.summary), at: entry.keyNode,
                    entry.keyPath)
            }
        }
        let given = Set(entries.map(\.key))
        for parameter in parameters.keys.sorted()
        where !given.contains(parameter.rawValue)
            && conditions[parameter]?.holds(for: config) ?? true
        {
            throw nodes.error(.missingKey, at: item, "\(itemPath).\(parameter.rawValue)")
        }
        return config
    }
}
