import Foundation
import Logging
import Trainer

/// The worker side of the protocol: runs one trial and writes ``WorkerMessage`` lines.
public enum TrialWorker {
    /// Exit status of a worker that could not run its trial (bad config or dataset).
    public static let errorExitCode: Int32 = 2

    /// Decodes `input` (a ``TrialConfig`` as JSON), loads its dataset, trains, and writes one
    /// `epoch` line per epoch and then the `result` line to `write`; returns the exit status.
    /// A config problem (a value outside ``TrainingBounds``) or a dataset problem writes one
    /// `error` line and returns ``errorExitCode``, which the scheduler never retries.
    /// - Parameter trialKey: the key the scheduler passed (`--trial`); must match the config's.
    public static func run(
        input: Data, trialKey: String?, logger: Logger = Logger(label: "sweep.worker"),
        write: (String) -> Void
    ) -> Int32 {
        let config: TrialConfig
        do {
            config = try JSONDecoder().decode(TrialConfig.self, from: input)
        } catch {
            write(WorkerMessage.error("unreadable trial config on stdin: \(error)").line())
            return errorExitCode
        }
        if let trialKey, trialKey != config.key {
            write(
                WorkerMessage.error(
                    "--trial '\(trialKey)' does not match the config's key '\(config.key)'"
                ).line())
            return errorExitCode
        }
        let result: TrainingResult
        do {
            // Validated before the dataset is generated: bounds keep allocations possible.
            try config.training.validate()
            // The orchestrator names the cache folder, so a YOLO dataset is mapped, not decoded.
            let cache = ProcessInfo.processInfo.environment[DatasetCache.environmentKey]
                .map(DatasetCache.init(folder:))
            let split = try DatasetLoader.load(config.training.data, cache: cache, logger: logger)
            result = try TrainingLoop.run(config.training, on: split) { event in
                if case .epoch(let report) = event {
                    write(WorkerMessage.epoch(report).line())
                }
            }
        } catch {
            write(WorkerMessage.error("trial \(config.key): \(error)").line())
            return errorExitCode
        }
        write(WorkerMessage.result(result).line())
        return 0
    }
}
