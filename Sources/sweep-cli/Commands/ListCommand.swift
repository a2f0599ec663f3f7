import ArgumentParser
import Sweep

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the sweeps in the database.")

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    func run() async throws {
        let store = try SQLiteTrialStore(
            path: try StoreOpener.sqlitePath(db, command: "list"), readOnly: true)
        print(SweepListTable.render(try store.sweeps()), terminator: "")
    }
}
