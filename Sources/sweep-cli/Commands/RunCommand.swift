import ArgumentParser
import Foundation
import Sweep
import Trainer

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

    @OptionGroup var datasetCache: DatasetCacheOption

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
        let options = SchedulerOptions(
            spec: spec, jobs: jobs,
            timeBudget: try timeBudget.map { text throws(SchedulerError) in
                try SchedulerOptions.seconds(text, option: "--time-budget")
            },
            grace: try SchedulerOptions.seconds(grace, option: "--grace"))
        try datasetCache.prepare(spec.trainer.data)
        let terminal = isatty(STDOUT_FILENO) != 0
        let result = try await SweepRun(
            spec: spec, databasePath: try StoreOpener.sqlitePath(db, command: "run"),
            options: options, workerCommand: workerCommand
        ).run { event, progress in
            RunProgressPrinter.print(event, progress, terminal: terminal)
        }
        if terminal {
            print("")
        }
        print(
            RankingTable.report(
                sweep: spec.name, ranking: Ranking.rank(result.trials, objective: spec.objective),
                totalTrials: result.trials.count, limit: 10, objective: spec.objective),
            terminator: "")
        print(ProgressLine.summary(result.summary))
        if result.summary.ending == .stopped {
            throw ExitCode(130)
        }
    }
}
