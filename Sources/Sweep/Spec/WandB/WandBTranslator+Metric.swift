import Trainer
import Yams

extension WandBTranslator {
    static let metricKeys = ["name", "goal", "target"]

    /// The objective a W&B file names (`metric: {name, goal}`), nil when it is not one; without
    /// a goal, W&B's default, minimize.
    static func objective(in root: Node) -> Objective? {
        guard !markers(in: root).isEmpty, let metric = root.mapping?["metric"]?.mapping,
            let name = metric["name"]?.string
        else { return nil }
        let goal = metric["goal"]?.string.flatMap(Objective.Goal.init(rawValue:))
        return Objective(name: name, goal: goal ?? .minimize)
    }

    /// `metric: {name: val_loss, goal: minimize}` → `objective: {name: val_loss, goal: minimize}`.
    /// Without `goal`, W&B minimizes: kept for a metric of the program's own, refused for an AP
    /// or AR metric (better when higher), whose file must say `goal: maximize`.
    func translateMetric(
        _ entry: SweepFileEntry, notes: inout [String]
    ) throws(SweepFileError) -> (Node, Node) {
        let byKey = try nodes.keyedMapping(entry.value, entry.keyPath, allowed: Self.metricKeys) {
            .unknownParameterKey(suggestion: $0)
        }
        if let target = byKey["target"] {
            throw nodes.error(.wandb(.targetNotSupported), at: target.keyNode, target.keyPath)
        }
        guard let name = byKey["name"] else {
            throw nodes.error(.missingKey, at: entry.keyNode, "metric.name")
        }
        let goal: Node
        if let given = byKey["goal"] {
            goal = given.value
        } else {
            let metricName = try nodes.text(name.value, name.keyPath)
            if DetectionMetric(rawValue: metricName) != nil {
                throw nodes.error(
                    .wandb(.defaultGoalMinimizesDetectionMetric), at: entry.keyNode,
                    "metric.goal")
            }
            goal = scalar(Objective.Goal.minimize.rawValue, at: entry.keyNode)
        }
        notes.append(
            "metric: \(nodes.shown(name.value)), \(nodes.shown(goal))"
                + (byKey["goal"] == nil ? " (W&B's default goal)" : "")
                + " → objective: {name: \(nodes.shown(name.value)), goal: \(nodes.shown(goal))}")
        let objective = Node.mapping(
            Node.Mapping(
                [(scalar("name", at: name.keyNode), name.value), (scalar("goal", at: goal), goal)],
                .implicit, .any, entry.value.mark))
        return (renamed(entry, "objective"), objective)
    }
}
