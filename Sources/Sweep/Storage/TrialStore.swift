import Foundation
import Trainer

/// How a trial ended, as the scheduler records it.
public struct TrialOutcome: Sendable, Equatable {
    public var state: TrialState
    /// The final result, when the worker reported one (completed, diverged, pruned).
    public var result: TrainingResult?
    /// The epoch the trial reached.
    public var epochsReached: Int
    /// What went wrong, for failed/timed-out/interrupted trials.
    public var error: String?
    public var endedAt: Date

    public init(
        state: TrialState, result: TrainingResult? = nil, epochsReached: Int = 0,
        error: String? = nil, endedAt: Date = Date()
    ) {
        self.state = state
        self.result = result
        self.epochsReached = epochsReached
        self.error = error
        self.endedAt = endedAt
    }
}

/// Persistence of sweeps and trials: one orchestrator (`run`), or many agents on many machines
/// sharing one store through the claim/lease methods at the end.
public protocol TrialStore: Sendable {
    /// Creates the sweep, or returns the existing one of that name; returns its id.
    func openSweep(name: String, specText: String) throws -> Int64
    /// Adds the planned trials whose key is not stored yet; existing trials are left untouched.
    /// Throws ``StoreError/trainerSettingsChanged(sweep:changes:path:)`` (planning nothing) when
    /// a planned trial is stored with another training config (an edited `trainer:` section).
    /// With `limit`, new trials are added only while the sweep holds fewer than `limit` trials,
    /// counted in the same transaction, so concurrent planners (agents proposing the last
    /// trials of a model-based sweep) never store more than `limit` together.
    func plan(sweepID: Int64, trials: [TrialConfig], limit: Int?) throws
    /// Puts `running` and `interrupted` trials of the sweep back to `queued` (their orchestrator
    /// died or was stopped); returns the worker pids they had, so leftovers can be killed.
    func requeueUnfinished(sweepID: Int64) throws -> [Int32]
    /// Trials in state `queued`, in plan order.
    func queuedTrials(sweepID: Int64) throws -> [TrialConfig]
    /// Records that a worker started the trial; increments its attempt count.
    func markRunning(key: String, pid: Int32, at: Date) throws
    /// Every trial's stored report for `epoch` in the sweep, by trial key: what an agent's
    /// early stopping compares its trial with, the other agents' trials included.
    func epochReports(sweepID: Int64, epoch: Int) throws -> [String: EpochReport]
    /// Puts a trial back to `queued` (a crashed attempt that will be retried), keeping the error.
    func requeue(key: String, error: String) throws
    /// Number of times the trial was started.
    func attempts(key: String) throws -> Int
    /// Stores one epoch's metrics of a running trial.
    func recordEpoch(key: String, report: EpochReport) throws
    /// Stores the trial's final state and metrics in one transaction.
    func finish(key: String, outcome: TrialOutcome) throws
    /// Every trial of the sweep in plan order, with its final metrics (the last stored epoch's
    /// when it has none): the history a model-based sampler proposes from.
    func trialRecords(sweepID: Int64) throws -> [TrialRecord]

    // What many writers (agents) need: every claim carries an attempt number, and a write from an
    // attempt that no longer holds the trial (its lease expired and it was claimed again) throws
    // ``StoreError/staleAttempt(key:attempt:path:)`` and changes nothing.

    /// Atomically takes the first queued trial of the sweep (plan order) for `owner`: it becomes
    /// `running`, its attempt count goes up by one and its heartbeat is `at`. Nil when none is
    /// queued. Two agents never get the same trial.
    func claim(sweepID: Int64, owner: String, at: Date) throws -> ClaimedTrial?
    /// Refreshes the heartbeat of the claim (and records its worker pid, when given).
    func heartbeat(key: String, attempt: Int, pid: Int32?, at: Date) throws
    /// Puts the sweep's claimed trials whose heartbeat is older than `before` back to `queued`
    /// (their agent died or was cut off); returns their keys. Trials started by `run` (no
    /// heartbeat) are left alone.
    func requeueExpired(sweepID: Int64, before: Date) throws -> [String]
    /// ``recordEpoch(key:report:)`` for the claim `attempt`.
    func recordEpoch(key: String, attempt: Int, report: EpochReport) throws
    /// ``finish(key:outcome:)`` for the claim `attempt`.
    func finish(key: String, attempt: Int, outcome: TrialOutcome) throws
    /// ``requeue(key:error:)`` for the claim `attempt`.
    func requeue(key: String, attempt: Int, error: String) throws
    /// How many of the sweep's trials are queued and running now.
    func pendingCounts(sweepID: Int64) throws -> PendingCounts
}

extension TrialStore {
    /// Adds the planned trials whose key is not stored yet, without a limit.
    public func plan(sweepID: Int64, trials: [TrialConfig]) throws {
        try plan(sweepID: sweepID, trials: trials, limit: nil)
    }
}
