import Yams

extension WandBTranslator {
    static let metricKeys = ["name", "goal", "target"]

    /// The objective a W&B file names (`metric.name`), nil when it is not one.
    static func objectiveName(in root: Node) -> String? {
        guard !markers(in: root).isEmpty else { return nil }
        return root.mapping?["metric"]?.mapping?["name"]?.string
    }

    /// `metric: {name: ap50_small, goal: maximize}` → `objective: ap50_small`.
    func translateMetric(
        _ entry: SweepFileEntry, notes: inout [String]
    ) throws(SweepFileError) -> (Node, Node) {
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        try nodes.requireKnownKeys(entries, allowed: Self.metricKeys) {
            .unknownParameterKey(suggestion: $0)
        }
        let byKey = Dictionary(
            entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        if let target = byKey["target"] {
            throw nodes.error(.wandb(.targetNotSupported), at: target.keyNode, target.keyPath)
        }
        guard let name = byKey["name"] else {
            throw nodes.error(.missingKey, at: entry.keyNode, "metric.name")
        }
        guard let goal = byKey["goal"] else {
            throw nodes.error(
                .wandb(.minimizeNotSupported(given: false)), at: entry.keyNode, "metric.goal")
        }
        let direction = try nodes.text(goal.value, goal.keyPath)
        guard direction == "maximize" else {
            throw nodes.error(
                .wandb(.minimizeNotSupported(given: direction == "minimize")), at: goal.value,
                goal.keyPath, value: direction)
        }
        notes.append(
            "metric: \(nodes.shown(name.value)), maximize → objective: \(nodes.shown(name.value))")
        return (renamed(entry, "objective"), name.value)
    }
}
