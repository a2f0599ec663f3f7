import Foundation

extension WorkerLauncher {
    /// How trial `config` of `spec` starts: this launcher's worker with the config on stdin, or
    /// the sweep's command trainer (``SweepSpec/command``) with this launcher's environment.
    public func invocation(
        for config: TrialConfig, spec: SweepSpec
    ) throws(SchedulerError) -> WorkerInvocation {
        if let command = spec.command {
            return try command.invocation(
                config, spec: spec, trialsRoot: trialsRoot, base: environment())
        }
        let input: Data
        do {
            input = try JSONEncoder().encode(config)
        } catch {
            preconditionFailure("WorkerLauncher.invocation: TrialConfig encodes: \(error)")
        }
        return WorkerInvocation(
            argv: argv(trialKey: config.key), environment: environment(), input: input)
    }

    /// Starts trial `config` of `spec` (see ``invocation(for:spec:)``).
    public func start(
        _ config: TrialConfig, spec: SweepSpec
    ) throws(SchedulerError) -> WorkerProcess {
        try WorkerProcess.spawn(try invocation(for: config, spec: spec))
    }
}

extension WorkerLauncher {
    /// How the stdout lines of `spec`'s trials are read: the strict worker protocol, or a
    /// command trainer's lenient one (``CommandMessage``).
    public static func decoder(for spec: SweepSpec) -> @Sendable (String) -> WorkerMessage? {
        if spec.command == nil {
            return { line in WorkerMessage(line: line) }
        }
        return { line in CommandMessage.decode(line) }
    }

    /// A finished attempt of trial `config`, completed as `spec`'s trainer requires (see
    /// ``CommandTrainer/complete(_:config:spec:trialsRoot:seconds:)``); unchanged for the
    /// embedded worker.
    func complete(
        _ attempt: TrialAttempt, config: TrialConfig, spec: SweepSpec, seconds: Double
    ) -> TrialAttempt {
        spec.command?.complete(
            attempt, config: config, spec: spec, trialsRoot: trialsRoot, seconds: seconds)
            ?? attempt
    }
}

extension WorkerLauncher {
    /// The folder of command trainers' trial folders for the database `database`: `trials`
    /// beside an SQLite file; for a server database (`postgres://…`), beside the default SQLite
    /// file (`results/trials`).
    public static func defaultTrialsRoot(database: String) -> String {
        let file = database.contains("://") ? SQLiteTrialStore.defaultPath : database
        return URL(fileURLWithPath: file).deletingLastPathComponent()
            .appendingPathComponent("trials").path
    }
}
