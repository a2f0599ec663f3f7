import ArgumentParser
import Benchmarks
import Sweep

/// `sweep-cli bench search`: search methods replayed over a completed grid's export.
struct BenchSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Trials random search and TPE need to find a near-best config of a grid table.",
        discussion: """
            The table is a 'sweep-cli export' CSV of a completed full grid; the search space is \
            the distinct values of lr, weight_decay, batch_size and loss in it, and a trial looks \
            its objective up. Per method: median, mean and 90th percentile over the seeds of the \
            trials needed to reach a config within --gap of the table's best (a run that never \
            does counts --budget + 1). With --jobs K, K proposals are outstanding before their \
            results arrive (TPE's constant liar). The same statistics for Optuna: \
            bench/optuna_table.py. With --db DB --sweep NAME instead of --table, the stored \
            grid's per-epoch ap_small is replayed (an epoch takes one time unit), so \
            --early-stop asha can prune; it also prints the trial-epochs spent until a config \
            within --gap is trained to its last epoch, as a share of the full grid's.
            """)

    @Option(help: "The exported grid (CSV).")
    var table: String?

    @Option(help: "A database holding a full grid run (instead of --table).")
    var db: String?

    @Option(help: "The full grid sweep's name in --db.")
    var sweep: String?

    @Option(help: "With --db: asha replays ASHA (first rung epoch 1, reduction factor 3).")
    var earlyStop: String?

    @Option(help: "The objective column (maximised).")
    var objective = "ap_small"

    @Option(help: "Comma-separated methods: random, tpe, tpe-multivariate, bayes.")
    var method = "random,tpe"

    @Option(parsing: .unconditional, help: "Runs per method (seeds 0..<N).")
    var seeds = 30

    @Option(parsing: .unconditional, help: "How close to the table's best counts as found.")
    var gap = 0.01

    @Option(parsing: .unconditional, help: "Trials per run (default: the table's size).")
    var budget: Int?

    @Option(parsing: .unconditional, help: "Proposals outstanding before their results arrive.")
    var jobs = 1

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
        guard gap >= 0, gap.isFinite else {
            throw ValidationError("--gap must be a number ≥ 0, got \(gap)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let budget, budget < 1 {
            throw ValidationError("--budget must be at least 1, got \(budget)")
        }
        _ = try methods()
        try validateSource()
    }

    /// Exactly one of `--table` or `--db` with `--sweep`; `--early-stop asha` needs `--db`.
    func validateSource() throws {
        guard (table == nil) != (db == nil) else {
            throw ValidationError("give exactly one of --table FILE.csv or --db DB --sweep NAME")
        }
        if db != nil {
            guard sweep != nil else { throw ValidationError("--db needs --sweep NAME") }
            guard objective == "ap_small" else {
                throw ValidationError("--objective applies to --table; --db replays ap_small")
            }
        }
        if let earlyStop {
            guard earlyStop == "asha" else {
                throw ValidationError("--early-stop: unknown rule '\(earlyStop)', expected asha")
            }
            guard db != nil else {
                throw ValidationError("--early-stop needs --db DB --sweep NAME")
            }
        }
    }

    func methods() throws -> [SearchStrategy] {
        let names = method.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let expected = SearchStrategy.allCases.map(\.rawValue).joined(separator: ", ")
        guard !names.isEmpty else {
            throw ValidationError("--method must list methods among \(expected)")
        }
        return try names.map { name in
            guard let method = SearchStrategy(rawValue: name) else {
                throw ValidationError("--method: unknown method '\(name)', expected \(expected)")
            }
            return method
        }
    }

    func run() async throws {
        let methods = try methods()
        if let db, let sweep {
            let store = try StoreOpener.sqliteFile(db)
            let curves = try SearchCurves(
                sweep: sweep, curves: ReplayCurves.load(store, sweep: sweep))
            let benchmark = try SearchEarlyStopBenchmark(
                curves: curves, gap: gap, budget: budget ?? curves.curves.count, jobs: jobs,
                asha: earlyStop == nil ? nil : (minEpochs: 1, reductionFactor: 3))
            let report = try SearchEarlyStopReport(
                benchmark: benchmark, methods: methods, seeds: seeds)
            print(json ? report.json + "\n" : report.text(order: methods, gap: gap), terminator: "")
            return
        }
        let table = try SearchTable(contentsOf: self.table ?? "", objective: objective)
        let benchmark = try SearchBenchmark(
            table: table, gap: gap, budget: budget ?? table.configs, jobs: jobs)
        let report = try SearchBenchmarkReport(
            benchmark: benchmark,
            methods: methods, seeds: seeds)
        print(
            json ? report.json : report.text(order: methods, gap: gap), terminator: json ? "\n" : ""
        )
    }
}
