import ArgumentParser
import Benchmarks
import Foundation
import Sweep
import SweepPostgres

/// `sweep-cli bench claims`: how fast agents claim trials from one shared store.
struct BenchClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Claim throughput: N agents claiming zero-epoch trials from one store.",
        discussion: """
            Plans --trials trials into a new sweep of --db for each --agents value, then lets \
            that many threads, each with its own connection, claim and finish them until none \
            is left. Prints claims per second and checks that every trial was claimed exactly \
            once. --db is a postgres:// URL or an SQLite file (replaced if present).
            """)

    @Option(help: "The store: postgres://USER[:PASSWORD]@HOST[:PORT]/DB or an SQLite file.")
    var db: String

    @Option(help: "Trials per run.")
    var trials = 2000

    @Option(help: "Comma-separated agent counts.")
    var agents = "1,8,64"

    func run() async throws {
        let agentsList = agents.split(separator: ",").compactMap { Int($0) }
        guard !agentsList.isEmpty, agentsList.allSatisfy({ $0 >= 1 }), trials >= 1 else {
            throw ValidationError("--agents must list counts ≥ 1 and --trials be ≥ 1")
        }
        let db = db
        if !PostgresURL.isURL(db) {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: db + suffix)
            }
        }
        let rows = try ClaimBenchmark.run(trials: trials, agentsList: agentsList) {
            try StoreOpener.writable(db).store
        }
        print(ClaimBenchmark.report(rows), terminator: "")
    }
}
