import Foundation

/// The command line that starts one worker process.
///
/// Worker `argv` is `executable`, `arguments…`, `--trial KEY`; the worker reads the trial's
/// ``TrialConfig`` as JSON on stdin and prints ``WorkerMessage`` lines on stdout. Production uses
/// the running `sweep-cli` itself with `worker`; tests and external trainers use any executable
/// that speaks the same protocol.
public struct WorkerLauncher: Sendable, Equatable {
    /// Absolute path of the program to start.
    public var executable: String
    /// Arguments before `--trial KEY` (`["worker"]` for `sweep-cli`).
    public var arguments: [String]
    /// Variables added to (or replacing in) the orchestrator's environment.
    /// `OPENBLAS_NUM_THREADS=1` is always set: one BLAS thread per trial.
    public var environment: [String: String]
    /// The folder holding each command trainer's trial folders (`ROOT/SWEEP/trial-N`).
    public var trialsRoot: String

    public init(
        executable: String, arguments: [String] = ["worker"],
        environment: [String: String] = [:],
        trialsRoot: String = defaultTrialsRoot(database: SQLiteTrialStore.defaultPath)
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.trialsRoot = trialsRoot
    }

    /// The launcher a sweep uses, with its trial folders beside `database`: the program at
    /// `workerCommand` (`--worker-command`, relative to the current folder), or this program.
    public static func forSweep(workerCommand: String?, database: String) -> WorkerLauncher {
        var launcher =
            workerCommand.map {
                WorkerLauncher(executable: URL(fileURLWithPath: $0).standardizedFileURL.path)
            } ?? .currentExecutable()
        launcher.trialsRoot = defaultTrialsRoot(database: database)
        return launcher
    }

    /// The running program in worker mode (`/proc/self/exe worker`), falling back to the
    /// resolved `argv[0]` where `/proc` is missing.
    public static func currentExecutable() -> WorkerLauncher {
        let proc = "/proc/self/exe"
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: proc) {
            return WorkerLauncher(executable: resolved)
        }
        let argv0 = CommandLine.arguments.first ?? "sweep-cli"
        let url = URL(fileURLWithPath: argv0).standardizedFileURL.resolvingSymlinksInPath()
        return WorkerLauncher(executable: url.path)
    }

    /// The full `argv` for the trial `key`.
    public func argv(trialKey key: String) -> [String] {
        [executable] + arguments + ["--trial", key]
    }

    /// The worker's environment: the orchestrator's, plus ``environment``, plus one BLAS thread.
    public func environment(base: [String: String] = ProcessInfo.processInfo.environment)
        -> [String: String]
    {
        var merged = base.merging(environment) { _, new in new }
        merged["OPENBLAS_NUM_THREADS"] = "1"
        return merged
    }
}
