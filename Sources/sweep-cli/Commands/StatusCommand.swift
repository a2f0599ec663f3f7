import ArgumentParser
import Foundation
import Sweep
import SweepPostgres

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the state of a sweep's trials.",
        discussion: """
            Without a sweep name, shows the most recently created sweep. Trials stored as \
            running whose run ended (no run holds the database, their worker is gone) are shown \
            as stale and counted apart. Reads only; works while a run writes.
            """)

    @Argument(help: "The sweep's name (default: the most recent sweep).")
    var sweep: String?

    @Option(help: "The sweep database (a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB).")
    var db = SQLiteTrialStore.defaultPath

    func run() async throws {
        let store = try StoreOpener.reader(db)
        guard let name = try sweep ?? store.sweepNames().last else {
            print("no sweeps stored yet in \(db)")
            return
        }
        // Staleness is read from SQLite's run lock; agents' dead claims expire by their lease.
        let stored = try store.status(sweep: name)
        let status = PostgresURL.isURL(db) ? stored : try stored.markingStale(databasePath: db)
        print(SweepStatusReport.render(status, now: Date()), terminator: "")
    }
}
