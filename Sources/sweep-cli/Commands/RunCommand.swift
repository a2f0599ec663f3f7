import ArgumentParser
import Foundation
import Sweep
import SweepPostgres
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
            the run ends, the database file alone holds every result. On a postgres:// --db, \
            run is one agent with --jobs slots (see 'sweep-cli agent'): other agents may share \
            the sweep, a killed run's trials are queued again once their lease (the file's \
            lease:, 60s by default) has passed, and Ctrl-C drains as above (stopped trials are \
            queued again at once, for this run's next start or another agent).
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweepFile: String

    @Option(help: "The sweep database: a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB.")
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
        if PostgresURL.isURL(db) {
            return try await runAsAgent(spec, options: options)
        }
        let terminal = isatty(STDOUT_FILENO) != 0
        let result = try await SweepRun(
            spec: spec, databasePath: db,
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
                totalTrials: result.trials.count, limit: 10, objective: spec.objective,
                received: spec.receivedParameters),
            terminator: "")
        print(ProgressLine.summary(result.summary))
        if result.summary.ending == .stopped {
            throw ExitCode(130)
        }
    }

    /// `run` on PostgreSQL: one agent in this process with `--jobs` slots (claims and leases
    /// instead of the run lock, so agents elsewhere may share the sweep), then the ranking.
    private func runAsAgent(_ spec: SweepSpec, options: SchedulerOptions) async throws {
        let (heartbeat, lease) = try AgentRunner.leaseTimes(spec: spec)
        let agentOptions = AgentOptions(
            jobs: jobs, heartbeat: heartbeat, lease: lease, timeBudget: options.timeBudget,
            trialTimeout: spec.trialTimeout, maxRetries: spec.maxRetries)
        let summary = try await AgentRunner.run(
            spec: spec, db: db, options: agentOptions, workerCommand: workerCommand,
            grace: options.grace)
        let trials = try StoreOpener.reader(db).trials(sweep: spec.name)
        print(
            RankingTable.report(
                sweep: spec.name, ranking: Ranking.rank(trials, objective: spec.objective),
                totalTrials: trials.count, limit: 10, objective: spec.objective,
                received: spec.receivedParameters),
            terminator: "")
        print(summary.line(owner: agentOptions.owner))
        if summary.ending == .stopped {
            throw ExitCode(130)
        }
    }
}
