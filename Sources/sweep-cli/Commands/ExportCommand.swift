import ArgumentParser
import Sweep

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a sweep's ranking as CSV or its best config as YAML.",
        discussion: """
            The CSV (RFC 4180, CRLF) has one row per ranked trial, best first. The best config \
            is the winner's training config, usable as `sweep-cli train --config FILE`. An \
            output that is the database (or its -wal, -shm, lock file) or the other output is \
            refused before anything is written; links are followed, devices and FIFOs written \
            in place, and every failed write exits 1 naming the file.
            """)

    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(help: "Write the ranking as CSV to this file.")
    var out: String?

    @Option(parsing: .unconditional, help: "Only the best N trials in the CSV.")
    var top: Int?

    @Flag(help: "The CSV holds only the Pareto front of the objective against training seconds.")
    var pareto = false

    @Option(help: "Write the best trial's training config as YAML to this file.")
    var bestConfig: String?

    @Option(help: ObjectiveOption.help)
    var objective: String?

    @Option(help: "The sweep database (a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB).")
    var db = SQLiteTrialStore.defaultPath

    func validate() throws {
        guard out != nil || bestConfig != nil else {
            throw ValidationError(
                "nothing to export: pass --out FILE.csv and/or --best-config FILE.yaml")
        }
        if top != nil && out == nil {
            throw ValidationError("--top limits the CSV: pass it with --out FILE.csv")
        }
        if pareto && out == nil {
            throw ValidationError("--pareto selects the CSV's trials: pass it with --out FILE.csv")
        }
        if let top, top < 1 {
            throw ValidationError("--top must be at least 1, got \(top)")
        }
        _ = try ObjectiveOption.metric(objective)
    }

    func run() async throws {
        let store = try StoreOpener.reader(db)
        let messages = try SweepExporter.export(
            from: store, sweep: sweep, csvPath: out, limit: top, pareto: pareto,
            bestConfigPath: bestConfig, objective: ObjectiveOption.metric(objective))
        for message in messages {
            print(message)
        }
    }
}
