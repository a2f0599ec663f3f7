import Foundation
import Trainer
import Yams

extension SweepFileParser {
    /// The keys of a `trainer:` block that runs a command.
    static let commandTrainerKeys = [
        "command", "env", "workdir", "metrics", "predictions", "ground_truth", "epochs",
    ]

    /// Whether the `trainer:` block runs a command (it has a `command:` key).
    func isCommandTrainer(_ entry: SweepFileEntry) -> Bool {
        (try? nodes.mapping(entry.value, entry.keyPath))?.contains { $0.key == "command" } ?? false
    }

    /// The training config of a command trainer: the defaults, with its `epochs`.
    func parseCommandTraining(_ entry: SweepFileEntry) throws(SweepFileError) -> TrainingConfig {
        var config = TrainingConfig()
        for item in try nodes.mapping(entry.value, entry.keyPath) where item.key == "epochs" {
            config.epochs = try nodes.atLeast(1, item)
        }
        return config
    }

    /// The `trainer:` block as a ``CommandTrainer``, nil when it has no `command:`. Every
    /// placeholder must name one of `searched` or a ``CommandPlaceholder``, and every searched
    /// parameter (an entry of `parameters`) must reach the program through a placeholder;
    /// relative `workdir` and `ground_truth` paths are taken from the sweep file's folder and
    /// must exist.
    func parseCommandTrainer(
        _ entry: SweepFileEntry, parameters: SweepFileEntry,
        searched: some Sequence<Hyperparameter>
    ) throws(SweepFileError) -> CommandTrainer? {
        guard isCommandTrainer(entry) else { return nil }
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        let embedded = TrainingConfigReader.keys(for: .configFile)
        for item in entries where !Self.commandTrainerKeys.contains(item.key) {
            let problem: CommandTrainerProblem =
                embedded.contains(item.key)
                ? .embeddedTrainerKey
                : .unknownKey(
                    suggestion: KeySuggestion.closest(to: item.key, among: Self.commandTrainerKeys))
            throw nodes.error(.commandTrainer(problem), at: item.keyNode, item.keyPath)
        }
        let byKey = Dictionary(
            entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var trainer = CommandTrainer(
            command: [], workdir: try byKey["workdir"].map(existingPath) ?? absolute(baseDirectory),
            metrics: try parseMetricsSource(byKey))
        if let command = byKey["command"] {
            let items = try nodes.list(command.value, command.keyPath)
            guard !items.isEmpty else {
                throw nodes.error(
                    .commandTrainer(.emptyCommand), at: command.value, command.keyPath,
                    value: "[]")
            }
            for (index, item) in items.enumerated() {
                let text = try nodes.text(item, "\(command.keyPath)[\(index)]")
                try checkPlaceholders(text, item, "\(command.keyPath)[\(index)]", searched)
                trainer.command.append(text)
            }
        }
        if let env = byKey["env"] {
            for variable in try nodes.mapping(env.value, env.keyPath) {
                guard !variable.key.isEmpty, !variable.key.contains("=") else {
                    throw nodes.error(
                        .commandTrainer(.invalidVariableName), at: variable.keyNode,
                        variable.keyPath)
                }
                let text = try nodes.text(variable.value, variable.keyPath)
                try checkPlaceholders(text, variable.value, variable.keyPath, searched)
                trainer.environment[variable.key] = text
            }
        }
        if case .predictions(let file, _) = trainer.metrics, let item = byKey["predictions"] {
            try checkPlaceholders(file, item.value, item.keyPath, searched)
        }
        try requirePassed(parameters, to: trainer)
        return trainer
    }

    /// Throws for the first searched parameter no placeholder of the command, its environment
    /// or its predictions path names: trials would differ only in what is stored, never in what
    /// the program is told.
    private func requirePassed(
        _ parameters: SweepFileEntry, to trainer: CommandTrainer
    ) throws(SweepFileError) {
        let used = trainer.placeholderNames
        for parameter in try nodes.mapping(parameters.value, parameters.keyPath)
        where !used.contains(parameter.key) {
            throw nodes.error(
                .commandTrainer(.parameterNotPassed(name: parameter.key)), at: parameter.keyNode,
                parameter.keyPath)
        }
    }

    private func parseMetricsSource(
        _ byKey: [String: SweepFileEntry]
    ) throws(SweepFileError) -> CommandMetricsSource {
        if let metrics = byKey["metrics"] {
            guard try nodes.text(metrics.value, metrics.keyPath) == "stdout" else {
                throw nodes.error(
                    .commandTrainer(.unknownMetricsSource), at: metrics.value, metrics.keyPath,
                    value: nodes.shown(metrics.value))
            }
            if let predictions = byKey["predictions"] {
                throw nodes.error(
                    .commandTrainer(.metricsAndPredictions), at: predictions.keyNode,
                    predictions.keyPath)
            }
        }
        switch (byKey["predictions"], byKey["ground_truth"]) {
        case (nil, nil):
            return .stdout
        case (let predictions?, let groundTruth?):
            return .predictions(
                file: try nodes.text(predictions.value, predictions.keyPath),
                groundTruth: try existingPath(groundTruth))
        case (let alone?, nil), (nil, let alone?):
            throw nodes.error(
                .commandTrainer(.predictionsNeedGroundTruth), at: alone.keyNode, alone.keyPath)
        }
    }

    private func checkPlaceholders(
        _ text: String, _ node: Node, _ keyPath: String, _ searched: some Sequence<Hyperparameter>
    ) throws(SweepFileError) {
        let valid = CommandPlaceholder.names(searching: searched)
        let names: [String]
        do {
            names = try CommandTemplate.names(in: text)
        } catch {
            throw nodes.error(
                .commandTrainer(.unbalancedBrace), at: node, keyPath, value: nodes.shown(node))
        }
        for name in names where !valid.contains(name) {
            throw nodes.error(
                .commandTrainer(.unknownPlaceholder(name: name, valid: valid)), at: node, keyPath,
                value: nodes.shown(node))
        }
    }

    /// The entry's path, relative to the sweep file's folder unless absolute; it must exist
    /// (when ``checksPaths``).
    private func existingPath(_ entry: SweepFileEntry) throws(SweepFileError) -> String {
        let text = try nodes.text(entry.value, entry.keyPath)
        let path =
            text.hasPrefix("/")
            ? text : URL(fileURLWithPath: baseDirectory).appendingPathComponent(text).path
        let resolved = absolute(path)
        guard !checksPaths || FileManager.default.fileExists(atPath: resolved) else {
            throw nodes.error(
                .commandTrainer(.pathNotFound(resolved: resolved)), at: entry.value,
                entry.keyPath, value: nodes.shown(entry.value))
        }
        return resolved
    }

    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
    }
}
