import Foundation

/// One `sweep-cli run` without the printing: opens the database and takes its run lock, stops
/// the workers a killed run left behind, runs the ``Scheduler`` with Ctrl-C, SIGTERM and SIGHUP
/// draining it (see ``StopSignals``), and closes the database however the run ends, so the
/// database file alone holds every result (``SQLiteTrialStore/close()``).
public struct SweepRun: Sendable {
    /// What the run ended with: the scheduler's summary and every trial of the sweep.
    public struct Result: Sendable {
        public var summary: RunSummary
        /// All trials of the sweep as stored after the run, in plan order.
        public var trials: [TrialRecord]
    }

    public var spec: SweepSpec
    public var databasePath: String
    public var options: SchedulerOptions
    /// The worker program; nil runs this program as `worker`
    /// (``WorkerLauncher/currentExecutable()``).
    public var workerCommand: String?
    /// The scheduler's clock (elapsed times, time budget, grace period, trial timeouts).
    public var clock: any Clock<Duration>

    public init(
        spec: SweepSpec, databasePath: String, options: SchedulerOptions,
        workerCommand: String? = nil, clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.spec = spec
        self.databasePath = databasePath
        self.options = options
        self.workerCommand = workerCommand
        self.clock = clock
    }

    /// Runs the sweep to its end (all done, time budget, stop signal).
    /// - Parameter onEvent: called after every change (for progress output).
    /// - Throws: ``StoreError`` for a database that cannot be opened,
    ///   ``SchedulerError/databaseInUse(path:)`` while another run holds it, and the scheduler's
    ///   errors; the database is closed first.
    public func run(
        onEvent: @escaping @Sendable (SchedulerEvent, SweepProgress) -> Void = { _, _ in }
    ) async throws -> Result {
        // Signals are caught from the start to the end of the closing, so none cuts the run
        // short before the database is closed.
        let stops = StopRelay()
        let signals = StopSignals { _ in stops.request() }
        defer { signals.cancel() }
        let store = try SQLiteTrialStore(path: databasePath)
        // Another run holding the lock keeps writing: this one leaves the database alone.
        let lock = try RunLock(databasePath: databasePath)
        defer { withExtendedLifetime(lock) {} }
        return try await store.closing { try await run(store, lock, stops, onEvent) }
    }

    private func run(
        _ store: SQLiteTrialStore, _ lock: RunLock, _ stops: StopRelay,
        _ onEvent: @escaping @Sendable (SchedulerEvent, SweepProgress) -> Void
    ) async throws -> Result {
        if let previous = lock.previousRunID {
            LeftoverWorkers.terminate(runID: previous)
        }
        var launcher = WorkerLauncher.forSweep(workerCommand: workerCommand, database: databasePath)
        launcher.environment[LeftoverWorkers.runIDVariable] = lock.runID
        let scheduler = Scheduler(
            spec: spec, store: store, launcher: launcher, options: options,
            earlyStop: spec.makeEarlyStopRule(),
            history: try SweepHistory.load(
                from: store, sweep: spec.name, objective: spec.objective), clock: clock,
            onEvent: onEvent)
        await stops.attach(scheduler)
        let summary = try await scheduler.run()
        return Result(summary: summary, trials: try store.trials(sweep: spec.name))
    }
}
