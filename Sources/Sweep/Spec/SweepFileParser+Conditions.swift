import Trainer
import Yams

extension SweepFileParser {
    /// The `when:` conditions under `parameters:` (`focal_gamma: {…, when: {loss: focal}}`): each
    /// names one other searched categorical parameter, itself unconditional, and one value or a
    /// list of values it must take for the parameter to apply. With a command trainer either may
    /// be one of the program's own parameters (`momentum: {…, when: {optimizer: sgd}}`).
    func parseConditions(
        _ entry: SweepFileEntry, domains: [Hyperparameter: ParameterDomain]
    ) throws(SweepFileError) -> [Hyperparameter: ParameterCondition] {
        var whens: [(Hyperparameter, SweepFileEntry)] = []
        for parameter in try nodes.mapping(entry.value, entry.keyPath) {
            guard let name = Self.searched(parameter.key, in: domains),
                let when = try nodes.mapping(parameter.value, parameter.keyPath).first(where: {
                    $0.key == "when"
                })
            else { continue }
            whens.append((name, when))
        }
        let conditional = Set(whens.map(\.0))
        var conditions: [Hyperparameter: ParameterCondition] = [:]
        for (name, when) in whens {
            conditions[name] = try parseCondition(
                when, of: name, domains: domains, conditional: conditional)
        }
        return conditions
    }

    private func parseCondition(
        _ when: SweepFileEntry, of name: Hyperparameter,
        domains: [Hyperparameter: ParameterDomain], conditional: Set<Hyperparameter>
    ) throws(SweepFileError) -> ParameterCondition {
        let entries = try nodes.mapping(when.value, when.keyPath)
        guard entries.count == 1, let only = entries.first else {
            throw nodes.error(.conditionNotOneParameter, at: when.value, when.keyPath)
        }
        guard
            let parent = Self.searched(only.key, in: domains) ?? Hyperparameter(rawValue: only.key)
        else {
            let known = Hyperparameter.allCases.map(\.rawValue)
            throw nodes.error(
                .unknownParameter(suggestion: KeySuggestion.closest(to: only.key, among: known)),
                at: only.keyNode, only.keyPath)
        }
        guard parent != name else {
            throw nodes.error(.conditionOnItself, at: only.keyNode, only.keyPath)
        }
        guard case .values(let allowed)? = domains[parent] else {
            throw nodes.error(.conditionParentNotCategorical, at: only.keyNode, only.keyPath)
        }
        guard !conditional.contains(parent) else {
            throw nodes.error(.conditionParentConditional, at: only.keyNode, only.keyPath)
        }
        var items: [(Node, String)] = [(only.value, only.keyPath)]
        if case .sequence = only.value {
            let list = try nodes.list(only.value, only.keyPath)
            guard !list.isEmpty else {
                throw nodes.error(.emptyValues, at: only.value, only.keyPath, value: "[]")
            }
            items = list.enumerated().map { ($1, "\(only.keyPath)[\($0)]") }
        }
        var values: [ParameterValue] = []
        for (node, keyPath) in items {
            let value = try parent.value(of: node, keyPath, nodes)
            guard allowed.contains(value) else {
                throw nodes.error(
                    .conditionValueNotInParent(
                        parent: parent.rawValue,
                        values: allowed.map(\.description).joined(separator: ", ")),
                    at: node, keyPath, value: nodes.shown(node))
            }
            if !values.contains(value) { values.append(value) }
        }
        return ParameterCondition(parent: parent, values: values)
    }

    /// The searched parameter spelled `name` (a built-in or a program's own one).
    static func searched(
        _ name: String, in domains: [Hyperparameter: ParameterDomain]
    ) -> Hyperparameter? {
        domains.keys.first { $0.rawValue == name }
    }
}
