import ArgumentParser
import Benchmarks
import Sweep

/// `sweep-cli bench asha`: ASHA replayed over a stored full grid.
struct BenchASHACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asha",
        abstract: "ASHA vs. full grid: best APs found and trial-epochs spent.",
        discussion: """
            Replays the per-epoch ap_small of a stored grid sweep (run without early_stop:) \
            through the ASHA rule as --jobs asynchronous workers would: trials start in plan \
            order, an epoch takes one time unit (--timing unit; then the figures do not depend \
            on --jobs) or its recorded seconds (--timing recorded), a pruned trial frees its \
            worker. Targets: ASHA's \
            best fully trained trial within 0.01 ap_small of the grid's best, using at most 40% \
            of the grid's trial-epochs.
            """)

    @Argument(help: "The full grid sweep's name.")
    var sweep: String

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    @Option(parsing: .unconditional, help: "Workers of the replayed asynchronous scheduler.")
    var jobs = 4

    @Option(help: "How long a replayed epoch takes: unit or recorded (its stored seconds).")
    var timing: EarlyStopReplay.Timing = .unitEpochs

    @Option(parsing: .unconditional, help: "ASHA's η: the top 1/η of the trials at a rung go on.")
    var reductionFactor = 3

    @Option(parsing: .unconditional, help: "ASHA's first rung (grace period), in epochs.")
    var minEpochs = 1

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard reductionFactor >= 2 else {
            throw ValidationError("--reduction-factor must be at least 2, got \(reductionFactor)")
        }
        guard minEpochs >= 1 else {
            throw ValidationError("--min-epochs must be at least 1, got \(minEpochs)")
        }
    }

    func run() async throws {
        let store = try StoreOpener.sqliteFile(db)
        let benchmark = try ASHABenchmark.run(
            sweep: sweep, curves: try ReplayCurves.load(store, sweep: sweep), workers: jobs,
            timing: timing, minEpochs: minEpochs, reductionFactor: reductionFactor)
        print(benchmark.report, terminator: "")
    }
}

extension EarlyStopReplay.Timing: ExpressibleByArgument {}
