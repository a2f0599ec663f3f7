import Foundation
import Sweep
import Synchronization
import Trainer

/// Measures what the orchestrator costs per trial and how `--jobs` scales: the same small sweep
/// run through the ``Scheduler`` (real worker processes, an in-memory or a fresh SQLite store)
/// once per jobs value.
///
/// Per-trial overhead is a trial's wall-clock time as the scheduler saw it (spawn to reaped)
/// minus the training seconds its worker reported: process start, dataset loading, the protocol
/// and the store writes.
public enum OrchestratorBenchmark {
    /// One jobs value's measurements.
    public struct Row: Sendable, Equatable {
        public var jobs: Int
        public var trials: Int
        /// Wall-clock seconds of the whole run.
        public var wallSeconds: Double
        /// Mean wall-clock seconds of one trial, as the scheduler saw it.
        public var meanTrialSeconds: Double
        /// Mean training seconds the workers reported.
        public var meanTrainingSeconds: Double
        /// Trials that did not complete (they would skew the means).
        public var notCompleted: Int

        /// Mean seconds per trial outside training.
        public var overheadSeconds: Double { meanTrialSeconds - meanTrainingSeconds }
    }

    /// Runs `trials` trials of `training` (a grid over distinct learning rates) once per value of
    /// `jobsList` with workers started by `launcher`. With `databaseFolder` each run writes a
    /// fresh SQLite database there (`bench-orchestrator-jobsN.sqlite`, replaced if present), as
    /// `run` does, so the per-trial overhead includes the database writes.
    ///
    /// With `store` each run writes to the store it returns for the run's sweep name instead
    /// (a PostgreSQL database: `bench orchestrator --db postgres://…`); the names then end in
    /// `nameSuffix`, so runs never continue an earlier run's sweep.
    public static func run(
        trials: Int, jobsList: [Int], training: TrainingConfig, launcher: WorkerLauncher,
        databaseFolder: String? = nil,
        store makeStore: (@Sendable (String) throws -> any TrialStore)? = nil,
        nameSuffix: String = ""
    ) async throws(SchedulerError) -> [Row] {
        precondition(trials >= 1, "OrchestratorBenchmark.run: trials must be at least 1")
        var rows: [Row] = []
        for jobs in jobsList {
            let spec = SweepSpec(
                name: "bench-orchestrator-jobs\(jobs)" + nameSuffix, method: .grid,
                parameters: [
                    .lr: .values((1...trials).map { .number(training.lr * Double($0) / 10) })
                ],
                trainer: training, maxRetries: 0)
            let ended = Mutex<[(trial: Double, training: Double?)]>([])
            let store: any TrialStore
            if let makeStore {
                do {
                    store = try makeStore(spec.name)
                } catch let error as StoreError {
                    throw .store(error)
                } catch {
                    throw .storeFailure(String(describing: error))
                }
            } else if let databaseFolder {
                let path = "\(databaseFolder)/\(spec.name).sqlite"
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: path + suffix)
                }
                do {
                    store = try SQLiteTrialStore(path: path)
                } catch {
                    throw .store(error)
                }
            } else {
                store = MemoryTrialStore()
            }
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: launcher,
                options: SchedulerOptions(jobs: jobs, maxRetries: 0),
                onEvent: { event, _ in
                    if case .finished(_, let outcome, let seconds) = event {
                        let training = outcome.state == .completed ? outcome.result?.seconds : nil
                        ended.withLock { $0.append((seconds, training)) }
                    }
                })
            let summary = try await scheduler.run()
            let results = ended.withLock { $0 }
            let completed = results.compactMap { result in
                result.training.map { (trial: result.trial, training: $0) }
            }
            let count = Double(max(completed.count, 1))
            rows.append(
                Row(
                    jobs: jobs, trials: results.count, wallSeconds: summary.seconds,
                    meanTrialSeconds: completed.map(\.trial).reduce(0, +) / count,
                    meanTrainingSeconds: completed.map(\.training).reduce(0, +) / count,
                    notCompleted: results.count - completed.count))
        }
        return rows
    }

    /// The table `sweep-cli bench orchestrator` prints; speed-up is against the first row.
    public static func report(_ rows: [Row]) -> String {
        var table = TextTable(columns: [
            .init("jobs"), .init("trials"), .init("wall_s"), .init("trials_per_min"),
            .init("speedup"), .init("trial_s"), .init("training_s"), .init("overhead_s"),
            .init("not_completed"),
        ])
        let base = rows.first.map { $0.wallSeconds / Double(max($0.trials, 1)) }
        for row in rows {
            let perTrial = row.wallSeconds / Double(max(row.trials, 1))
            table.append([
                String(row.jobs), String(row.trials),
                ReportFormat.fixed(row.wallSeconds, decimals: 2),
                ReportFormat.fixed(60 / perTrial, decimals: 1),
                base.map { ReportFormat.fixed($0 / perTrial, decimals: 2) } ?? "-",
                ReportFormat.fixed(row.meanTrialSeconds, decimals: 3),
                ReportFormat.fixed(row.meanTrainingSeconds, decimals: 3),
                ReportFormat.fixed(row.overheadSeconds, decimals: 3), String(row.notCompleted),
            ])
        }
        return table.render()
    }
}
