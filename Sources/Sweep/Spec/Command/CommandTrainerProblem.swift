/// What is wrong in a `trainer:` block that runs a command (``CommandTrainer``).
public enum CommandTrainerProblem: Sendable, Equatable {
    /// `{name}` that is neither a searched parameter nor a ``CommandPlaceholder``.
    case unknownPlaceholder(name: String, valid: [String])
    /// A `{` without its `}`, or a lone `}`.
    case unbalancedBrace
    /// A key of the embedded trainer (`data`, `lr`, …), which a command does not read.
    case embeddedTrainerKey
    /// A key no trainer block takes, with the closest command-trainer key.
    case unknownKey(suggestion: String?)
    /// `command: []`.
    case emptyCommand
    /// `metrics:` other than `stdout`.
    case unknownMetricsSource
    /// `predictions:` and `metrics: stdout` together.
    case metricsAndPredictions
    /// `predictions:` without `ground_truth:`, or the reverse.
    case predictionsNeedGroundTruth
    /// The `workdir` or `ground_truth` path does not exist (`resolved` is the path tried).
    case pathNotFound(resolved: String)
    /// An `env` name that is empty or holds `=`.
    case invalidVariableName
    /// A searched parameter that no placeholder passes to the program.
    case parameterNotPassed(name: String)

    /// The human-readable sentence for this problem.
    public var message: String {
        switch self {
        case .unknownPlaceholder(let name, let valid):
            "unknown placeholder {\(name)} (valid: \(valid.map { "{\($0)}" }.joined(separator: ", "))"
                + "; write {{ and }} for literal braces)"
        case .unbalancedBrace:
            "unbalanced brace (placeholders are {name}; write {{ and }} for literal braces)"
        case .embeddedTrainerKey:
            "only the embedded trainer reads this key; a command trainer takes command, env, "
                + "workdir, metrics, predictions, ground_truth and epochs"
        case .unknownKey(let suggestion):
            "unknown trainer key" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .emptyCommand: "must name the program to run, e.g. [python3, train.py]"
        case .unknownMetricsSource:
            "unknown metrics source (use stdout, or predictions: with ground_truth:)"
        case .metricsAndPredictions:
            "give metrics: stdout or predictions: with ground_truth:, not both"
        case .predictionsNeedGroundTruth:
            "predictions: and ground_truth: go together (the detections file and the COCO "
                + "ground truth it is scored against)"
        case .pathNotFound(let resolved): "no such file or folder: \(resolved)"
        case .invalidVariableName: "an environment variable name must be non-empty without '='"
        case .parameterNotPassed(let name):
            "searched, but the command trainer never passes it to the program: put {\(name)} "
                + "in trainer.command or trainer.env, or stop searching it"
        }
    }
}
