import Foundation
import Trainer
import Yams

/// Turns a sweep file's text into a validated ``SweepSpec``, or the first mistake as a located
/// ``SweepFileError``. Reads Yams' node tree (`Yams.compose`) so every key and value keeps its
/// line.
struct SweepFileParser {
    let nodes: SweepFileNodes
    let text: String
    /// Directory against which a relative `trainer.data.yolo` path is resolved.
    let baseDirectory: String
    /// Whether paths that must exist (a command's `workdir`, `ground_truth`) are checked; not
    /// for a stored sweep file read back, whose folders may be gone.
    let checksPaths: Bool

    static let topLevelKeys = [
        "name", "method", "max_trials", "seed", "parameters", "trainer", "time_budget",
        "trial_timeout", "max_retries", "early_stop", "sampler", "initial", "objective",
        "heartbeat", "lease",
    ]

    init(text: String, path: String, baseDirectory: String, checksPaths: Bool = true) {
        self.nodes = SweepFileNodes(path: path)
        self.text = text
        self.baseDirectory = baseDirectory
        self.checksPaths = checksPaths
    }

    func parse() throws(SweepFileError) -> SweepSpec {
        let translation = try WandBTranslator(nodes: nodes).translate(try compose())
        var spec = try parse(root: translation.root)
        spec.readingNotes = translation.notes
        return spec
    }

    /// The spec of a sweep file's node tree in this project's vocabulary.
    func parse(root: Node) throws(SweepFileError) -> SweepSpec {
        let byKey = try nodes.keyedMapping(root, "", allowed: Self.topLevelKeys) {
            .unknownTopLevelKey(suggestion: $0)
        }
        func required(_ key: String) throws(SweepFileError) -> SweepFileEntry {
            guard let entry = byKey[key] else { throw nodes.error(.missingKey, at: root, key) }
            return entry
        }

        let name = try parseName(required("name"))
        let method = try parseMethod(required("method"))
        let maxTrials = try parseMaxTrials(byKey["max_trials"], method: method, root: root)
        let seed = try byKey["seed"].map { entry throws(SweepFileError) in
            UInt64(try nodes.atLeast(0, entry))
        }
        let trainer = try byKey["trainer"].map(parseTrainer) ?? TrainingConfig()
        let parameters = try parseParameters(
            required("parameters"), method: method,
            commandTrainer: byKey["trainer"].map(isCommandTrainer) ?? false)
        let conditions = try parseConditions(required("parameters"), domains: parameters)
        let command = try byKey["trainer"].flatMap { entry throws(SweepFileError) in
            try parseCommandTrainer(
                entry, parameters: required("parameters"), searched: parameters.keys)
        }
        if method == .grid {
            try requireGridSize(parameters, required("parameters"))
        }
        let earlyStop = try byKey["early_stop"].map { entry throws(SweepFileError) in
            try parseEarlyStop(entry, epochs: trainer.epochs)
        }
        let timeBudget = try byKey["time_budget"].map(parseDuration)
        let trialTimeout = try byKey["trial_timeout"].map(parseDuration)
        let maxRetries = try byKey["max_retries"].map { entry throws(SweepFileError) in
            try nodes.atLeast(0, entry)
        }
        let samplerSettings = try parseSampler(byKey["sampler"], method: method)
        let initial = try byKey["initial"].map { entry throws(SweepFileError) in
            try parseInitial(
                entry, parameters: parameters, conditions: conditions, trainer: trainer,
                maxTrials: maxTrials)
        }
        let objective =
            try byKey["objective"].map { entry throws(SweepFileError) in
                try parseObjective(entry, command: command)
            } ?? Self.defaultObjective

        var training = trainer
        training.seed = seed ?? 0
        var spec = SweepSpec(
            name: name, method: method, maxTrials: maxTrials, seed: seed ?? 0,
            parameters: parameters, trainer: training, earlyStop: earlyStop,
            timeBudget: timeBudget, trialTimeout: trialTimeout, maxRetries: maxRetries ?? 1,
            sourceText: text, samplerSettings: samplerSettings, initial: initial ?? [],
            objective: objective)
        spec.heartbeat = try byKey["heartbeat"].map(parseDuration)
        spec.lease = try byKey["lease"].map(parseDuration)
        spec.conditions = conditions
        spec.command = command
        return spec
    }

    private func compose() throws(SweepFileError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw malformed(error)
        } catch {
            throw SweepFileError(
                path: nodes.path, line: nil, column: nil, keyPath: "", value: nil,
                problem: .malformedYAML(reason: "\(error)"))
        }
        guard let root else {
            throw SweepFileError(
                path: nodes.path, line: nil, column: nil, keyPath: "", value: nil,
                problem: .emptyDocument)
        }
        return root
    }

    private func malformed(_ error: YamlError) -> SweepFileError {
        func located(_ problem: String, _ mark: Mark?, key: String = "") -> SweepFileError {
            let reason = mark.map { "\(problem) at column \($0.column)" } ?? problem
            return SweepFileError(
                path: nodes.path, line: mark?.line, column: mark?.column, keyPath: key,
                value: nil, problem: .malformedYAML(reason: reason))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return located(prefix + problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let (line, keyPath) = DuplicateKeyLocator.locate(
                key: key, firstLine: context.mark.line, text: text)
            return SweepFileError(
                path: nodes.path, line: line, column: nil, keyPath: keyPath, value: nil,
                problem: .duplicateKey)
        case .reader(let problem, _, _, _):
            return located(problem, nil)
        default:
            return located("\(error)", nil)
        }
    }

    private func parseName(_ entry: SweepFileEntry) throws(SweepFileError) -> String {
        let name = try nodes.text(entry.value, entry.keyPath)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.count <= 100, !name.hasPrefix("."),
            name.allSatisfy(allowed.contains)
        else {
            throw nodes.error(.invalidName, at: entry.value, entry.keyPath, value: "\"\(name)\"")
        }
        return name
    }

    private func parseMethod(_ entry: SweepFileEntry) throws(SweepFileError) -> SearchMethod {
        let text = try nodes.text(entry.value, entry.keyPath)
        guard let method = SearchMethod(rawValue: text) else {
            throw nodes.error(.unknownMethod, at: entry.value, entry.keyPath, value: text)
        }
        return method
    }

    private func parseMaxTrials(
        _ entry: SweepFileEntry?, method: SearchMethod, root: Node
    ) throws(SweepFileError) -> Int? {
        switch (method, entry) {
        case (.grid, nil): return nil
        case (.grid, let entry?):
            throw nodes.error(
                .maxTrialsWithGrid, at: entry.keyNode, entry.keyPath,
                value: nodes.shown(entry.value))
        case (.random, nil), (.tpe, nil), (.bayes, nil):
            throw nodes.error(.maxTrialsRequired, at: root, "max_trials")
        case (.random, let entry?), (.tpe, let entry?), (.bayes, let entry?):
            let count = try nodes.atLeast(1, entry)
            guard count <= SweepLimits.maximumTrials else {
                throw nodes.error(
                    .outOfRange(requirement: "must be <= \(SweepLimits.maximumTrials)"),
                    at: entry.value, entry.keyPath, value: String(count))
            }
            return count
        }
    }

    /// Refuses a grid with more points than ``SweepLimits/maximumTrials``.
    private func requireGridSize(
        _ parameters: [Hyperparameter: ParameterDomain], _ entry: SweepFileEntry
    ) throws(SweepFileError) {
        let counts = parameters.keys.sorted().compactMap { parameter -> Int? in
            guard case .values(let values)? = parameters[parameter] else { return nil }
            return values.count
        }
        // A Double holds every product of lists within the limit exactly enough to print.
        let points = counts.reduce(1.0) { $0 * Double($1) }
        guard points <= Double(SweepLimits.maximumTrials) else {
            let factors = counts.map(String.init).joined(separator: " × ")
            throw nodes.error(
                .gridTooLarge(
                    points: String(format: "%.0f", points), factors: factors,
                    limit: SweepLimits.maximumTrials),
                at: entry.keyNode, entry.keyPath)
        }
    }

    private func parseDuration(_ entry: SweepFileEntry) throws(SweepFileError) -> Double {
        let text = try nodes.text(entry.value, entry.keyPath)
        guard let seconds = DurationParser.seconds(text) else {
            throw nodes.error(.badDuration, at: entry.value, entry.keyPath, value: text)
        }
        guard seconds > 0 else {
            throw nodes.error(
                .outOfRange(requirement: "must be > 0"), at: entry.value,
                entry.keyPath, value: text)
        }
        guard seconds <= DurationParser.maximumSeconds else {
            throw nodes.error(
                .outOfRange(requirement: DurationParser.maximumRequirement), at: entry.value,
                entry.keyPath, value: text)
        }
        return seconds
    }

}
