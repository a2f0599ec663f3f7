import Foundation
import Trainer

/// One agent of a sweep shared through a store (`sweep-cli agent`): plans the sweep if it is
/// new (idempotent, so many agents may start at once), then claims queued trials one at a time,
/// runs each in a worker process as ``Scheduler`` does, heartbeats its claims, and stores epochs
/// and results under the claim's attempt number (a claim that expired meanwhile is refused by
/// the store, so nothing is stored twice).
///
/// A model-based sweep (`method: tpe`) is proposed lazily, as ``Scheduler`` does: an agent with
/// a free slot and nothing to claim proposes the next trial from every trial in the shared
/// store (other agents' running trials included), plans it and claims it.
///
/// Claims of dead agents (heartbeat older than the lease) are queued again by whichever agent
/// notices first. An agent with nothing to claim waits while other agents' trials run (they may
/// come back), and exits when no trial is queued or running, after `maxTrialsHere` trials, or
/// after `idleExit` seconds of waiting.
public actor Agent {
    struct Running {
        var claim: ClaimedTrial
        var worker: WorkerProcess
    }

    let spec: SweepSpec
    let store: any TrialStore
    let launcher: WorkerLauncher
    let options: AgentOptions
    let onEvent: @Sendable (AgentEvent) -> Void
    let clock = ContinuousClock()
    var rule: (any EarlyStopRule)?
    /// The sweep's id in the store, once opened.
    var sweepID: Int64?
    var running: [String: Running] = [:]
    var stopping = false
    /// A model-based sweep has stored `max_trials` trials or exhausted its space.
    var proposalsDone = false
    var summary = AgentSummary(ending: .sweepFinished)

    /// - Parameter earlyStop: the rule that prunes trials; it sees the epochs of this agent's
    ///   trials and, at each epoch it decides, every other trial's report for that epoch in the
    ///   shared store.
    public init(
        spec: SweepSpec, store: any TrialStore, launcher: WorkerLauncher, options: AgentOptions,
        earlyStop: (any EarlyStopRule)? = nil,
        onEvent: @escaping @Sendable (AgentEvent) -> Void = { _ in }
    ) {
        self.spec = spec
        self.store = store
        self.launcher = launcher
        self.options = options
        self.rule = earlyStop
        self.onEvent = onEvent
    }

    /// Runs until the sweep is finished, `maxTrialsHere` trials were started, `idleExit` passed
    /// without work, or ``requestStop(grace:)``. Call once.
    public func run() async throws(SchedulerError) -> AgentSummary {
        let began = clock.now
        try Scheduler.preflight(spec: spec, launcher: launcher)
        let sweepID = try call { try store.openSweep(name: spec.name, specText: spec.sourceText) }
        self.sweepID = sweepID
        try call { try store.plan(sweepID: sweepID, trials: spec.planTrials()) }
        let heartbeats = Task { [options] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(options.heartbeat))
                self.beat(sweepID: sweepID)
            }
        }
        defer { heartbeats.cancel() }
        do {
            summary.ending = try await loop(sweepID: sweepID)
        } catch {
            for entry in running.values {
                entry.worker.stop(.interrupted)
            }
            throw SchedulerError.wrap(error)
        }
        summary.seconds = (clock.now - began) / .seconds(1)
        return summary
    }

    /// Stops claiming; the running trials may finish for `grace` seconds (their heartbeats go
    /// on), then are stopped and queued again for other agents. A second request stops them at
    /// once.
    public func requestStop(grace: Double = 0) {
        let again = stopping
        stopping = true
        guard again || grace <= 0 else {
            Task {
                try? await Task.sleep(for: .seconds(grace))
                await self.stopRunning()
            }
            return
        }
        stopRunning()
    }

    private func stopRunning() {
        for entry in running.values {
            entry.worker.stop(.interrupted)
        }
    }

    private func loop(sweepID: Int64) async throws -> AgentSummary.Ending {
        let budgetEnds = options.timeBudget.map { clock.now + .seconds($0) }
        return try await withThrowingTaskGroup(of: AgentTrialEnd.self) { group in
            var started = 0
            var idleSince: ContinuousClock.Instant?
            while true {
                let budgetSpent = budgetEnds.map { clock.now >= $0 } ?? false
                while !stopping, !budgetSpent, running.count < options.jobs,
                    started < (options.maxTrialsHere ?? .max),
                    let claim = try claimNext(sweepID: sweepID)
                {
                    let worker = try launch(claim)
                    started += 1
                    group.addTask { await self.supervise(claim, worker) }
                }
                if !running.isEmpty {
                    if let end = try await group.next() {
                        try settle(end)
                    }
                    idleSince = nil
                    continue
                }
                if stopping { return .stopped }
                if budgetSpent { return .timeBudget }
                if started >= (options.maxTrialsHere ?? .max) { return .maxTrialsHere }
                requeueExpired(sweepID: sweepID)
                let pending = try store.pendingCounts(sweepID: sweepID)
                if pending.queued > 0 { continue }
                if pending.running == 0 { return .sweepFinished }
                let since = idleSince ?? clock.now
                idleSince = since
                if let idleExit = options.idleExit, clock.now - since >= .seconds(idleExit) {
                    return .idle
                }
                emit(.waiting(running: pending.running))
                try await Task.sleep(for: .seconds(min(options.heartbeat, options.lease / 4)))
            }
        }
    }

    /// Heartbeats every running claim and queues dead agents' claims again. A claim the store
    /// refuses (it expired and was requeued) has its worker stopped: its work is lost.
    func beat(sweepID: Int64) {
        let now = Date()
        for entry in running.values {
            do {
                try store.heartbeat(
                    key: entry.claim.key, attempt: entry.claim.attempt, pid: nil, at: now)
            } catch StoreError.staleAttempt {
                entry.worker.stop(.interrupted)
            } catch {
                // A failed heartbeat is retried on the next beat; the lease allows several.
                continue
            }
        }
        requeueExpired(sweepID: sweepID)
    }

    private func requeueExpired(sweepID: Int64) {
        let before = Date().addingTimeInterval(-options.lease)
        guard let keys = try? store.requeueExpired(sweepID: sweepID, before: before),
            !keys.isEmpty
        else { return }
        summary.requeuedExpired += keys.count
        emit(.requeuedExpired(keys: keys))
    }

    func emit(_ event: AgentEvent) {
        onEvent(event)
    }

    func call<T>(_ body: () throws -> T) throws(SchedulerError) -> T {
        do {
            return try body()
        } catch {
            throw SchedulerError.wrap(error)
        }
    }
}
