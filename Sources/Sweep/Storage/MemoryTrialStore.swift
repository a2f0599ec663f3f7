import Foundation
import Trainer

/// A ``TrialStore`` kept in memory, with the same semantics as ``SQLiteTrialStore``: a test double
/// for the scheduler, and a store for throw-away runs. Thread-safe.
public final class MemoryTrialStore: TrialStore, @unchecked Sendable {
    private struct Trial {
        var config: TrialConfig
        var sweepID: Int64
        var state = TrialState.queued
        var pid: Int32?
        var attempts = 0
        var error: String?
        var epochs: [Int: EpochReport] = [:]
        var outcome: TrialOutcome?
        /// Set by ``claim(sweepID:owner:at:)`` and ``heartbeat(key:attempt:pid:at:)``.
        var heartbeat: Date?
    }

    private let lock = NSLock()
    private var sweeps: [String: Int64] = [:]
    private var trials: [String: Trial] = [:]
    /// Keys in insertion order, so queries are deterministic.
    private var order: [String] = []

    public init() {}

    private func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func unknown(_ key: String) -> StoreError {
        .unknownTrial(key: key, path: ":memory:")
    }

    public func openSweep(name: String, specText: String) throws(StoreError) -> Int64 {
        try locked { () throws(StoreError) in
            if let id = sweeps[name] {
                return id
            }
            let id = Int64(sweeps.count + 1)
            sweeps[name] = id
            return id
        }
    }

    public func plan(
        sweepID: Int64, trials planned: [TrialConfig], limit: Int?
    ) throws(StoreError) {
        try locked { () throws(StoreError) in
            let stored = trials.filter { $0.value.sweepID == sweepID }.mapValues(\.config.training)
            if let changes = TrainerSettingsChange.firstConflict(stored: stored, planned: planned) {
                let name = sweeps.first { $0.value == sweepID }?.key ?? "?"
                throw .trainerSettingsChanged(sweep: name, changes: changes, path: ":memory:")
            }
            let lastIndex = trials.values.filter { $0.sweepID == sweepID }.map(\.config.index).max()
            let numbered = PlanNumbering.numbered(
                planned, storedKeys: Set(stored.keys), lastStoredIndex: lastIndex, limit: limit)
            for config in numbered where trials[config.key] == nil {
                trials[config.key] = Trial(config: config, sweepID: sweepID)
                order.append(config.key)
            }
        }
    }

    public func requeueUnfinished(sweepID: Int64) throws(StoreError) -> [Int32] {
        try locked { () throws(StoreError) in
            var pids: [(Int, Int32)] = []
            for key in order {
                guard var trial = trials[key], trial.sweepID == sweepID,
                    trial.state == .running || trial.state == .interrupted
                else { continue }
                if let pid = trial.pid {
                    pids.append((trial.config.index, pid))
                }
                trial.state = .queued
                trial.pid = nil
                trials[key] = trial
            }
            return pids.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    public func queuedTrials(sweepID: Int64) throws(StoreError) -> [TrialConfig] {
        try locked { () throws(StoreError) in
            order.compactMap { trials[$0] }
                .filter { $0.sweepID == sweepID && $0.state == .queued }
                .map(\.config)
                .sorted { $0.index < $1.index }
        }
    }

    public func markRunning(key: String, pid: Int32, at: Date) throws(StoreError) {
        try update(key) { trial in
            trial.state = .running
            trial.pid = pid
            trial.attempts += 1
            trial.heartbeat = nil
        }
    }

    public func requeue(key: String, error: String) throws(StoreError) {
        try update(key) { trial in
            trial.state = .queued
            trial.pid = nil
            trial.error = error
        }
    }

    public func attempts(key: String) throws(StoreError) -> Int {
        try locked { () throws(StoreError) in
            guard let trial = trials[key] else { throw unknown(key) }
            return trial.attempts
        }
    }

    public func epochReports(sweepID: Int64, epoch: Int) throws(StoreError) -> [String: EpochReport]
    {
        try locked { () throws(StoreError) in
            trials.filter { $0.value.sweepID == sweepID }.compactMapValues { $0.epochs[epoch] }
        }
    }

    public func recordEpoch(key: String, report: EpochReport) throws(StoreError) {
        try update(key) { $0.epochs[report.epoch] = report }
    }

    public func finish(key: String, outcome: TrialOutcome) throws(StoreError) {
        try update(key) { trial in
            trial.state = outcome.state
            trial.pid = nil
            trial.outcome = outcome
            trial.error = outcome.error ?? outcome.result?.reason
        }
    }

    public func trialRecords(sweepID: Int64) throws(StoreError) -> [TrialRecord] {
        try locked { () throws(StoreError) in
            order.compactMap { trials[$0] }
                .filter { $0.sweepID == sweepID }
                .sorted { $0.config.index < $1.config.index }
                .map(Self.record)
        }
    }

    /// A trial as ``SQLiteTrialStore`` reads it back: final metrics, else the last stored
    /// epoch's up to the epoch reached.
    private static func record(_ trial: Trial) -> TrialRecord {
        let reached =
            trial.outcome.map { max($0.epochsReached, $0.result?.epochs ?? 0) }
            ?? trial.epochs.keys.max() ?? 0
        let lastEpoch = trial.epochs.filter { $0.key <= reached }.max { $0.key < $1.key }
        let final = trial.outcome?.result?.metrics
        return TrialRecord(
            config: trial.config, state: trial.state, attempts: trial.attempts,
            workerPID: trial.pid, epochsReached: reached, error: trial.error,
            metrics: final ?? lastEpoch?.value.metrics,
            metricsSource: final != nil ? .final : lastEpoch.map { .epoch($0.key) })
    }

    /// The trial's state, outcome and stored epochs (nil when unknown), for assertions.
    public func snapshot(key: String) -> (
        state: TrialState, outcome: TrialOutcome?, epochs: [EpochReport], error: String?
    )? {
        lock.lock()
        defer { lock.unlock() }
        guard let trial = trials[key] else { return nil }
        return (
            trial.state, trial.outcome, trial.epochs.values.sorted { $0.epoch < $1.epoch },
            trial.error
        )
    }

    public func claim(sweepID: Int64, owner: String, at: Date) throws(StoreError) -> ClaimedTrial? {
        try locked { () throws(StoreError) in
            let first = order.compactMap { trials[$0] }
                .filter { $0.sweepID == sweepID && $0.state == .queued }
                .min { $0.config.index < $1.config.index }
            guard var trial = first else { return nil }
            trial.state = .running
            trial.pid = nil
            trial.attempts += 1
            trial.heartbeat = at
            trials[trial.config.key] = trial
            return ClaimedTrial(config: trial.config, attempt: trial.attempts)
        }
    }

    public func heartbeat(key: String, attempt: Int, pid: Int32?, at: Date) throws(StoreError) {
        try fenced(key, attempt) { trial in
            trial.heartbeat = at
            if let pid {
                trial.pid = pid
            }
        }
    }

    public func requeueExpired(sweepID: Int64, before: Date) throws(StoreError) -> [String] {
        try locked { () throws(StoreError) in
            var keys: [String] = []
            for key in order {
                guard var trial = trials[key], trial.sweepID == sweepID, trial.state == .running,
                    let heartbeat = trial.heartbeat, heartbeat < before
                else { continue }
                trial.state = .queued
                trial.pid = nil
                trial.heartbeat = nil
                trials[key] = trial
                keys.append(key)
            }
            return keys
        }
    }

    public func recordEpoch(key: String, attempt: Int, report: EpochReport) throws(StoreError) {
        try fenced(key, attempt) { $0.epochs[report.epoch] = report }
    }

    public func finish(key: String, attempt: Int, outcome: TrialOutcome) throws(StoreError) {
        try fenced(key, attempt) { trial in
            trial.state = outcome.state
            trial.pid = nil
            trial.heartbeat = nil
            trial.outcome = outcome
            trial.error = outcome.error ?? outcome.result?.reason
        }
    }

    public func requeue(key: String, attempt: Int, error: String) throws(StoreError) {
        try fenced(key, attempt) { trial in
            trial.state = .queued
            trial.pid = nil
            trial.heartbeat = nil
            trial.error = error
        }
    }

    public func pendingCounts(sweepID: Int64) throws(StoreError) -> PendingCounts {
        try locked { () throws(StoreError) in
            let states = trials.values.filter { $0.sweepID == sweepID }.map(\.state)
            return PendingCounts(
                queued: states.count { $0 == .queued }, running: states.count { $0 == .running })
        }
    }

    /// Applies `body` when claim `attempt` still holds the trial (running, same attempt).
    private func fenced(
        _ key: String, _ attempt: Int, _ body: (inout Trial) -> Void
    ) throws(StoreError) {
        try locked { () throws(StoreError) in
            guard var trial = trials[key] else { throw unknown(key) }
            guard trial.state == .running, trial.attempts == attempt else {
                throw .staleAttempt(key: key, attempt: attempt, path: ":memory:")
            }
            body(&trial)
            trials[key] = trial
        }
    }

    private func update(_ key: String, _ body: (inout Trial) -> Void) throws(StoreError) {
        try locked { () throws(StoreError) in
            guard var trial = trials[key] else { throw unknown(key) }
            body(&trial)
            trials[key] = trial
        }
    }
}
