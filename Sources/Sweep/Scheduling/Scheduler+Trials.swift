import Foundation
import Trainer

/// One worker run of a trial as the task group hands it back.
struct TrialEnd: Sendable {
    var config: TrialConfig
    var attempt: TrialAttempt
    var seconds: Double
    /// A store write that failed while the trial ran: the run must stop.
    var storeError: SchedulerError?
}

extension Scheduler {
    /// Starts a worker for `config` and records it as running.
    func launch(_ config: TrialConfig) throws(SchedulerError) -> WorkerProcess {
        let worker = try launcher.start(config, spec: spec)
        do {
            try store.markRunning(key: config.key, pid: worker.pid, at: Date())
        } catch {
            worker.stop(.interrupted)
            throw SchedulerError.wrap(error)
        }
        workers[config.key] = worker
        let attempt = (try? store.attempts(key: config.key)) ?? 1
        emit(.started(config, attempt: attempt))
        return worker
    }

    /// Reads the worker's output until it exits: stores each epoch, asks the early-stopping
    /// rule, and enforces the trial timeout.
    nonisolated func supervise(_ config: TrialConfig, _ worker: WorkerProcess) async -> TrialEnd {
        let stopwatch = Stopwatch(clock)
        let (attempt, storeError) = await worker.attempt(
            timeout: options.trialTimeout, clock: clock, decode: WorkerLauncher.decoder(for: spec),
            record: { report in try store.recordEpoch(key: config.key, report: report) },
            decide: { report in await decide(config, report) })
        let seconds = stopwatch.seconds
        return TrialEnd(
            config: config,
            attempt: launcher.complete(attempt, config: config, spec: spec, seconds: seconds),
            seconds: seconds,
            storeError: storeError.map(SchedulerError.wrap))
    }

    /// Reports an epoch to the progress output and the early-stopping rule.
    func decide(_ config: TrialConfig, _ report: EpochReport) -> EarlyStopDecision {
        emit(.epoch(config, report))
        guard phase != .stopping, rule != nil else { return .continue }
        return rule?.report(
            trial: config.key, epoch: report.epoch, value: report.metrics[spec.objective])
            ?? .continue
    }

    /// Stores how a worker run ended: a final outcome, or the trial queued again for a retry.
    /// A store write that failed during the trial marks it `interrupted` (where the store still
    /// takes that) and is thrown.
    func settle(_ end: TrialEnd) throws(SchedulerError) {
        let config = end.config
        workers[config.key] = nil
        if let error = end.storeError {
            let outcome = TrialOutcome(
                state: .interrupted, epochsReached: end.attempt.epochsReached,
                error: "run stopped: \(error)")
            try? store.finish(key: config.key, outcome: outcome)
            throw error
        }
        let attempts = try call { try store.attempts(key: config.key) }
        switch end.attempt.verdict(attempts: attempts, maxRetries: options.maxRetries) {
        case .retry(let reason):
            try call { try store.requeue(key: config.key, error: reason) }
            retries += 1
            if phase == .running {
                queue.append(config)
            }
            emit(.retrying(config, reason: reason))
        case .finish(let outcome):
            try call { try store.finish(key: config.key, outcome: outcome) }
            count(outcome, attempt: end.attempt, seconds: end.seconds)
            emit(.finished(config, outcome, seconds: end.seconds))
        }
    }

    private func count(_ outcome: TrialOutcome, attempt: TrialAttempt, seconds: Double) {
        outcomes[outcome.state, default: 0] += 1
        guard outcome.state.isFinal else { return }
        progress.done += 1
        progress.finishedThisRun += 1
        progress.trialSecondsThisRun += seconds
        if outcome.state == .failed || outcome.state == .timedOut {
            progress.failed += 1
        }
        let metrics = outcome.state == .pruned ? attempt.lastMetrics : outcome.result?.metrics
        if Ranking.rankedStates.contains(outcome.state), let value = metrics?[spec.objective],
            spec.objective.isBetter(value, than: progress.bestObjective ?? .nan)
        {
            progress.bestObjective = value
        }
    }

    /// Checks, before anything is written, that the workers can start and the data exists.
    static func preflight(spec: SweepSpec, launcher: WorkerLauncher) throws(SchedulerError) {
        if let command = spec.command {
            try command.preflight(launcher: launcher)
            return
        }
        guard access(launcher.executable, X_OK) == 0 else {
            throw .cannotStartWorker(
                command: launcher.executable, reason: "no such executable file")
        }
        switch spec.trainer.data {
        case .synthetic(let options):
            do {
                try SyntheticDataset.validate(options)
            } catch {
                throw .dataset(error)
            }
        case .yolo(let path, _, _, _):
            guard FileManager.default.fileExists(atPath: path) else {
                throw .dataset(.missingFile(path: path))
            }
        }
    }
}
