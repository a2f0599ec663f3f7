/// A training program the sweep runs for each trial instead of the embedded trainer
/// (`trainer: command:` in a sweep file).
///
/// Every text may hold placeholders (`{lr}`, `{trial_dir}`, see ``CommandPlaceholder``), filled in
/// per trial by ``CommandTemplate``. The program reports on stdout with the worker protocol's
/// JSON lines (``CommandMessage``), or writes COCO detections that the sweep scores
/// (``CommandMetricsSource/predictions(file:groundTruth:)``).
public struct CommandTrainer: Sendable, Equatable {
    /// The program and its arguments; the first is looked up on `PATH` unless it holds a `/`
    /// (then it is relative to ``workdir``).
    public var command: [String]
    /// Variables added to the orchestrator's environment (values may hold placeholders).
    public var environment: [String: String]
    /// The absolute folder the program runs in.
    public var workdir: String
    /// Where the trial's metrics come from.
    public var metrics: CommandMetricsSource

    public init(
        command: [String], environment: [String: String] = [:], workdir: String,
        metrics: CommandMetricsSource = .stdout
    ) {
        self.command = command
        self.environment = environment
        self.workdir = workdir
        self.metrics = metrics
    }

    /// Every text that may hold placeholders, with the sweep-file key it was written under.
    public var templates: [(key: String, text: String)] {
        var templates = command.enumerated().map { ("command[\($0.offset)]", $0.element) }
        templates += environment.sorted { $0.key < $1.key }.map { ("env.\($0.key)", $0.value) }
        if case .predictions(let file, _) = metrics {
            templates.append(("predictions", file))
        }
        return templates
    }

    /// The names of the placeholders in ``templates``: what reaches the program.
    public var placeholderNames: Set<String> {
        Set(templates.flatMap { (try? CommandTemplate.names(in: $0.text)) ?? [] })
    }
}

/// Where a command trainer's trial metrics come from.
public enum CommandMetricsSource: Sendable, Equatable {
    /// The program prints `epoch` / `result` / `error` JSON lines on stdout.
    case stdout
    /// After the program exits 0, the COCO detections in `file` (a template) are scored
    /// against the COCO ground truth at the absolute path `groundTruth`.
    case predictions(file: String, groundTruth: String)
}
