import ArgumentParser
import Foundation
import Sweep

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run (or continue) a sweep file.",
        discussion: """
            Plans the sweep into the database and runs its queued trials, --jobs at a time, each \
            in its own worker process. Running the same file again continues the sweep: finished \
            trials are kept, trials of a killed run are queued again. Ctrl-C (or SIGTERM, or \
            SIGHUP from a closed terminal) stops scheduling and lets running trials finish for \
            --grace, then stops them (marked interrupted, queued again on the next run); a \
            second Ctrl-C stops them at once. Exit status 130 when stopped that way. However \
            the run ends, the database file alone holds every result.
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweepFile: String

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    @Option(
        name: [.customShort("j"), .long], parsing: .unconditional,
        help: "Trials run at once (default: CPU cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        parsing: .unconditional,
        help: "No new trial starts after this (e.g. 8h; the smaller of this and the file's).")
    var timeBudget: String?

    @Option(
        parsing: .unconditional,
        help: "How long running trials may finish after the first Ctrl-C.")
    var grace = "30s"

    @Option(help: .hidden)
    var workerCommand: String?

    func validate() throws {
        guard jobs >= 1 else {
            throw ValidationError("--jobs must be at least 1, got \(jobs)")
        }
        _ = try timeBudget.map { text throws(SchedulerError) in
            try SchedulerOptions.seconds(text, option: "--time-budget")
        }
        _ = try SchedulerOptions.seconds(grace, option: "--grace")
    }

    func run() async throws {
        let spec = try SweepSpec.load(path: sweepFile)
        let store = try SQLiteTrialStore(path: db)
        // Another run holding the lock keeps writing: this one leaves the database alone.
        let lock = try RunLock(databasePath: db)
        defer { withExtendedLifetime(lock) {} }
        // However the run ends (done, time budget, Ctrl-C/SIGTERM/SIGHUP, an error), the results
        // are moved from the write-ahead log into the database file, lock still held, before the
        // process exits.
        try await store.closing { try await run(spec, store, lock) }
    }

    private func run(_ spec: SweepSpec, _ store: SQLiteTrialStore, _ lock: RunLock) async throws {
        let options = SchedulerOptions(
            spec: spec, jobs: jobs,
            timeBudget: try timeBudget.map { text throws(SchedulerError) in
                try SchedulerOptions.seconds(text, option: "--time-budget")
            },
            grace: try SchedulerOptions.seconds(grace, option: "--grace"))
        if let previous = lock.previousRunID {
            LeftoverWorkers.terminate(runID: previous)
        }
        var launcher =
            workerCommand.map {
                WorkerLauncher(executable: URL(fileURLWithPath: $0).standardizedFileURL.path)
            } ?? .currentExecutable()
        launcher.environment[LeftoverWorkers.runIDVariable] = lock.runID
        let terminal = isatty(STDOUT_FILENO) != 0
        let scheduler = Scheduler(
            spec: spec, store: store, launcher: launcher, options: options,
            earlyStop: spec.earlyStop?.makeRule(maxEpochs: spec.trainer.epochs),
            history: try SweepHistory.load(from: store, sweep: spec.name),
            onEvent: { event, progress in
                RunProgressPrinter.print(event, progress, terminal: terminal)
            })
        let signals = StopSignals { _ in
            Task { await scheduler.requestStop() }
        }
        defer { signals.cancel() }
        let summary = try await scheduler.run()
        if terminal {
            print("")
        }
        let trials = try store.trials(sweep: spec.name)
        print(
            RankingTable.report(
                sweep: spec.name, ranking: Ranking.rank(trials), totalTrials: trials.count,
                limit: 10),
            terminator: "")
        print(ProgressLine.summary(summary))
        if summary.ending == .stopped {
            throw ExitCode(130)
        }
    }
}
