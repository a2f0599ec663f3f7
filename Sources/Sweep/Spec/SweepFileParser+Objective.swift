import Trainer
import Yams

extension SweepFileParser {
    /// The objective of a sweep file without `objective:`.
    static let defaultObjective = Objective.default

    static let objectiveKeys = ["name", "goal"]

    /// `objective: ap50_small` (maximised), or `objective: {name: val_loss, goal: minimize}`.
    /// A name that is not a ``DetectionMetric`` is a metric the program reports itself, which
    /// only a command trainer printing its metrics (`metrics: stdout`) can do; AP and AR metrics
    /// are only maximised.
    func parseObjective(
        _ entry: SweepFileEntry, command: CommandTrainer?
    ) throws(SweepFileError) -> Objective {
        var nameNode = entry.value
        var namePath = entry.keyPath
        var goal = Objective.Goal.maximize
        if entry.value.mapping != nil {
            let byKey = try nodes.keyedMapping(
                entry.value, entry.keyPath, allowed: Self.objectiveKeys
            ) {
                .unknownObjectiveKey(suggestion: $0)
            }
            guard let name = byKey["name"] else {
                throw nodes.error(.missingKey, at: entry.value, entry.keyPath + ".name")
            }
            (nameNode, namePath) = (name.value, name.keyPath)
            if let goalEntry = byKey["goal"] {
                let text = try nodes.text(goalEntry.value, goalEntry.keyPath)
                guard let parsed = Objective.Goal(rawValue: text) else {
                    throw nodes.error(
                        .unknownGoal, at: goalEntry.value, goalEntry.keyPath, value: text)
                }
                goal = parsed
            }
        }
        let name = try nodes.text(nameNode, namePath)
        guard !name.isEmpty, nameNode.null == nil else {
            throw nodes.error(.emptyObjectiveName, at: nameNode, namePath, value: name)
        }
        let objective = Objective(name: name, goal: goal)
        if objective.detectionMetric != nil {
            guard goal == .maximize else {
                throw nodes.error(
                    .minimizedDetectionMetric(name), at: entry.value, entry.keyPath, value: nil)
            }
            return objective
        }
        let reportsOwnMetrics = command.map { $0.metrics == .stdout } ?? false
        guard reportsOwnMetrics else {
            let valid = DetectionMetric.allCases.map(\.name)
            throw nodes.error(
                .unknownObjective(
                    valid: valid, suggestion: KeySuggestion.closest(to: name, among: valid)),
                at: nameNode, namePath, value: name)
        }
        guard !CommandMessage.fieldNames.contains(name) else {
            throw nodes.error(.reservedObjectiveName, at: nameNode, namePath, value: name)
        }
        return objective
    }

    /// The objective of a stored sweep file's text (validated when it was stored): its top-level
    /// `objective:` (a W&B file's `metric`), or the default when the text has none or no longer
    /// reads as one.
    static func objective(storedIn text: String) -> Objective {
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: text) else {
            return defaultObjective
        }
        if let node = mapping["objective"] {
            if let name = node.string { return Objective(name: name) }
            guard let name = node.mapping?["name"]?.string else { return defaultObjective }
            let goal = node.mapping?["goal"]?.string.flatMap(Objective.Goal.init(rawValue:))
            return Objective(name: name, goal: goal ?? .maximize)
        }
        return WandBTranslator.objective(in: .mapping(mapping)) ?? defaultObjective
    }
}

extension SweepSpec {
    /// The objective of a sweep file without `objective:`.
    public static var defaultObjective: Objective { SweepFileParser.defaultObjective }

    /// The objective of a stored sweep file's text, for stores that keep only the text.
    public static func objective(storedIn text: String) -> Objective {
        SweepFileParser.objective(storedIn: text)
    }
}
