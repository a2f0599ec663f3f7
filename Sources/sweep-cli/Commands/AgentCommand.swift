import ArgumentParser
import Foundation
import Sweep
import SweepPostgres

struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Run trials of a sweep shared by many agents (one per machine).",
        discussion: """
            Plans the sweep into --db if it is new (agents starting together plan it once), then \
            claims queued trials one at a time, --jobs at once, each in its own worker process, \
            heartbeating them. A trial whose agent stopped heartbeating for the lease is queued \
            again by any agent; a late write of its old attempt is refused. Exits when no trial \
            is queued or running, after --max-trials-here, after --idle-exit with nothing to \
            claim, or once its time budget (the file's time_budget or --time-budget, counted \
            from its start) passed and its trials finished, printing a summary line. Ctrl-C or SIGTERM stops it: its trials are queued \
            again for the other agents (exit status 130). --db takes an SQLite file on a local \
            disk (agents of one machine) or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE. A \
            YOLO dataset is prepared once in --cache (on this machine) for all its trials.
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweepFile: String

    @Option(help: "The sweep database: a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB.")
    var db = SQLiteTrialStore.defaultPath

    @Option(
        name: [.customShort("j"), .long], parsing: .unconditional,
        help: "Trials this agent runs at once.")
    var jobs = 1

    @Option(parsing: .unconditional, help: "Exit after starting this many trials.")
    var maxTrialsHere: Int?

    @Option(parsing: .unconditional, help: "Exit after waiting this long with nothing to claim.")
    var idleExit: String?

    @Option(
        parsing: .unconditional,
        help: "No new trial starts here after this (e.g. 8h; the smaller of this and the file's).")
    var timeBudget: String?

    @Option(
        parsing: .unconditional,
        help: "Heartbeat interval (default: the sweep file's heartbeat, else 10s).")
    var heartbeat: String?

    @Option(
        parsing: .unconditional,
        help: "Requeue trials whose heartbeat is older (default: the sweep file's lease, else 60s)."
    )
    var lease: String?

    @OptionGroup var datasetCache: DatasetCacheOption

    @Option(help: .hidden)
    var workerCommand: String?

    func validate() throws {
        guard jobs >= 1 else {
            throw ValidationError("--jobs must be at least 1, got \(jobs)")
        }
        if let maxTrialsHere, maxTrialsHere < 1 {
            throw ValidationError("--max-trials-here must be at least 1, got \(maxTrialsHere)")
        }
        _ = try durations()
    }

    private func durations() throws -> (
        idle: Double?, heartbeat: Double?, lease: Double?, budget: Double?
    ) {
        func seconds(_ text: String?, _ option: String) throws -> Double? {
            try text.map { text throws(SchedulerError) in
                try SchedulerOptions.seconds(text, option: option)
            }
        }
        let parsed = (
            try seconds(idleExit, "--idle-exit"), try seconds(heartbeat, "--heartbeat"),
            try seconds(lease, "--lease"), try seconds(timeBudget, "--time-budget")
        )
        for (value, option) in [(parsed.1, "--heartbeat"), (parsed.2, "--lease")] {
            if let value, value <= 0 {
                throw ValidationError("\(option) must be longer than 0 s")
            }
        }
        return parsed
    }

    func run() async throws {
        let spec = try SweepSpec.load(path: sweepFile)
        let given = try durations()
        let (heartbeat, lease) = try AgentRunner.leaseTimes(
            spec: spec, heartbeat: given.heartbeat, lease: given.lease)
        let options = AgentOptions(
            jobs: jobs, maxTrialsHere: maxTrialsHere, idleExit: given.idle, heartbeat: heartbeat,
            lease: lease, timeBudget: [spec.timeBudget, given.budget].compactMap { $0 }.min(),
            trialTimeout: spec.trialTimeout, maxRetries: spec.maxRetries)
        try datasetCache.prepare(spec.trainer.data)
        let summary = try await AgentRunner.run(
            spec: spec, db: db, options: options, workerCommand: workerCommand)
        print(summary.line(owner: options.owner))
        if summary.ending == .stopped {
            throw ExitCode(130)
        }
    }
}
