import Foundation
import Trainer

/// Runs a sweep: plans it into the store, then runs the queued trials in plan order, each in its
/// own worker process, keeping `jobs` of them busy, and records every epoch and outcome.
///
/// Re-running the same sweep continues it: stored trials are not planned twice, finished ones are
/// not run again, and trials a dead orchestrator left `running`/`interrupted` are queued again
/// (their leftover workers killed). Crashes are retried up to `maxRetries`; `trialTimeout` kills a
/// trial (`timed_out`); the early-stopping rule prunes (`pruned`); no trial starts after the time
/// budget. ``requestStop()`` once drains (running trials get `grace` seconds to finish, then are
/// `interrupted`); twice stops at once.
public actor Scheduler {
    enum Phase: Equatable {
        case ready
        /// Starting trials as slots free up.
        case running
        /// Stop requested: no new trials, running ones may finish during the grace period.
        case draining
        /// Running trials are being killed and marked `interrupted`.
        case stopping
        case finished
    }

    let spec: SweepSpec
    let store: any TrialStore
    let launcher: WorkerLauncher
    let options: SchedulerOptions
    let history: SweepHistory
    let onEvent: @Sendable (SchedulerEvent, SweepProgress) -> Void
    /// Measures the run and trials and times the grace period and trial timeouts.
    let clock: any Clock<Duration>

    var rule: (any EarlyStopRule)?
    var phase = Phase.ready
    var workers: [String: WorkerProcess] = [:]
    var queue: [TrialConfig] = []
    var progress: SweepProgress
    var outcomes: [TrialState: Int] = [:]
    var retries = 0
    var budgetReached = false
    /// The sweep's id in the store, once `run` opened it.
    var sweepID: Int64 = 0
    /// A model-based sweep proposes no more trials (`max_trials` stored, or the space is spent).
    var proposalsDone = false
    var stopwatch: Stopwatch
    private var graceTask: Task<Void, Never>?

    /// - Parameters:
    ///   - earlyStop: the rule that prunes trials (`spec.earlyStop?.makeRule(maxEpochs:)`), or nil.
    ///   - history: what earlier runs stored (see ``SweepHistory/load(from:sweep:)``).
    ///   - clock: the clock for elapsed times, the grace period and trial timeouts.
    ///   - onEvent: called, on the scheduler's executor, after every change (for progress output).
    public init(
        spec: SweepSpec, store: any TrialStore, launcher: WorkerLauncher,
        options: SchedulerOptions, earlyStop: (any EarlyStopRule)? = nil,
        history: SweepHistory = SweepHistory(), clock: any Clock<Duration> = ContinuousClock(),
        onEvent: @escaping @Sendable (SchedulerEvent, SweepProgress) -> Void = { _, _ in }
    ) {
        self.spec = spec
        self.store = store
        self.launcher = launcher
        self.options = options
        self.history = history
        self.onEvent = onEvent
        self.rule = earlyStop
        self.clock = clock
        self.stopwatch = Stopwatch(clock)
        self.progress = SweepProgress(total: 0, jobs: options.jobs)
    }

    /// Runs the sweep until no queued trial is left, the time budget is spent, or a stop request
    /// ended it. Call once.
    /// - Throws: ``SchedulerError`` for a bad dataset or worker command (before anything is
    ///   written) and for store failures (running workers are stopped and marked first).
    public func run() async throws(SchedulerError) -> RunSummary {
        // A stop requested before the run began (draining, or stopping after two) holds.
        precondition(phase != .running && phase != .finished, "Scheduler.run: call it once")
        if phase == .ready {
            phase = .running
        }
        stopwatch = Stopwatch(clock)
        try Self.preflight(spec: spec, launcher: launcher)
        let sweepID = try call { try store.openSweep(name: spec.name, specText: spec.sourceText) }
        self.sweepID = sweepID
        let planned = spec.planTrials()
        try call { try store.plan(sweepID: sweepID, trials: planned + restatedProposals()) }
        let leftovers = try call { try store.requeueUnfinished(sweepID: sweepID) }
        let plannedKeys = try runnableKeys(planned)
        LeftoverWorkers.terminate(pids: leftovers, keys: plannedKeys)
        let stored = try call { try store.queuedTrials(sweepID: sweepID) }
        // The sweep file is the truth: queued trials an edited file no longer plans stay stored
        // but do not run.
        queue = stored.filter { plannedKeys.contains($0.key) }
        let setAside = stored.count - queue.count
        replayHistory()
        let total = plannedTotal(planned)
        progress = SweepProgress(
            total: total, done: total - queue.count - (try unproposedCount()),
            failed: history.failed, bestObjective: history.bestObjective, jobs: options.jobs,
            objective: spec.objective, receivedParameters: spec.receivedParameters)
        if setAside > 0 {
            emit(.setAside(count: setAside))
        }

        do {
            try await runQueue()
        } catch {
            phase = .finished
            graceTask?.cancel()
            throw SchedulerError.wrap(error)
        }
        let wasStopped = phase == .draining || phase == .stopping
        phase = .finished
        graceTask?.cancel()
        let runnable = try runnableKeys(planned)
        let stillQueued = try call {
            try store.queuedTrials(sweepID: sweepID).filter { runnable.contains($0.key) }.count
        }
        let remaining = stillQueued + (outcomes[.interrupted] ?? 0) + (try unproposedCount())
        // Trials are only left over when a stop request or the time budget held them back.
        let ending: RunSummary.Ending =
            remaining == 0 ? .allFinished : (wasStopped ? .stopped : .timeBudget)
        return RunSummary(
            ending: ending, total: try finalTotal(total), outcomes: outcomes, retries: retries,
            remaining: remaining, setAside: setAside, seconds: elapsedSeconds())
    }

    /// Asks the run to stop: the first call stops scheduling and gives running trials the grace
    /// period, after which they are killed and marked `interrupted`; a second call does that now.
    public func requestStop() {
        switch phase {
        case .ready, .running:
            phase = .draining
            emit(.draining(grace: options.grace))
            let grace = options.grace
            let clock = clock
            graceTask = Task { [weak self] in
                try? await clock.sleep(for: .seconds(grace))
                guard !Task.isCancelled else { return }
                await self?.interruptRunning()
            }
        case .draining:
            interruptRunning()
        case .stopping, .finished:
            break
        }
    }

    /// Kills every running worker; their trials end `interrupted`.
    func interruptRunning() {
        guard phase == .draining || phase == .running else { return }
        phase = .stopping
        emit(.interrupting)
        for worker in workers.values {
            worker.stop(.interrupted)
        }
    }

    /// Tops the task group up to `jobs` running trials until nothing is left to start.
    private func runQueue() async throws {
        try await withThrowingTaskGroup(of: TrialEnd.self) { group in
            var active = 0
            do {
                while true {
                    while phase == .running, active < options.jobs, hasNextTrial(),
                        !budgetSpent(), let config = try nextTrial()
                    {
                        let worker = try launch(config)
                        active += 1
                        group.addTask { await self.supervise(config, worker) }
                    }
                    guard let end = try await group.next() else { break }
                    active -= 1
                    try settle(end)
                }
            } catch {
                for worker in workers.values {
                    worker.stop(.interrupted)
                }
                while let end = try? await group.next() {
                    try? settle(end)
                }
                throw error
            }
        }
    }

    /// Whether the time budget is spent; reports it the first time.
    private func budgetSpent() -> Bool {
        guard !budgetReached, let budget = options.timeBudget else { return budgetReached }
        if elapsedSeconds() >= budget {
            budgetReached = true
            emit(.budgetReached)
        }
        return budgetReached
    }

    private func replayHistory() {
        guard rule != nil else { return }
        for (trial, report) in history.epochs {
            _ = rule?.report(
                trial: trial, epoch: report.epoch, value: report.metrics[spec.objective])
        }
    }

    func emit(_ event: SchedulerEvent) {
        progress.elapsed = elapsedSeconds()
        progress.running = workers.count
        onEvent(event, progress)
    }

    func elapsedSeconds() -> Double {
        stopwatch.seconds
    }

    /// Runs a store operation, turning its failure into a ``SchedulerError``.
    func call<T>(_ body: () throws -> T) throws(SchedulerError) -> T {
        do {
            return try body()
        } catch {
            throw SchedulerError.wrap(error)
        }
    }
}
