import Foundation
import Trainer

extension CommandTrainer {
    /// The placeholder values of one trial: its searched parameters (empty for a conditional
    /// one its condition leaves inactive) and every ``CommandPlaceholder``.
    public static func values(
        for config: TrialConfig, sweep: String, trialDirectory: String,
        searched: some Sequence<Hyperparameter>
    ) -> [String: String] {
        var values: [String: String] = [
            CommandPlaceholder.epochs.rawValue: String(config.training.epochs),
            CommandPlaceholder.seed.rawValue: String(config.seed),
            CommandPlaceholder.trial.rawValue: String(config.index),
            CommandPlaceholder.trialDirectory.rawValue: trialDirectory,
            CommandPlaceholder.sweep.rawValue: sweep,
        ]
        for parameter in searched {
            values[parameter.rawValue] = config.parameters.value(of: parameter)?.description ?? ""
        }
        return values
    }

    /// The folder of trial `index` of `sweep` under `root`: `ROOT/SWEEP/trial-INDEX`.
    public static func trialDirectory(root: String, sweep: String, index: Int) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(sweep)
            .appendingPathComponent("trial-\(index)").standardizedFileURL.path
    }

    /// The command with one trial's values filled in.
    /// - Throws: ``CommandTemplate/Problem`` for a placeholder without a value (the parser
    ///   refuses those, so only a hand-built trainer reaches it).
    public func filled(_ values: [String: String]) throws(CommandTemplate.Problem) -> (
        command: [String], environment: [String: String]
    ) {
        var command: [String] = []
        for text in self.command {
            command.append(try CommandTemplate.fill(text, values))
        }
        var environment: [String: String] = [:]
        for (name, text) in self.environment {
            environment[name] = try CommandTemplate.fill(text, values)
        }
        return (command, environment)
    }

    /// The invocation of trial `config`: placeholders filled, the program found (on `PATH`
    /// from `base`, or relative to ``workdir``), its environment `base` plus ``environment``,
    /// and its trial folder created.
    func invocation(
        _ config: TrialConfig, spec: SweepSpec, trialsRoot: String, base: [String: String]
    ) throws(SchedulerError) -> WorkerInvocation {
        let folder = Self.trialDirectory(root: trialsRoot, sweep: spec.name, index: config.index)
        let values = Self.values(
            for: config, sweep: spec.name, trialDirectory: folder, searched: spec.parameters.keys)
        let filled: (command: [String], environment: [String: String])
        do {
            filled = try self.filled(values)
        } catch {
            throw .cannotStartWorker(command: command.joined(separator: " "), reason: "\(error)")
        }
        let environment = base.merging(filled.environment) { _, new in new }
        guard let program = filled.command.first else {
            throw .cannotStartWorker(command: "", reason: "the command is empty")
        }
        guard let executable = resolve(program, path: environment["PATH"]) else {
            throw .cannotStartWorker(
                command: program, reason: "no such executable file (in \(workdir) or on PATH)")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotStartWorker(
                command: program, reason: "cannot create the trial folder \(folder): \(error)")
        }
        return WorkerInvocation(
            argv: [executable] + filled.command.dropFirst(), environment: environment,
            workdir: workdir)
    }

    /// The absolute path of `program`: relative to ``workdir`` when it holds a `/`, else the
    /// first executable of that name on `path`.
    func resolve(_ program: String, path: String?) -> String? {
        let candidates =
            program.contains("/")
            ? [
                URL(fileURLWithPath: program, relativeTo: URL(fileURLWithPath: workdir)).absoluteURL
                    .path
            ]
            : (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map {
                URL(fileURLWithPath: String($0)).appendingPathComponent(program).path
            }
        return candidates.first { candidate in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder)
                && !isFolder.boolValue && access(candidate, X_OK) == 0
        }
    }
}
