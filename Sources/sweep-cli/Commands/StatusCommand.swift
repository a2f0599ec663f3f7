import ArgumentParser
import Foundation
import Sweep

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

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    func run() async throws {
        let store = try SQLiteTrialStore(
            path: try StoreOpener.sqlitePath(db, command: "status"), readOnly: true)
        guard let name = try sweep ?? store.latestSweepName() else {
            print("no sweeps stored yet in \(db)")
            return
        }
        let status = try store.status(sweep: name).markingStale(databasePath: db)
        print(SweepStatusReport.render(status, now: Date()), terminator: "")
    }
}
