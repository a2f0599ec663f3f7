import Foundation
import Yams

extension WandBTranslator {
    /// The most values a `q_uniform` range may expand to.
    static let maximumQuantizedValues = 1000

    /// W&B's distributions that have no bounded counterpart here, with what to write instead.
    static let unsupportedDistributions: [String: String] = [
        "q_normal": "int_uniform or values",
        "q_log_normal": "q_log_uniform_values with min, max and q",
        "inv_log_uniform": "log_uniform_values with min and max",
        "inv_log_uniform_values": "log_uniform_values with min and max",
        "beta": "uniform with min and max",
        "q_beta": "values",
    ]

    /// Each parameter in this project's spelling; returns the pair and the parameter names in
    /// file order (what `${args}` passes). A name that is not built in is a parameter of the
    /// program (``Hyperparameter/program(_:)``): W&B passes every parameter to it.
    ///
    /// A constant `epochs` (`epochs: {value: 5}`, common in W&B's examples) is each trial's
    /// length here: it becomes `trainer.epochs` (`epochs`) and still reaches the program as
    /// `{epochs}`.
    func translateParameters(
        _ entry: SweepFileEntry, notes: inout [String], epochs: inout (key: Node, value: Node)?
    ) throws(SweepFileError) -> ((Node, Node), [String]) {
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        var pairs: [(Node, Node)] = []
        for parameter in entries {
            if parameter.key == CommandPlaceholder.epochs.rawValue,
                let value = constant(parameter)
            {
                notes.append(
                    "\(parameter.keyPath): \(nodes.shown(value)) → trainer.epochs (each trial's "
                        + "length; the program gets it as {epochs})")
                epochs = (parameter.keyNode, value)
                continue
            }
            let name = Hyperparameter(named: parameter.key)
            let (domain, note) = try translateDomain(parameter, name)
            if let note { notes.append("\(parameter.keyPath): \(note)") }
            pairs.append((parameter.keyNode, domain))
        }
        let mapping = Node.mapping(Node.Mapping(pairs, .implicit, .any, entry.value.mark))
        return ((entry.keyNode, mapping), entries.map(\.key))
    }

    /// The value of a constant parameter (`value:` alone, or with `distribution: constant`).
    private func constant(_ parameter: SweepFileEntry) -> Node? {
        let byKey = Dictionary(
            Self.pairs(parameter.value).compactMap { pair in pair.0.string.map { ($0, pair.1) } },
            uniquingKeysWith: { first, _ in first })
        guard let value = byKey["value"], byKey["values"] == nil,
            byKey["distribution"].map({ $0.string == "constant" }) ?? true
        else { return nil }
        return value
    }

    /// One parameter's domain: W&B's distribution names mapped onto ours, the distribution
    /// inferred where W&B infers it; the note says how it was read (nil when as written).
    private func translateDomain(
        _ parameter: SweepFileEntry, _ name: Hyperparameter
    ) throws(SweepFileError) -> (Node, String?) {
        let entries = try nodes.mapping(parameter.value, parameter.keyPath)
        let byKey = Dictionary(
            entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let kind = try byKey["distribution"].map { entry throws(SweepFileError) in
            try nodes.text(entry.value, entry.keyPath)
        }
        if let kind, let instead = Self.unsupportedDistributions[kind],
            let distribution = byKey["distribution"]
        {
            throw nodes.error(
                .wandb(
                    .unsupportedDistribution(
                        reason: "\(kind) is not supported: every parameter here has bounds; "
                            + "write \(instead)")),
                at: distribution.value, distribution.keyPath, value: kind)
        }
        for key in ["probabilities", "parameters", "a", "b"] {
            if let entry = byKey[key] {
                let reason =
                    key == "probabilities"
                    ? "weighted values are not supported; values are drawn uniformly here"
                    : key == "parameters"
                        ? "nested parameters are not supported"
                        : "\(key) belongs to a distribution not supported here"
                throw nodes.error(
                    .wandb(.unsupportedParameterKey(reason: reason)), at: entry.keyNode,
                    entry.keyPath)
            }
        }
        guard let distribution = byKey["distribution"], let kind else {
            return try inferred(parameter, byKey)
        }
        switch kind {
        case "log_uniform_values", "q_log_uniform_values":
            let ours = kind == "log_uniform_values" ? "log_uniform" : "q_log_uniform"
            return (
                replacing(parameter, "distribution", with: scalar(ours, at: distribution.value)),
                "\(kind) → \(ours)"
            )
        case "log_uniform", "q_log_uniform":
            return try exponents(parameter, byKey, kind: kind)
        case "q_uniform":
            return try quantizedUniform(parameter, byKey, name)
        case "normal", "log_normal":
            return gaussianDefaults(parameter, byKey, kind: kind)
        default:
            return (parameter.value, nil)
        }
    }

    /// No `distribution:`: W&B reads `values` as categorical, `value` as constant, integer
    /// bounds as int_uniform and other bounds as uniform.
    private func inferred(
        _ parameter: SweepFileEntry, _ byKey: [String: SweepFileEntry]
    ) throws(SweepFileError) -> (Node, String?) {
        guard let low = byKey["min"], let high = byKey["max"], byKey["values"] == nil,
            byKey["value"] == nil
        else { return (parameter.value, nil) }
        let integers = [low, high].allSatisfy { Int($0.value.string ?? "") != nil }
        let kind = integers ? "int_uniform" : "uniform"
        var pairs = Self.pairs(parameter.value)
        pairs.append((scalar("distribution", at: low.keyNode), scalar(kind, at: low.keyNode)))
        return (
            .mapping(Node.Mapping(pairs, .implicit, .any, parameter.value.mark)),
            "min and max without a distribution → \(kind) (as W&B infers it)"
        )
    }

    /// W&B's `log_uniform`: min and max are natural-log exponents; ours takes the values.
    private func exponents(
        _ parameter: SweepFileEntry, _ byKey: [String: SweepFileEntry], kind: String
    ) throws(SweepFileError) -> (Node, String?) {
        var node = parameter.value
        var bounds: [String] = []
        for key in ["min", "max"] {
            guard let entry = byKey[key] else {
                throw nodes.error(.missingKey, at: parameter.keyNode, "\(parameter.keyPath).\(key)")
            }
            let exponent = try nodes.number(entry.value, entry.keyPath)
            let value = exp(exponent)
            let text = Self.shortest(value)
            bounds.append("e^\(nodes.shown(entry.value)) = \(text)")
            node = replacing(node, key, with: scalar(text, at: entry.value))
        }
        let ours = kind == "log_uniform" ? "log_uniform" : "q_log_uniform"
        return (
            node,
            "\(kind): min and max are natural-log exponents (W&B's meaning) → \(ours) from "
                + bounds.joined(separator: " to ")
        )
    }

    /// W&B's `q_uniform` (uniform, rounded to a multiple of q) → the `values` list of those
    /// multiples, drawn uniformly.
    private func quantizedUniform(
        _ parameter: SweepFileEntry, _ byKey: [String: SweepFileEntry], _ name: Hyperparameter
    ) throws(SweepFileError) -> (Node, String?) {
        var numbers: [Double] = []
        for key in ["min", "max", "q"] {
            guard let entry = byKey[key] else {
                throw nodes.error(.missingKey, at: parameter.keyNode, "\(parameter.keyPath).\(key)")
            }
            numbers.append(try nodes.number(entry.value, entry.keyPath))
        }
        let (low, high, q) = (numbers[0], numbers[1], numbers[2])
        guard let qEntry = byKey["q"], q > 0 else {
            throw nodes.error(
                .outOfRange(requirement: "must be > 0"), at: byKey["q"]?.value,
                "\(parameter.keyPath).q", value: Self.shortest(q))
        }
        let first = (low / q).rounded()
        let last = (high / q).rounded()
        guard first <= last, last - first < Double(Self.maximumQuantizedValues) else {
            throw nodes.error(
                .outOfRange(
                    requirement: "must give 1 to \(Self.maximumQuantizedValues) multiples of q "
                        + "between min and max"),
                at: qEntry.value, qEntry.keyPath, value: nodes.shown(qEntry.value))
        }
        let values = (0...Int(last - first)).map { Self.shortest((first + Double($0)) * q) }
        let at = byKey["distribution"]?.value ?? parameter.value
        let list = Node.sequence(
            Node.Sequence(values.map { scalar($0, at: at) }, .implicit, .flow, at.mark))
        var pairs: [(Node, Node)] = [(scalar("values", at: at), list)]
        if let when = byKey["when"] { pairs.append((when.keyNode, when.value)) }
        let shown =
            values.count > 6
            ? values.prefix(5).joined(separator: ", ") + ", …" : values.joined(separator: ", ")
        return (
            .mapping(Node.Mapping(pairs, .implicit, .any, parameter.value.mark)),
            "q_uniform → values [\(shown)] (\(values.count) multiples of q, drawn uniformly)"
        )
    }

    /// `normal` and `log_normal` as they are, with W&B's defaults for a missing `mu` (0) and
    /// `sigma` (1); the note says they are truncated to mu ± 3 sigma here.
    private func gaussianDefaults(
        _ parameter: SweepFileEntry, _ byKey: [String: SweepFileEntry], kind: String
    ) -> (Node, String?) {
        var pairs = Self.pairs(parameter.value)
        var defaults: [String] = []
        let at = byKey["distribution"]?.value ?? parameter.value
        for (key, value) in [("mu", "0"), ("sigma", "1")] where byKey[key] == nil {
            pairs.append((scalar(key, at: at), scalar(value, at: at)))
            defaults.append("\(key) \(value)")
        }
        let given =
            defaults.isEmpty ? "" : " (W&B's default " + defaults.joined(separator: ", ") + ")"
        return (
            .mapping(Node.Mapping(pairs, .implicit, .any, parameter.value.mark)),
            "\(kind)\(given) → \(kind), truncated to mu ± 3 sigma (every parameter here has bounds)"
        )
    }

    /// `mapping` with `key`'s value replaced by `value`.
    private func replacing(_ parameter: SweepFileEntry, _ key: String, with value: Node) -> Node {
        replacing(parameter.value, key, with: value)
    }

    private func replacing(_ mapping: Node, _ key: String, with value: Node) -> Node {
        let pairs = Self.pairs(mapping).map { pair in
            pair.0.string == key ? (pair.0, value) : pair
        }
        return .mapping(Node.Mapping(pairs, .implicit, .any, mapping.mark))
    }

    /// The key-value pairs of a mapping node (none for another node).
    static func pairs(_ node: Node) -> [(Node, Node)] {
        node.mapping.map { mapping in mapping.map { ($0.key, $0.value) } } ?? []
    }

    /// `value` in the fewest digits that read back as it (12 significant at most), whole
    /// numbers without a fraction.
    static func shortest(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(Double(String(format: "%.12g", value)) ?? value)
    }
}
